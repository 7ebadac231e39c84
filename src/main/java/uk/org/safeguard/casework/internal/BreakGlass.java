package uk.org.safeguard.casework.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.org.safeguard.audit.AuditEvent;
import uk.org.safeguard.audit.AuditTrail;
import uk.org.safeguard.identity.StaffUser;

/**
 * Break-glass: a member of staff with the permission opens one case outside their scope, giving a
 * reason. The access lasts one hour, every view through it is audited as such, the case page shows a
 * banner, and each grant appears on the oversight dashboard until someone in oversight has reviewed it.
 */
@Service
class BreakGlass {

    static final Duration LENGTH = Duration.ofHours(1);
    static final int MIN_REASON = 10;
    static final int MAX_REASON = 500;

    record Grant(long id, long accountId, String caseReference, String reason, Instant openedAt, Instant expiresAt,
            String reviewedBy, Instant reviewedAt) {

        boolean activeAt(Instant now) {
            return expiresAt.isAfter(now);
        }
    }

    private static final String COLUMNS = "id, account_id, case_reference, reason, opened_at, expires_at, reviewed_by, reviewed_at";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    BreakGlass(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    Grant open(StaffUser user, String reference, String reason) {
        Instant now = clock.instant();
        Instant expires = now.plus(LENGTH);
        long id = jdbc.sql("INSERT INTO casework_break_glass (account_id, case_reference, reason, opened_at, expires_at) "
                + "VALUES (:account, :reference, :reason, :now, :expires) RETURNING id")
                .param("account", user.accountId()).param("reference", reference).param("reason", reason)
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(expires)).query(Long.class).single();
        audit.record(AuditEvent.of(user.reference(), "break-glass.opened", "case", reference).withReason(reason)
                .withDetail("grant", String.valueOf(id)).withDetail("expires", expires.toString()));
        return new Grant(id, user.accountId(), reference, reason, now, expires, null, null);
    }

    Optional<Grant> active(long accountId, String reference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework_break_glass WHERE account_id = :account "
                + "AND case_reference = :reference AND expires_at > :now ORDER BY expires_at DESC LIMIT 1")
                .param("account", accountId).param("reference", reference).param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> map(rs)).optional();
    }

    /** Grants not yet reviewed first, then the most recent. */
    List<Grant> forOversight(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework_break_glass "
                + "ORDER BY (reviewed_at IS NULL) DESC, opened_at DESC LIMIT :limit")
                .param("limit", limit).query((rs, n) -> map(rs)).list();
    }

    @Transactional
    boolean review(long id, String actor) {
        int updated = jdbc.sql("UPDATE casework_break_glass SET reviewed_by = :actor, reviewed_at = :now "
                + "WHERE id = :id AND reviewed_at IS NULL")
                .param("actor", actor).param("now", Timestamp.from(clock.instant())).param("id", id).update();
        if (updated == 1) {
            audit.record(AuditEvent.of(actor, "break-glass.reviewed", "break-glass", String.valueOf(id)));
        }
        return updated == 1;
    }

    private static Grant map(ResultSet rs) throws SQLException {
        Timestamp reviewed = rs.getTimestamp("reviewed_at");
        return new Grant(rs.getLong("id"), rs.getLong("account_id"), rs.getString("case_reference"),
                rs.getString("reason"), rs.getTimestamp("opened_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(), rs.getString("reviewed_by"),
                reviewed == null ? null : reviewed.toInstant());
    }
}
