package uk.org.safeguard.identity.internal;

import org.springframework.stereotype.Component;

import uk.org.safeguard.audit.AuditEvent;
import uk.org.safeguard.audit.AuditTrail;

/** Identity's entries in the audit trail: references only ({@code account:<id>}), never an email or name. */
@Component
class IdentityAudit {

    private final AuditTrail trail;

    IdentityAudit(AuditTrail trail) {
        this.trail = trail;
    }

    void record(AuditEvent event) {
        trail.record(event);
    }

    void account(long accountId, String action) {
        record(AuditEvent.of("account:" + accountId, action, "account", String.valueOf(accountId)));
    }
}
