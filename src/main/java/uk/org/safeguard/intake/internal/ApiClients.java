package uk.org.safeguard.intake.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
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

    /** Forgets every remembered key (tests, and after disabling a client). */
    void forget() {
        recent.clear();
    }

    private record Cached(ApiClient client, long at) {
    }
}
