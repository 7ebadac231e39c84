package uk.org.safeguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Grouped phone numbers keep their order in right-to-left text: isolated in plain text, marked in Markdown. */
class PhoneNumbersLeftToRightTest {

    private static final String LRI = "\u2066";
    private static final String PDI = "\u2069";

    @Test
    void groupedNumbersAreIsolated() {
        assertThat(Languages.isolatePhoneNumbers("اتصل على 0800 789 321 أو 020 7946 0000."))
                .isEqualTo("اتصل على " + LRI + "0800 789 321" + PDI + " أو " + LRI + "020 7946 0000" + PDI + ".");
        assertThat(Languages.isolatePhoneNumbers("+44 20 7946 0000, Samaritans 116 123"))
                .isEqualTo(LRI + "+44 20 7946 0000" + PDI + ", Samaritans " + LRI + "116 123" + PDI);
        assertThat(Languages.isolatePhoneNumbers("0800\u00A0789\u00A0321")).isEqualTo(LRI + "0800\u00A0789\u00A0321" + PDI);
    }

    @Test
    void otherNumbersAreLeftAlone() {
        for (String text : new String[] {"اتصل بالرقم 999 أو 101", "0800-789-321", "27 3 2026", "12 characters", "",
                "Page 2 of 30", "08000113764"}) {
            assertThat(Languages.isolatePhoneNumbers(text)).as(text).isEqualTo(text);
        }
        assertThat(Languages.isolatePhoneNumbers(null)).isNull();
    }

    @Test
    void markdownMarksGroupedNumbersLeftToRight() {
        assertThat(SafeMarkdown.toHtml("اتصل على 0800 789 321 أو [0800 011 3764](tel:08000113764) أو 999"))
                .isEqualTo("<p class=\"govuk-body\">اتصل على <span dir=\"ltr\">0800 789 321</span> أو "
                        + "<a rel=\"nofollow\" href=\"tel:08000113764\" class=\"govuk-link\"><span dir=\"ltr\">0800 011 3764</span></a> أو 999</p>\n");
        assertThat(SafeMarkdown.toHtml("Call <b>0800 789 321</b>"))
                .as("still escaped").isEqualTo("<p class=\"govuk-body\">Call &lt;b&gt;<span dir=\"ltr\">0800 789 321</span>&lt;/b&gt;</p>\n");
    }
}
