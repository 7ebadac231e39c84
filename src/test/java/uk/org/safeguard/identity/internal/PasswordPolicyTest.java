package uk.org.safeguard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void lengthIsTheRuleNotComposition() {
        assertThat(policy.check("elevenchars", null, null)).contains("identity.password.error.tooShort");
        assertThat(policy.check("twelve chars", null, null)).isEmpty();
        assertThat(policy.check("all lower case words without digits", null, null)).as("no composition rules").isEmpty();
        assertThat(policy.check("x".repeat(255) + "y", null, null)).isEmpty();
        assertThat(policy.check("xy".repeat(128) + "z", null, null)).contains("identity.password.error.tooLong");
        assertThat(policy.check("", null, null)).contains("identity.password.error.empty");
    }

    @Test
    void lengthCountsCharactersNotBytesOrUnits() {
        assertThat(policy.check("😀😁😂🤣😃😄😅😆😉😊😋😎", null, null)).as("12 emoji are 12 characters").isEmpty();
        assertThat(policy.check("😀".repeat(11), null, null)).contains("identity.password.error.tooShort");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "Password1234", "qwertyuiop123", "123456789012", "liverpool1892",
            "aaaaaaaaaaaa", "abcabcabcabc", "iloveyou1234", "Password2024!"})
    void commonPasswordsAreRefused(String common) {
        assertThat(policy.check(common, null, null)).as(common).contains("identity.password.error.common");
    }

    @Test
    void theDenyListIsSubstantial() {
        assertThat(policy.denyListSize()).isGreaterThan(1000);
    }

    @Test
    void theEmailAndNameAreRefused() {
        assertThat(policy.check("jo.bloggs@example.org", "Jo.Bloggs@example.org", "Jo Bloggs"))
                .contains("identity.password.error.personal");
        assertThat(policy.check("jo.bloggs.example", "jo.bloggs.example@example.org", "X"))
                .contains("identity.password.error.personal");
        assertThat(policy.check("Josephine Bloggs", "jb@example.org", "Josephine Bloggs"))
                .contains("identity.password.error.personal");
        assertThat(policy.check("Josephine likes long walks", "jb@example.org", "Josephine Bloggs")).isEmpty();
    }
}
