package uk.org.safeguard.intake.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.org.safeguard.audit.AuditEvent;
import uk.org.safeguard.audit.AuditTrail;
import uk.org.safeguard.privacy.BlindIndex;

/**
 * The partner systems allowed to send referrals through the API, each with its own key. A key is
 * {@code sgk_} and 256 random bits (43 base64url characters); only its keyed hash is stored, so the key
 * is shown once, when the client is created. A key that was found is remembered in memory for a short
 * while ({@link #CACHE_FOR}), so a busy client does not cost a database look-up per request; disabling a
 * client takes effect within that time.
 */
@Component
class ApiClients {

    static final String KEY_PURPOSE = "intake-api-key";
    static final String KEY_PREFIX = "sgk_";
    static final Duration CACHE_FOR = Duration.ofSeconds(30);
    private static final int KEY_LENGTH = KEY_PREFIX.length() + 43;
    private static final int MAX_CACHED = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final BlindIndex blindIndex;
    private final AuditTrail audit;
    private final Clock clock;
    private final ConcurrentHashMap<String, Cached> recent = new ConcurrentHashMap<>();

    ApiClients(JdbcClient jdbc, BlindIndex blindIndex, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.blindIndex = blindIndex;
        this.audit = audit;
        this.clock = clock;
    }

    /** A partner system, as its requests are attributed to it. */
    record ApiClient(long id, String name) {

        /** The audit trail's actor for what this client does. */
        String actor() {
            return "api-client:" + id;
        }
    }

    /** A client just created, with its key: shown once, never stored. */
    record Issued(ApiClient client, String key) {
    }

    @Transactional
    Issued create(String name, String actor) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String key = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        long id = jdbc.sql("""
                INSERT INTO intake_api_client (name, key_hash, created_at) VALUES (:name, :hash, :at) RETURNING id""")
                .param("name", name.strip()).param("hash", blindIndex.keyedTerm(KEY_PURPOSE, key))
                .param("at", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit.record(AuditEvent.of(actor, "api-client.created", "api-client", Long.toString(id)));
        return new Issued(new ApiClient(id, name.strip()), key);
    }

    /** The enabled client whose key this is, if any. */
    Optional<ApiClient> authenticate(String key) {
        if (key == null || key.length() != KEY_LENGTH || !key.startsWith(KEY_PREFIX)) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        Cached cached = recent.get(key);
        if (cached != null && now - cached.at() < CACHE_FOR.toNanos()) {
            return Optional.of(cached.client());
        }
        Optional<ApiClient> found = jdbc.sql("SELECT id, name FROM intake_api_client WHERE key_hash = :hash AND NOT disabled")
                .param("hash", blindIndex.keyedTerm(KEY_PURPOSE, key))
                .query((rs, n) -> new ApiClient(rs.getLong(1), rs.getString(2)))
                .optional();
        if (found.isPresent()) {
            if (recent.size() >= MAX_CACHED) {
                recent.clear();
            }
            recent.put(key, new Cached(found.get(), now));
        } else {
            recent.remove(key);
        }
        return found;
    }

    /** A client as an administrator sees it: how much it is used tells a live integration from a stale one. */
    record Listed(long id, String name, Instant createdAt, boolean disabled, long referrals, Instant lastReferralAt) {
    }

    /** Every client, oldest first, with how many referrals it has sent and when it last sent one. */
    List<Listed> list() {
        return jdbc.sql("""
                SELECT c.id, c.name, c.created_at, c.disabled, count(s.id), max(s.submitted_at)
                FROM intake_api_client c LEFT JOIN intake_submission s ON s.api_client_id = c.id
                GROUP BY c.id ORDER BY c.id""")
                .query((rs, n) -> new Listed(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getBoolean(4), rs.getLong(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** What became of a request to disable a client. */
    enum Disabling {
        DISABLED, ALREADY_DISABLED, NOT_FOUND
    }

    /**
     * Stops the client's key from working: at once on this instance, within {@link #CACHE_FOR} on every
     * other. Its referrals stay. Audited with the reason; there is no enabling again (create a new client,
     * with a new key, instead).
     */
    @Transactional
    Disabling disable(long id, String actor, String reason) {
        int changed = jdbc.sql("UPDATE intake_api_client SET disabled = TRUE WHERE id = :id AND NOT disabled")
                .param("id", id).update();
        if (changed == 0) {
            boolean exists = jdbc.sql("SELECT count(*) FROM intake_api_client WHERE id = :id").param("id", id)
                    .query(Long.class).single() > 0;
            return exists ? Disabling.ALREADY_DISABLED : Disabling.NOT_FOUND;
        }
        audit.record(AuditEvent.of(actor, "api-client.disabled", "api-client", Long.toString(id)).withReason(reason));
        forget();
        return Disabling.DISABLED;
    }

    /** Forgets every remembered key (tests, and after disabling a client). */
    void forget() {
        recent.clear();
    }

    private record Cached(ApiClient client, long at) {
    }
}
