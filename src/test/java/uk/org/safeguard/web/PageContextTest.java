package uk.org.safeguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

class PageContextTest {

    @Test
    void numbersInTextAreWesternDigitsInEveryLanguageWhileTheTextIsTheLanguagesOwn() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("score", Locale.forLanguageTag("bn"), "{0}টির মধ্যে {1}টি");
        messages.addMessage("score", Locale.forLanguageTag("ar"), "{0} من {1}");
        PageContext bengali = new PageContext(messages, Locale.forLanguageTag("bn"), "/", null, List.of(), List.of());
        PageContext arabic = new PageContext(messages, Locale.forLanguageTag("ar"), "/", null, List.of(), List.of());
        assertThat(bengali.t("score", 3, 12)).isEqualTo("3টির মধ্যে 12টি");
        assertThat(arabic.t("score", 2, 3)).contains("2").contains("3").doesNotContain("٢");
        assertThat(bengali.lang()).isEqualTo("bn");
    }
}
