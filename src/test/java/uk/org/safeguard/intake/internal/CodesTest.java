package uk.org.safeguard.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** References and follow-up codes: the unambiguous alphabet, and typing forgiven. */
class CodesTest {

    @Test
    void aReferenceUsesTheUnambiguousAlphabetAndIsForgivenAsTyped() {
        String reference = Codes.newReference();
        assertThat(reference).matches("SG-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}");
        assertThat(Codes.normaliseReference(" sg " + reference.substring(3).toLowerCase().replace('-', ' ')))
                .isEqualTo(reference);
        assertThat(Codes.normaliseReference("SG-0000-IIII")).isNull();
    }

    @Test
    void aFollowUpCodeIsTwentySymbolsInFiveGroupsAndIsForgivenAsTyped() {
        String code = Codes.newFollowUpCode();
        assertThat(code).matches("([2-9A-HJKMNP-TV-Z]{4}-){4}[2-9A-HJKMNP-TV-Z]{4}");
        assertThat(Codes.normaliseFollowUpCode(code.toLowerCase().replace("-", " "))).isEqualTo(code.replace("-", ""));
        assertThat(Codes.normaliseFollowUpCode(code.substring(1))).isNull();
        assertThat(Codes.normaliseFollowUpCode("O" + code.replace("-", "").substring(1))).as("O is not in the alphabet").isNull();
        assertThat(Codes.newFollowUpCode()).isNotEqualTo(code);
    }
}
