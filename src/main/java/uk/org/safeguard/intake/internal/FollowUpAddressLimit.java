package uk.org.safeguard.intake.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Failed follow-up attempts per network address, so that one address cannot try reference after
 * reference. Held only in this instance's memory, under a keyed hash whose key is drawn at start-up and
 * never leaves it: the address itself is never stored, logged or compared in clear.
 */
@Component
class FollowUpAddressLimit {

    static final int MAX_FAILURES = 30;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 50_000;

    private record Window(Instant startedAt, int failures) {
    }

    private final Clock clock;
    private final byte[] key = new byte[32];
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    FollowUpAddressLimit(Clock clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    /** Whether {@code address} has failed too often lately to be let try again. */
    boolean blocked(String address) {
        Window window = windows.get(hash(address));
        return window != null && !expired(window, clock.instant()) && window.failures() >= MAX_FAILURES;
    }

    void failed(String address) {
        Instant now = clock.instant();
        if (windows.size() >= MAX_TRACKED) {
            windows.values().removeIf(w -> expired(w, now));
        }
        windows.compute(hash(address), (k, w) -> w == null || expired(w, now) ? new Window(now, 1)
                : new Window(w.startedAt(), w.failures() + 1));
    }

    /** Forgets every address (tests). */
    void clear() {
        windows.clear();
    }

    private static boolean expired(Window window, Instant now) {
        return !window.startedAt().plus(WINDOW).isAfter(now);
    }

    private String hash(String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(String.valueOf(address).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
