package uk.org.safeguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeMarkdownTest {

    @Test
    void rendersTheSubsetWithGovukClasses() {
        String html = SafeMarkdown.toHtml("""
                # Top
                Some *text* with a [link](/help).

                ### Smaller

                - one
                - two

                1. first

                > Call 999

                ---
                """);
        assertThat(html)
                .contains("<h2 class=\"govuk-heading-m\">Top</h2>")
                .contains("<p class=\"govuk-body\">Some <em>text</em> with a <a rel=\"nofollow\" href=\"/help\" class=\"govuk-link\">link</a>.</p>")
                .contains("<h3 class=\"govuk-heading-s\">Smaller</h3>")
                .contains("<ul class=\"govuk-list govuk-list--bullet\">")
                .contains("<ol class=\"govuk-list govuk-list--number\">")
                .contains("<blockquote class=\"govuk-inset-text\">\n<p>Call 999</p>")
                .contains("govuk-section-break")
                .doesNotContain("<h1");
    }

    @Test
    void rawHtmlIsShownAsTextNeverInterpreted() {
        String html = SafeMarkdown.toHtml("<script>alert(1)</script>\n\nHello <b onclick=x>there</b>");
        assertThat(html).doesNotContain("<script").doesNotContain("<b ")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;b onclick=x&gt;");
    }

    @Test
    void dangerousLinksAreNeutralisedAndSafeOnesKept() {
        assertThat(SafeMarkdown.toHtml("[x](javascript:alert(1))")).doesNotContain("javascript:");
        assertThat(SafeMarkdown.toHtml("[x](data:text/html,hi)")).doesNotContain("data:");
        assertThat(SafeMarkdown.toHtml("[call](tel:08000113764)")).contains("href=\"tel:08000113764\"");
        assertThat(SafeMarkdown.toHtml("[mail](mailto:team@example.org)")).contains("href=\"mailto:team@example.org\"");
        assertThat(SafeMarkdown.toHtml("[web](https://www.gov.uk/)")).contains("href=\"https://www.gov.uk/\"");
    }

    @Test
    void imagesNeverLoadShowingTheirDescriptionInstead() {
        String html = SafeMarkdown.toHtml("![a tracking pixel](https://tracker.example/p.gif)");
        assertThat(html).doesNotContain("<img").doesNotContain("tracker.example").contains("a tracking pixel");
    }
}
