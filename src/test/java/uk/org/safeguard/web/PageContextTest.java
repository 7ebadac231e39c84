package uk.org.safeguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class PageContextTest {

    @Test
    void numbersInTextAreWesternDigitsInEveryLanguageWhileTheTextIsTheLanguagesOwn() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/components");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        PageContext bengali = new PageContext(messages, Locale.forLanguageTag("bn"), "/", null, List.of(), List.of());
        PageContext arabic = new PageContext(messages, Locale.forLanguageTag("ar"), "/", null, List.of(), List.of());
        String english = new PageContext(messages, Locale.ENGLISH, "/", null, List.of(), List.of())
                .t("components.pagination.pageNumber", 1234);
        assertThat(bengali.t("components.pagination.pageNumber", 1234)).as("the Bengali text, with 1,234 in Western digits")
                .contains("1,234").isNotEqualTo(english).doesNotContain("১");
        assertThat(arabic.t("components.pagination.pageNumber", 1234)).contains("1,234").isNotEqualTo(english)
                .doesNotContain("١");
        assertThat(bengali.lang()).isEqualTo("bn");
    }
}
