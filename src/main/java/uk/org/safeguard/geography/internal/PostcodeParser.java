package uk.org.safeguard.geography.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a UK postcode, sector or district as people type them: any case, any spacing ({@code " sw1a1aa "},
 * {@code "Sw1A 1Aa"}). It checks the shape only (outward code A9, A99, AA9, AA99, A9A or AA9A; inward code
 * 9AA); whether the postcode exists is for the lookup. It never throws.
 */
public final class PostcodeParser {

    /** Longer input is refused before any other work, however much of it is spaces. */
    static final int MAX_INPUT_LENGTH = 100;

    /** The longest postcode is 8 characters; allow generous spacing inside it. */
    static final int MAX_POSTCODE_LENGTH = 16;

    private static final String OUTWARD = "[A-Z]{1,2}[0-9][A-Z0-9]?";
    private static final Pattern UNIT = Pattern.compile("(" + OUTWARD + ")([0-9][A-Z]{2})");
    private static final Pattern DISTRICT = Pattern.compile(OUTWARD);

    private PostcodeParser() {
    }

    public static ParsedPostcode parse(String input) {
        if (input == null || input.length() > MAX_INPUT_LENGTH) {
            return input == null ? empty() : tooLong();
        }
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (isSpace(c)) {
                endWord(word, words);
            } else if (isAsciiLetterOrDigit(c)) {
                word.append(c);
            } else {
                return new ParsedPostcode.Malformed("A postcode has only letters, numbers and spaces");
            }
        }
        endWord(word, words);
        if (words.isEmpty()) {
            return empty();
        }
        String compact = String.join("", words).toUpperCase(Locale.ROOT);
        if (compact.length() > MAX_POSTCODE_LENGTH) {
            return tooLong();
        }
        Matcher unit = UNIT.matcher(compact);
        if (unit.matches()) {
            return new ParsedPostcode.Unit(unit.group(1), unit.group(2));
        }
        String last = words.get(words.size() - 1);
        if (words.size() > 1 && last.length() == 1 && Character.isDigit(last.charAt(0))
                && DISTRICT.matcher(compact.substring(0, compact.length() - 1)).matches()) {
            return new ParsedPostcode.Sector(compact.substring(0, compact.length() - 1), last.charAt(0));
        }
        if (DISTRICT.matcher(compact).matches()) {
            return new ParsedPostcode.District(compact);
        }
        return new ParsedPostcode.Malformed("Not a postcode, sector or district");
    }

    private static void endWord(StringBuilder word, List<String> words) {
        if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    /** Spaces of any kind, including the no-break spaces that copying from a web page brings. */
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static ParsedPostcode empty() {
        return new ParsedPostcode.Malformed("Enter a postcode");
    }

    private static ParsedPostcode tooLong() {
        return new ParsedPostcode.Malformed("Too long for a postcode");
    }
}
