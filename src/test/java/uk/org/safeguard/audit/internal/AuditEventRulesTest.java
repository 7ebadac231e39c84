package uk.org.safeguard.audit.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import uk.org.safeguard.audit.AuditEvent;

class AuditEventRulesTest {

    @Test
    void referencesAreAccepted() {
        assertThatCode(() -> AuditEventRules.check(AuditEvent.of("account:42", "case.viewed", "case", "SG-2026-0001")
                .withReason("Break-glass: urgent safeguarding check").withDetail("format", "pdf")))
                .doesNotThrowAnyException();
        assertThatCode(() -> AuditEventRules.check(AuditEvent.of("public", "sign-in.failed")))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jane Smith", "jane@example.org", "account:42\n", "", "tab\there", "nbsp\u00a0here"})
    void actorsThatAreNotReferencesAreRefused(String actor) {
        assertThatThrownBy(() -> AuditEventRules.check(AuditEvent.of(actor, "case.viewed")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("actor")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).doesNotContain("Jane"));
    }

    @Test
    void recordIdsThatAreNotReferencesAreRefused() {
        assertThatThrownBy(() -> AuditEventRules.check(AuditEvent.of("account:1", "case.viewed", "case", "12 High Street")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recordId");
        assertThatThrownBy(() -> AuditEventRules.check(AuditEvent.of("account:1", "case.viewed", "case", "x".repeat(201))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recordId");
        assertThatThrownBy(() -> AuditEventRules.check(new AuditEvent("account:1", "case.viewed", null, "SG-1", null, Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recordType");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Case Viewed", "case viewed", "CASE.VIEWED", ".viewed", "case..viewed", "case.viewed\u0000"})
    void actionsMustBeDottedNames(String action) {
        assertThatThrownBy(() -> AuditEventRules.check(AuditEvent.of("account:1", action)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("action");
    }

    @Test
    void reasonsAndDetailsAreCappedAndFreeOfControlCharacters() {
        AuditEvent event = AuditEvent.of("account:1", "case.viewed", "case", "SG-1");
        assertThatThrownBy(() -> AuditEventRules.check(event.withReason("x".repeat(501))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> AuditEventRules.check(event.withReason("line\nbreak")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control");
        assertThatThrownBy(() -> AuditEventRules.check(event.withReason("lone \ud800 surrogate")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control");
        assertThatThrownBy(() -> AuditEventRules.check(event.withDetail("format", "x".repeat(201))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("detail format");
        assertThatThrownBy(() -> AuditEventRules.check(event.withDetail("first name", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("detail key");
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 21; i++) {
            many.put("k" + i, "v");
        }
        assertThatThrownBy(() -> AuditEventRules.check(new AuditEvent("account:1", "case.viewed", null, null, null, many)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 20");
        assertThatCode(() -> AuditEventRules.check(event.withReason("emoji \ud83d\ude00 is fine")))
                .doesNotThrowAnyException();
    }
}
