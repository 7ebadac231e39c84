package uk.org.safeguard.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.StaticMessageSource;

/** Arabic and Urdu pages get their phone numbers isolated left to right; other languages get the text as written. */
class RightToLeftMessagesTest {

    private static final Locale ARABIC = Locale.forLanguageTag("ar");
    private static final Locale URDU = Locale.forLanguageTag("ur");

    private final StaticMessageSource bundle = new StaticMessageSource();

    RightToLeftMessagesTest() {
        bundle.addMessage("hotline", ARABIC, "الخط الساخن: 0800 789 321");
        bundle.addMessage("hotline", URDU, "ہاٹ لائن: 0800 789 321");
        bundle.addMessage("hotline", Locale.ENGLISH, "Hotline: 0800 789 321");
        bundle.addMessage("call", ARABIC, "اتصل على {0}");
    }

    @Test
    void rightToLeftTextHasItsPhoneNumbersIsolatedWhetherWrittenOrPassedIn() {
        MessageSource arabic = RightToLeftMessages.forLocale(bundle, ARABIC);

        assertThat(arabic.getMessage("hotline", null, ARABIC)).isEqualTo("الخط الساخن: \u20660800 789 321\u2069");
        assertThat(arabic.getMessage("call", new Object[] {"020 7364 5000"}, ARABIC))
                .isEqualTo("اتصل على \u2066020 7364 5000\u2069");
        assertThat(arabic.getMessage("missing", null, "0800 789 321", ARABIC)).isEqualTo("\u20660800 789 321\u2069");
        assertThat(arabic.getMessage(new DefaultMessageSourceResolvable("hotline"), ARABIC)).contains("\u2066");
        assertThat(RightToLeftMessages.forLocale(bundle, URDU).getMessage("hotline", null, URDU))
                .isEqualTo("ہاٹ لائن: \u20660800 789 321\u2069");
    }

    @Test
    void leftToRightTextIsUntouched() {
        assertThat(RightToLeftMessages.forLocale(bundle, Locale.ENGLISH)).isSameAs(bundle);
    }
}
