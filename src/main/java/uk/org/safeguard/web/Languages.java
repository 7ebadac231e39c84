package uk.org.safeguard.web;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Facts about languages that the layout needs. */
public final class Languages {

    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "ur", "he", "fa", "ps", "yi", "dv", "ckb");

    /**
     * A phone number written in groups of digits: 0800 789 321, 020 7946 0000, +44 20 7946 0000, 116 123.
     * In right-to-left text the browser lays such groups out from the right ("321 789 0800"), because
     * each group is a separate number to the bidirectional algorithm; a single group (999) is never
     * affected, nor are groups joined by hyphens.
     */
    public static final Pattern GROUPED_PHONE_NUMBER =
            Pattern.compile("(?<![\\d+])(?:\\+\\d{1,3}[ \\u00A0]?|0|116)\\d*(?:[ \\u00A0]\\d+)+(?!\\d)");

    /** Unicode's left-to-right isolate and pop directional isolate: invisible, they keep what is between them in order. */
    public static final char LEFT_TO_RIGHT_ISOLATE = '\u2066';
    public static final char POP_DIRECTIONAL_ISOLATE = '\u2069';

    private Languages() {
    }

    public static boolean isRightToLeft(Locale locale) {
        return RIGHT_TO_LEFT.contains(locale.getLanguage());
    }

    /**
     * {@code text} with each grouped phone number isolated as left-to-right, so that in Arabic or Urdu it
     * still reads 0800 789 321 and is dialled right. For plain text (message bundles); HTML can use
     * {@code <span dir="ltr">} instead.
     */
    public static String isolatePhoneNumbers(String text) {
        if (text == null || text.indexOf(' ') < 0 && text.indexOf('\u00A0') < 0) {
            return text;
        }
        return GROUPED_PHONE_NUMBER.matcher(text)
                .replaceAll(m -> Matcher.quoteReplacement(LEFT_TO_RIGHT_ISOLATE + m.group() + POP_DIRECTIONAL_ISOLATE));
    }
}
