package uk.org.safeguard.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.org.safeguard.audit.AuditEntry;
import uk.org.safeguard.audit.AuditPage;
import uk.org.safeguard.audit.AuditQueries;
import uk.org.safeguard.audit.AuditSearch;
import uk.org.safeguard.audit.RecordViewer;

@Component
class JdbcAuditQueries implements AuditQueries {

    private final JdbcClient jdbc;

    JdbcAuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public AuditPage search(AuditSearch criteria, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page from 0, size 1 to " + MAX_PAGE_SIZE);
        }
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        matching(where, params, "record_type", "recordType", criteria.recordType());
        matching(where, params, "record_id", "recordId", criteria.recordId());
        matching(where, params, "actor", "actor", criteria.actor());
        matching(where, params, "action", "action", criteria.action());
        if (criteria.from() != null) {
            where.add("occurred_at >= :from");
            params.put("from", OffsetDateTime.ofInstant(criteria.from(), ZoneOffset.UTC));
        }
        if (criteria.to() != null) {
            where.add("occurred_at < :to");
            params.put("to", OffsetDateTime.ofInstant(criteria.to(), ZoneOffset.UTC));
        }
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = jdbc.sql("SELECT count(*) FROM audit_entry" + filter).params(params).query(Long.class).single();
        List<AuditEntry> entries = total == 0 ? List.of() : jdbc.sql("""
                SELECT seq, occurred_at, actor, action, record_type, record_id, reason, details::text
                FROM audit_entry""" + filter + " ORDER BY seq DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> entry(rs))
                .list();
        return new AuditPage(entries, total, page, size);
    }

    @Override
    @Transactional(readOnly = true)
    public List<RecordViewer> viewersOf(String recordType, String recordId) {
        return jdbc.sql("""
                SELECT actor, max(occurred_at) AS last_viewed_at, count(*) AS views
                FROM audit_entry
                WHERE record_type = :recordType AND record_id = :recordId AND action LIKE '%.viewed'
                GROUP BY actor
                ORDER BY last_viewed_at DESC, actor""")
                .param("recordType", recordType)
                .param("recordId", recordId)
                .query((rs, n) -> new RecordViewer(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getLong(3)))
                .list();
    }

    private static void matching(List<String> where, Map<String, Object> params, String column, String name,
            String value) {
        if (value != null) {
            where.add(column + " = :" + name);
            params.put(name, value);
        }
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        Map<String, String> details = DetailsJson.read(rs.getString(8));
        return new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), details);
    }
}
