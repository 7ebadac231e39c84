package uk.org.safeguard.geography.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostcodeParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SW1A 1AA   | SW1A | 1AA",
            "sw1a1aa    | SW1A | 1AA",
            "' sw1a1aa '| SW1A | 1AA",
            "Sw1A 1Aa   | SW1A | 1AA",
            "'SW1A  1AA'| SW1A | 1AA",
            "'S W1A1 AA'| SW1A | 1AA",
            "M1 1AE     | M1   | 1AE",
            "m11ae      | M1   | 1AE",
            "W1A 0AX    | W1A  | 0AX",
            "EC1A 1BB   | EC1A | 1BB",
            "SE17 1AA   | SE17 | 1AA",
            "CR0 2YR    | CR0  | 2YR",
            "N1P 1AA    | N1P  | 1AA",
    })
    void readsFullPostcodesInAnyCaseAndSpacing(String input, String outward, String inward) {
        assertThat(PostcodeParser.parse(input)).isEqualTo(new ParsedPostcode.Unit(outward, inward));
    }

    @Test
    void aUnitKnowsItsForms() {
        ParsedPostcode.Unit unit = (ParsedPostcode.Unit) PostcodeParser.parse("sw1a1aa");
        assertThat(unit.compact()).isEqualTo("SW1A1AA");
        assertThat(unit.display()).isEqualTo("SW1A 1AA");
        assertThat(unit.sector()).isEqualTo("SW1A 1");
        assertThat(unit.district()).isEqualTo("SW1A");
    }

    @Test
    void readsNoBreakSpacesAndTabsAsSpaces() {
        assertThat(PostcodeParser.parse("SW1A\u00A01AA")).isEqualTo(new ParsedPostcode.Unit("SW1A", "1AA"));
        assertThat(PostcodeParser.parse("\tse1\u202F7 ")).isEqualTo(new ParsedPostcode.Sector("SE1", '7'));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SE1 7    | SE1  | 7",
            "se1 7    | SE1  | 7",
            "' SE1  7'| SE1  | 7",
            "SW1A 1   | SW1A | 1",
            "SE17 1   | SE17 | 1",
            "S E1 7   | SE1  | 7",
    })
    void readsSectorsWhenTheDigitStandsApart(String input, String outward, char digit) {
        ParsedPostcode parsed = PostcodeParser.parse(input);
        assertThat(parsed).isEqualTo(new ParsedPostcode.Sector(outward, digit));
        assertThat(((ParsedPostcode.Sector) parsed).display()).isEqualTo(outward + " " + digit);
    }

    @ParameterizedTest
    @CsvSource({"SE1, SE1", "se1, SE1", "' eh1 ', EH1", "SE17, SE17", "W1A, W1A", "SE1P, SE1P", "E1W, E1W", "W 1, W1"})
    void readsDistricts(String input, String outward) {
        assertThat(PostcodeParser.parse(input)).isEqualTo(new ParsedPostcode.District(outward));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   \t ", "hello", "SW1A 1A", "12345", "1AA", "SW1A 1AAA", "SWW1 1AA",
            "SW1AA 1AA", "S", "SE", "SE1 77", "SW1A-1AA", "SW1A_1AA", "SW1A.1AA", "sw1a 1aı", "ＳＷ1A 1AA",
            "SW1A 1AÄ", "ſw1a 1aa", "SW1A 1AA\u0000", "SE1 ७", "😀", "SW1A 1AA😀", "GIR0AA0"})
    void refusesWhatIsNotAPostcode(String input) {
        assertThat(PostcodeParser.parse(input)).isInstanceOf(ParsedPostcode.Malformed.class);
    }

    @Test
    void refusesNullAndVeryLongInputWithAReason() {
        assertThat(PostcodeParser.parse(null)).isEqualTo(new ParsedPostcode.Malformed("Enter a postcode"));
        assertThat(PostcodeParser.parse("")).isEqualTo(new ParsedPostcode.Malformed("Enter a postcode"));
        assertThat(PostcodeParser.parse("SW1A 1AA".repeat(3))).isEqualTo(new ParsedPostcode.Malformed("Too long for a postcode"));
        assertThat(PostcodeParser.parse("A".repeat(1_000_000))).isEqualTo(new ParsedPostcode.Malformed("Too long for a postcode"));
        assertThat(PostcodeParser.parse(" ".repeat(1_000_000) + "SW1A 1AA"))
                .isEqualTo(new ParsedPostcode.Malformed("Too long for a postcode"));
    }

    @Test
    void acceptsGenerousSpacingWithinTheInputLimit() {
        assertThat(PostcodeParser.parse(" ".repeat(40) + "SW1A 1AA" + " ".repeat(40)))
                .isEqualTo(new ParsedPostcode.Unit("SW1A", "1AA"));
    }
}
