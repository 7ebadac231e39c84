package uk.org.safeguard.casework.internal;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import uk.org.safeguard.audit.AuditEvent;
import uk.org.safeguard.audit.AuditTrail;
import uk.org.safeguard.identity.Permission;
import uk.org.safeguard.identity.StaffAccess;
import uk.org.safeguard.identity.StaffUser;

/**
 * The one way to read a case's personal details. A member of staff reads a case when their role lets
 * them read cases and the case is in one of their boroughs, or through a live break-glass grant. Every
 * read is audited ({@code case.viewed}, saying how); every refusal too ({@code case.access-denied}, in
 * its own transaction, so that the refusal's rollback does not take the entry with it).
 */
@Service
class CaseAccess {

    enum Via { SCOPE, BREAK_GLASS }

    record Opened(CaseRecord record, CaseDetails details, Via via, Optional<BreakGlass.Grant> grant) {
    }

    private final CaseRecords records;
    private final CaseCrypto crypto;
    private final BreakGlass breakGlass;
    private final StaffAccess staff;
    private final AuditTrail audit;
    private final TransactionTemplate separately;

    CaseAccess(CaseRecords records, CaseCrypto crypto, BreakGlass breakGlass, StaffAccess staff, AuditTrail audit,
            PlatformTransactionManager transactions) {
        this.records = records;
        this.crypto = crypto;
        this.breakGlass = breakGlass;
        this.staff = staff;
        this.audit = audit;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Whether the current member of staff may read the case within their own scope (no break-glass). */
    boolean inScope(StaffUser user, CaseRecord record) {
        return user.hasPermission(Permission.CASE_READ) && user.canAccessBorough(record.boroughCode());
    }

    @Transactional
    Opened view(String reference) {
        StaffUser user = staff.current().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        CaseRecord record = records.find(reference).orElseThrow(() -> new CaseFiles.NoSuchCase(reference));
        Via via;
        Optional<BreakGlass.Grant> grant = Optional.empty();
        if (inScope(user, record)) {
            via = Via.SCOPE;
        } else {
            grant = breakGlass.active(user.accountId(), reference);
            if (grant.isEmpty()) {
                separately.executeWithoutResult(status -> audit.record(
                        AuditEvent.of(user.reference(), "case.access-denied", "case", reference)));
                throw new Denied(user.hasPermission(Permission.BREAK_GLASS_REQUEST));
            }
            via = Via.BREAK_GLASS;
        }
        audit.record(AuditEvent.of(user.reference(), "case.viewed", "case", reference)
                .withDetail("access", via == Via.SCOPE ? "scope" : "break-glass"));
        return new Opened(record, crypto.open(record), via, grant);
    }

    /** Outside the account's scope, with no live break-glass grant. */
    static class Denied extends AccessDeniedException {
        final boolean mayBreakGlass;

        Denied(boolean mayBreakGlass) {
            super("Case outside the account's scope");
            this.mayBreakGlass = mayBreakGlass;
        }
    }
}
