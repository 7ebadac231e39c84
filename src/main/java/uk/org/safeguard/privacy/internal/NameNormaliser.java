package uk.org.safeguard.privacy.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names as comparable words: "Zoë O'Brien" and "ZOE OBRIEN" both become {@code [zoe, obrien]}.
 * Compatibility decomposition (NFKD) splits accents from letters and folds variants such as full-width
 * forms; the accents are then dropped, the few Latin letters that do not decompose (ß, æ, ø, ł, ...)
 * are spelt out, apostrophes and full stops inside words are dropped, and any other non-alphanumeric
 * character separates words.
 */
final class NameNormaliser {

    private static final Pattern JOINERS = Pattern.compile("['\u2018\u2019\u02BC\u0060\u00B4.]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final String[][] FOLDS = {{"ß", "ss"}, {"æ", "ae"}, {"œ", "oe"}, {"ø", "o"}, {"ł", "l"}, {"đ", "d"},
            {"ð", "d"}, {"þ", "th"}, {"ı", "i"}};

    private NameNormaliser() {
    }

    static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        String s = JOINERS.matcher(text).replaceAll("");
        s = Normalizer.normalize(s, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("");
        s = s.toLowerCase(Locale.ROOT);
        for (String[] fold : FOLDS) {
            s = s.replace(fold[0], fold[1]);
        }
        s = JOINERS.matcher(s).replaceAll("");
        return Arrays.stream(SEPARATORS.split(s)).filter(word -> !word.isEmpty()).toList();
    }
}
