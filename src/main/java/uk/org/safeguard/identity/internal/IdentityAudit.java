package uk.org.safeguard.identity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import uk.org.safeguard.audit.AuditEvent;
import uk.org.safeguard.audit.AuditTrail;

/**
 * Identity's entries in the audit trail: references only ({@code account:<id>}), never an email or name.
 * The audit module's implementation is optional only while it is being built; without it every event
 * is logged as a warning so that nothing passes silently.
 */
@Component
class IdentityAudit {

    private static final Logger log = LoggerFactory.getLogger(IdentityAudit.class);

    private final ObjectProvider<AuditTrail> trail;

    IdentityAudit(ObjectProvider<AuditTrail> trail) {
        this.trail = trail;
    }

    void record(AuditEvent event) {
        AuditTrail audit = trail.getIfAvailable();
        if (audit == null) {
            log.warn("No audit trail: {} {} {}", event.actor(), event.action(), event.details());
            return;
        }
        audit.record(event);
    }

    void account(long accountId, String action) {
        record(AuditEvent.of("account:" + accountId, action, "account", String.valueOf(accountId)));
    }
}
