package uk.org.safeguard.intake.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import uk.org.safeguard.privacy.BlindIndex;
import uk.org.safeguard.privacy.FieldEncryption;
import uk.org.safeguard.privacy.RecordFamily;

/**
 * Journeys in progress. Each draft's answers are encrypted in {@code intake_draft} and found again by a
 * random id in a cookie of the journey's own (HttpOnly, SameSite=Lax, gone when the browser closes), so
 * the server session timing out loses nothing. A draft nobody touches for 24 hours is deleted. A person
 * who saves their progress gets a resume code (shown once, kept only as a keyed hash) that brings the
 * draft back on any device for 7 days from their last change.
 */
@Service
class Drafts {

    static final Duration UNSAVED = Duration.ofHours(24);
    static final Duration SAVED = Duration.ofDays(7);
    private static final String RESUME_PURPOSE = "intake-draft-resume";
    private static final RecordFamily FAMILY = new RecordFamily("intake-draft");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, List<String>>> ANSWERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final FieldEncryption encryption;
    private final BlindIndex blindIndex;
    private final Clock clock;

    Drafts(JdbcClient jdbc, FieldEncryption encryption, BlindIndex blindIndex, Clock clock) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.blindIndex = blindIndex;
        this.clock = clock;
    }

    /**
     * A journey's draft.
     *
     * @param saved true once a resume code has been issued for it
     * @param createdAt when the journey began (the abuse guard spares journeys begun before a flood)
     */
    record Draft(UUID id, Journey journey, Answers answers, Instant expiresAt, boolean saved, Instant createdAt) {
    }

    /** The draft this browser's cookie names, if it still exists. */
    Optional<Draft> find(HttpServletRequest request, Journey journey) {
        return cookieValue(request, journey.cookie()).flatMap(Drafts::parseId).flatMap(id -> load(id, journey));
    }

    /** The draft this browser's cookie names, or a new, empty one (setting the cookie). */
    Draft findOrStart(HttpServletRequest request, HttpServletResponse response, Journey journey) {
        Optional<Draft> existing = find(request, journey);
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = now();
        Draft draft = new Draft(UUID.randomUUID(), journey, new Answers(), now.plus(UNSAVED), false, now);
        jdbc.sql("""
                INSERT INTO intake_draft (id, journey, answers, created_at, updated_at, expires_at)
                VALUES (:id, :journey, :answers, :now, :now, :expires)""")
                .param("id", draft.id()).param("journey", journey.name()).param("answers", seal(draft))
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(draft.expiresAt())).update();
        setCookie(request, response, journey, draft.id().toString());
        return draft;
    }

    /** Stores the draft's answers as they are now, and keeps it for another 24 hours (7 days once saved). */
    void save(Draft draft) {
        Instant now = now();
        jdbc.sql("UPDATE intake_draft SET answers = :answers, updated_at = :now, expires_at = :expires WHERE id = :id")
                .param("answers", seal(draft)).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(draft.saved() ? SAVED : UNSAVED)))
                .param("id", draft.id()).update();
    }

    /**
     * Saves the draft for later: returns a new resume code (any earlier one stops working) that brings it
     * back for 7 days from the person's last change.
     */
    String saveForLater(Draft draft) {
        String code = Codes.newFollowUpCode();
        Instant now = now();
        jdbc.sql("""
                UPDATE intake_draft SET answers = :answers, updated_at = :now, expires_at = :expires, resume_hash = :hash
                WHERE id = :id""")
                .param("answers", seal(draft)).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(SAVED)))
                .param("hash", resumeHash(Codes.normaliseFollowUpCode(code))).param("id", draft.id()).update();
        return code;
    }

    /** Brings back the draft a resume code was issued for, into this browser; empty if the code is wrong or expired. */
    Optional<Draft> resume(String code, Journey journey, HttpServletRequest request, HttpServletResponse response) {
        String canonical = Codes.normaliseFollowUpCode(code);
        if (canonical == null) {
            return Optional.empty();
        }
        Optional<Draft> draft = jdbc.sql("SELECT id FROM intake_draft WHERE resume_hash = :hash AND journey = :journey")
                .param("hash", resumeHash(canonical)).param("journey", journey.name())
                .query(UUID.class).optional().flatMap(id -> load(id, journey));
        draft.ifPresent(d -> setCookie(request, response, journey, d.id().toString()));
        return draft;
    }

    /** Deletes the draft (once its answers have been submitted) and forgets it in this browser. */
    void discard(Draft draft, HttpServletRequest request, HttpServletResponse response) {
        jdbc.sql("DELETE FROM intake_draft WHERE id = :id").param("id", draft.id()).update();
        response.addHeader("Set-Cookie", ResponseCookie.from(draft.journey().cookie(), "").path("/").httpOnly(true)
                .sameSite("Lax").secure(request.isSecure()).maxAge(0).build().toString());
    }

    /** Deletes drafts past their time, every quarter of an hour. */
    @Scheduled(cron = "${safeguard.intake.draft-cleanup-cron:0 */15 * * * *}")
    @SchedulerLock(name = "intake-draft-cleanup", lockAtMostFor = "PT10M")
    public void cleanUp() {
        deleteExpired();
    }

    int deleteExpired() {
        return jdbc.sql("DELETE FROM intake_draft WHERE expires_at <= :now").param("now", Timestamp.from(now())).update();
    }

    private Optional<Draft> load(UUID id, Journey journey) {
        return jdbc.sql("""
                SELECT answers, expires_at, resume_hash IS NOT NULL AS saved, created_at FROM intake_draft
                WHERE id = :id AND journey = :journey AND expires_at > :now""")
                .param("id", id).param("journey", journey.name()).param("now", Timestamp.from(now()))
                .query((rs, n) -> new Draft(id, journey, open(id, rs.getBytes("answers")),
                        rs.getTimestamp("expires_at").toInstant(), rs.getBoolean("saved"),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    private byte[] seal(Draft draft) {
        return encryption.encrypt(FAMILY, draft.id().toString(), JSON.writeValueAsBytes(draft.answers().asMap()));
    }

    private Answers open(UUID id, byte[] ciphertext) {
        return new Answers(JSON.readValue(encryption.decrypt(FAMILY, id.toString(), ciphertext), ANSWERS));
    }

    private String resumeHash(String canonicalCode) {
        return blindIndex.keyedTerm(RESUME_PURPOSE, canonicalCode);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void setCookie(HttpServletRequest request, HttpServletResponse response, Journey journey, String value) {
        response.addHeader("Set-Cookie", ResponseCookie.from(journey.cookie(), value).path("/").httpOnly(true)
                .sameSite("Lax").secure(request.isSecure()).build().toString());
    }

    private static Optional<String> cookieValue(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName())) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private static Optional<UUID> parseId(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
