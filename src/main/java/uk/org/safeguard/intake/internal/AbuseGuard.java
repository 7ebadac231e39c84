package uk.org.safeguard.intake.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import uk.org.safeguard.privacy.BlindIndex;

/**
 * Keeps junk out of the public forms without a third-party service, and without stopping people who are
 * already part-way through a journey. A submission passes when:
 * <ol>
 * <li>the honeypot field (hidden from people, assistive technology included) is empty;</li>
 * <li>its form token is one this service signed (a keyed hash, valid on every instance) in the last 24 hours;</li>
 * <li>it carries a proof of work on that token (the browser's script finds a nonce whose SHA-256 with the
 *     token starts with {@value #DIFFICULTY_BITS} zero bits: a fraction of a second on a cheap phone), or,
 *     without JavaScript, the token is at least {@code min-age} old (people read before they send);</li>
 * <li>its address has sent fewer than {@code per-address-per-hour} submissions in the last hour (the
 *     address is held in memory only, as a keyed hash, and never stored or logged);</li>
 * <li>the service-wide budget ({@code global-per-minute}) is not spent, or, when a flood has spent it, the
 *     journey began before the flood did: people in the middle of a journey can always finish it.</li>
 * </ol>
 * A refusal never loses anything: the draft is kept and the page says what to do.
 */
@Component
class AbuseGuard {

    static final int DIFFICULTY_BITS = 12;
    static final String HONEYPOT_FIELD = "sg_extra";
    static final String TOKEN_FIELD = "sg_form";
    static final String NONCE_FIELD = "sg_nonce";
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(24);
    private static final String PURPOSE = "intake-form-token";

    private final BlindIndex blindIndex;
    private final Clock clock;
    private final Duration minimumAge;
    private final int perAddressPerHour;
    private final double globalPerMinute;
    private final byte[] addressKey = new byte[32];
    private final Map<String, Deque<Instant>> byAddress = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    private double budget;
    private Instant refilledAt;
    private Instant floodSince;

    AbuseGuard(BlindIndex blindIndex, Clock clock,
            @Value("${safeguard.intake.abuse.min-age:PT2S}") Duration minimumAge,
            @Value("${safeguard.intake.abuse.per-address-per-hour:20}") int perAddressPerHour,
            @Value("${safeguard.intake.abuse.global-per-minute:120}") double globalPerMinute) {
        this.blindIndex = blindIndex;
        this.clock = clock;
        this.minimumAge = minimumAge;
        this.perAddressPerHour = perAddressPerHour;
        this.globalPerMinute = globalPerMinute;
        this.budget = globalPerMinute;
        this.refilledAt = clock.instant();
        random.nextBytes(addressKey);
    }

    /** What became of a submission. {@code messageKey} (bundle {@code intake}) says what to do, when refused. */
    enum Verdict {
        ACCEPTED(null),
        /** Honeypot filled, token missing, forged or expired: show the form again with a new token. */
        TRY_AGAIN("intake.abuse.try-again"),
        /** Sent too soon after the page was shown, without a proof of work: show it again, same token. */
        TOO_QUICK("intake.abuse.try-again"),
        /** This address has sent too many. */
        TOO_MANY("intake.abuse.too-many"),
        /** A flood of new submissions: this journey began during it. */
        BUSY("intake.abuse.busy");

        private final String messageKey;

        Verdict(String messageKey) {
            this.messageKey = messageKey;
        }

        String messageKey() {
            return messageKey;
        }

        boolean accepted() {
            return this == ACCEPTED;
        }
    }

    /** A new form token for a page whose form submits something: put it in {@link #TOKEN_FIELD}. */
    String issueToken() {
        byte[] salt = new byte[12];
        random.nextBytes(salt);
        String payload = clock.millis() + "." + HexFormat.of().formatHex(salt);
        return payload + "." + sign(payload);
    }

    /**
     * Checks a submission and, when it passes, counts it against the limits.
     *
     * @param journeyStartedAt when the person's draft was begun, or {@code null} for a one-page form
     */
    Verdict check(String clientAddress, String token, String nonce, String honeypot, Instant journeyStartedAt) {
        if (honeypot != null && !honeypot.isEmpty()) {
            return Verdict.TRY_AGAIN;
        }
        Instant issued = issuedAt(token);
        Instant now = clock.instant();
        if (issued == null || issued.isAfter(now.plusSeconds(60)) || issued.plus(TOKEN_LIFETIME).isBefore(now)) {
            return Verdict.TRY_AGAIN;
        }
        if (!proofOfWork(token, nonce) && issued.plus(minimumAge).isAfter(now)) {
            return Verdict.TOO_QUICK;
        }
        String address = addressKey(clientAddress);
        Deque<Instant> recent = byAddress.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (recent) {
            while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(Duration.ofHours(1)))) {
                recent.pollFirst();
            }
            if (recent.size() >= perAddressPerHour) {
                return Verdict.TOO_MANY;
            }
            if (!takeFromBudget(now, journeyStartedAt)) {
                return Verdict.BUSY;
            }
            recent.addLast(now);
        }
        return Verdict.ACCEPTED;
    }

    /** Forgets addresses with nothing in the last hour; called as the map grows. */
    void forgetOldAddresses() {
        Instant hourAgo = clock.instant().minus(Duration.ofHours(1));
        byAddress.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                return entry.getValue().isEmpty() || entry.getValue().peekLast().isBefore(hourAgo);
            }
        });
    }

    static boolean proofOfWork(String token, String nonce) {
        if (token == null || nonce == null || nonce.isEmpty() || nonce.length() > 32) {
            return false;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((token + ":" + nonce).getBytes(StandardCharsets.UTF_8));
            int bits = DIFFICULTY_BITS;
            for (byte b : digest) {
                if (bits <= 0) {
                    return true;
                }
                int need = Math.min(8, bits);
                if ((b & 0xff) >>> (8 - need) != 0) {
                    return false;
                }
                bits -= need;
            }
            return true;
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private synchronized boolean takeFromBudget(Instant now, Instant journeyStartedAt) {
        double minutes = Duration.between(refilledAt, now).toNanos() / 60e9;
        budget = Math.min(globalPerMinute, budget + minutes * globalPerMinute);
        refilledAt = now;
        if (floodSince != null && budget >= globalPerMinute / 2) {
            floodSince = null;
        }
        if (budget >= 1) {
            budget -= 1;
            return true;
        }
        if (floodSince == null) {
            floodSince = now;
        }
        return journeyStartedAt != null && journeyStartedAt.isBefore(floodSince);
    }

    private Instant issuedAt(String token) {
        if (token == null) {
            return null;
        }
        int last = token.lastIndexOf('.');
        int first = token.indexOf('.');
        if (first <= 0 || last <= first) {
            return null;
        }
        String payload = token.substring(0, last);
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
                token.substring(last + 1).getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(token.substring(0, first)));
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private String sign(String payload) {
        return blindIndex.keyedTerm(PURPOSE, payload);
    }

    private String addressKey(String clientAddress) {
        if (byAddress.size() > 100_000) {
            forgetOldAddresses();
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(addressKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(String.valueOf(clientAddress).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
