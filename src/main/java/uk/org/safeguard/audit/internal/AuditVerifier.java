package uk.org.safeguard.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;

import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the whole chain in sequence order through a cursor (a few thousand rows in memory at a time,
 * however long the trail) and hands it to a {@link ChainWalker}. It runs in one repeatable-read
 * transaction, so the head and the entries come from the same snapshot while other instances keep
 * appending; called inside an existing transaction it joins it and sees that transaction's rows.
 */
@Component
public class AuditVerifier {

    static final int FETCH_SIZE = 5_000;

    private final JdbcClient jdbc;

    AuditVerifier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Verification verify(Collection<Anchor> anchors) {
        Anchor head = jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
                .query((rs, n) -> new Anchor(rs.getLong(1), rs.getString(2)))
                .optional().orElse(null);
        ChainWalker walker = new ChainWalker(anchors);
        jdbc.sql("""
                SELECT seq, occurred_at, actor, action, record_type, record_id, reason, details::text, previous_hash, hash
                FROM audit_entry ORDER BY seq""")
                .withFetchSize(FETCH_SIZE)
                .query((ResultSetExtractor<Boolean>) rs -> {
                    boolean going = true;
                    while (going && rs.next()) {
                        going = walker.accept(entry(rs));
                    }
                    return going;
                });
        return walker.finish(head);
    }

    static ChainEntry entry(ResultSet rs) throws SQLException {
        return new ChainEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), DetailsJson.read(rs.getString(8)),
                rs.getString(9), rs.getString(10));
    }
}
