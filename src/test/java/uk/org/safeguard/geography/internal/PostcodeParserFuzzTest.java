package uk.org.safeguard.geography.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz test of the postcode parser. Under {@code mvn test} it runs the seed inputs in
 * {@code src/test/resources/.../PostcodeParserFuzzTestInputs/parse/} only; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class PostcodeParserFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(FuzzedDataProvider data) {
        String input = data.consumeRemainingAsString();
        ParsedPostcode parsed = PostcodeParser.parse(input);
        assertThat(parsed).isNotNull();
        // Whatever it recognises, it reads back the same from its own normal form.
        if (parsed instanceof ParsedPostcode.Unit unit) {
            assertThat(unit.compact()).matches("[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}");
            assertThat(PostcodeParser.parse(unit.display())).isEqualTo(unit);
            assertThat(PostcodeParser.parse(unit.compact())).isEqualTo(unit);
        } else if (parsed instanceof ParsedPostcode.Sector sector) {
            assertThat(sector.display()).matches("[A-Z]{1,2}[0-9][A-Z0-9]? [0-9]");
            assertThat(PostcodeParser.parse(sector.display())).isEqualTo(sector);
        } else if (parsed instanceof ParsedPostcode.District district) {
            assertThat(district.outward()).matches("[A-Z]{1,2}[0-9][A-Z0-9]?");
            assertThat(PostcodeParser.parse(district.outward())).isEqualTo(district);
        } else {
            assertThat(((ParsedPostcode.Malformed) parsed).reason()).isNotBlank();
        }
    }
}
