package uk.org.safeguard.guidance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import uk.org.safeguard.audit.AuditEvent;
import uk.org.safeguard.audit.AuditTrail;

/**
 * The append-only history of editable content. Every save adds a version; publishing marks one. Saving
 * and publishing are configuration changes, so each is audited in the same transaction (by reference:
 * which item, which version, who).
 */
@Repository
class ContentVersions {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<TreeMap<String, String>> FIELDS = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, kind, item_key, language, version, fields::text AS fields, author, "
            + "change_note, created_at, published_at, published_by, seed_sha256";

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    ContentVersions(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Adds a version (published at once when {@code publish}), returning its number. */
    @Transactional
    int append(ContentKind kind, String key, String language, Map<String, String> fields, String author,
            String changeNote, boolean publish, String seedSha256) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:kind || '/' || :key || '/' || :language))")
                .param("kind", kind.value()).param("key", key).param("language", language).query().singleRow();
        int version = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM guidance_version "
                + "WHERE kind = :kind AND item_key = :key AND language = :language")
                .param("kind", kind.value()).param("key", key).param("language", language)
                .query(Integer.class).single();
        jdbc.sql("INSERT INTO guidance_version (kind, item_key, language, version, fields, author, change_note, "
                + "published_at, published_by, seed_sha256) VALUES (:kind, :key, :language, :version, :fields::jsonb, "
                + ":author, :note, CASE WHEN :publish THEN now() END, CASE WHEN :publish THEN :author END, :seed)")
                .param("kind", kind.value()).param("key", key).param("language", language).param("version", version)
                .param("fields", toJson(fields)).param("author", author).param("note", changeNote)
                .param("publish", publish).param("seed", seedSha256).update();
        AuditEvent event = AuditEvent.of(author, publish ? "content.published" : "content.saved",
                recordType(kind), key + "/" + language).withDetail("version", String.valueOf(version));
        audit.record(event);
        return version;
    }

    /** Publishes an existing version; false when there is no such version or it is older than the published one. */
    @Transactional
    boolean publish(ContentKind kind, String key, String language, int version, String actor) {
        Optional<ContentVersion> current = published(kind, key, language);
        if (current.isPresent() && current.get().version() >= version) {
            return false;
        }
        int updated = jdbc.sql("UPDATE guidance_version SET published_at = now(), published_by = :actor "
                + "WHERE kind = :kind AND item_key = :key AND language = :language AND version = :version "
                + "AND published_at IS NULL")
                .param("actor", actor).param("kind", kind.value()).param("key", key).param("language", language)
                .param("version", version).update();
        if (updated == 1) {
            audit.record(AuditEvent.of(actor, "content.published", recordType(kind), key + "/" + language)
                    .withDetail("version", String.valueOf(version)));
        }
        return updated == 1;
    }

    Optional<ContentVersion> published(ContentKind kind, String key, String language) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM guidance_version WHERE kind = :kind AND item_key = :key "
                + "AND language = :language AND published_at IS NOT NULL ORDER BY version DESC LIMIT 1")
                .param("kind", kind.value()).param("key", key).param("language", language)
                .query((rs, n) -> map(rs)).optional();
    }

    Optional<ContentVersion> latest(ContentKind kind, String key, String language) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM guidance_version WHERE kind = :kind AND item_key = :key "
                + "AND language = :language ORDER BY version DESC LIMIT 1")
                .param("kind", kind.value()).param("key", key).param("language", language)
                .query((rs, n) -> map(rs)).optional();
    }

    Optional<ContentVersion> version(ContentKind kind, String key, String language, int version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM guidance_version WHERE kind = :kind AND item_key = :key "
                + "AND language = :language AND version = :version")
                .param("kind", kind.value()).param("key", key).param("language", language).param("version", version)
                .query((rs, n) -> map(rs)).optional();
    }

    /** Newest first. */
    List<ContentVersion> history(ContentKind kind, String key, String language) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM guidance_version WHERE kind = :kind AND item_key = :key "
                + "AND language = :language ORDER BY version DESC")
                .param("kind", kind.value()).param("key", key).param("language", language)
                .query((rs, n) -> map(rs)).list();
    }

    /** The newest version of every item of a kind, in every language. */
    List<ContentVersion> latestOfEach(ContentKind kind) {
        return jdbc.sql("SELECT DISTINCT ON (item_key, language) " + COLUMNS + " FROM guidance_version "
                + "WHERE kind = :kind ORDER BY item_key, language, version DESC")
                .param("kind", kind.value()).query((rs, n) -> map(rs)).list();
    }

    /** The published version of every item of a kind that has one, in every language. */
    List<ContentVersion> publishedOfEach(ContentKind kind) {
        return jdbc.sql("SELECT DISTINCT ON (item_key, language) " + COLUMNS + " FROM guidance_version "
                + "WHERE kind = :kind AND published_at IS NOT NULL ORDER BY item_key, language, version DESC")
                .param("kind", kind.value()).query((rs, n) -> map(rs)).list();
    }

    /** Whether anyone but {@code system} has ever written a version of the item. */
    boolean editedByStaff(ContentKind kind, String key, String language) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM guidance_version WHERE kind = :kind AND item_key = :key "
                + "AND language = :language AND author <> 'system')")
                .param("kind", kind.value()).param("key", key).param("language", language)
                .query(Boolean.class).single();
    }

    private static String recordType(ContentKind kind) {
        return kind == ContentKind.PAGE ? "content-page" : "borough-contact";
    }

    private static ContentVersion map(ResultSet rs) throws SQLException {
        return new ContentVersion(rs.getLong("id"), ContentKind.of(rs.getString("kind")), rs.getString("item_key"),
                rs.getString("language"), rs.getInt("version"), fromJson(rs.getString("fields")),
                rs.getString("author"), rs.getString("change_note"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("published_at")), rs.getString("published_by"), rs.getString("seed_sha256"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String toJson(Map<String, String> fields) {
        return JSON.writeValueAsString(new TreeMap<>(fields));
    }

    private static Map<String, String> fromJson(String json) {
        return JSON.readValue(json, FIELDS);
    }
}
