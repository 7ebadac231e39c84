package uk.org.safeguard.intake.internal;

import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each API client's request rate: a token bucket per client, in memory (so per instance), refilled at
 * {@code safeguard.intake.api.rate-per-second} and holding up to {@code safeguard.intake.api.burst}
 * requests (by default, one second's worth).
 */
@Component
class ApiRateLimiter {

    private final double ratePerNano;
    private final double burst;
    private final ConcurrentHashMap<Long, Bucket> buckets = new ConcurrentHashMap<>();

    ApiRateLimiter(@Value("${safeguard.intake.api.rate-per-second:200}") double ratePerSecond,
            @Value("${safeguard.intake.api.burst:0}") double burst) {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("safeguard.intake.api.rate-per-second must be positive");
        }
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst > 0 ? burst : Math.max(1, ratePerSecond);
    }

    /** Takes one request from the client's bucket: 0 when allowed, else the whole seconds to wait. */
    long take(long clientId) {
        return buckets.computeIfAbsent(clientId, id -> new Bucket(burst, System.nanoTime())).take(System.nanoTime());
    }

    private final class Bucket {

        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        synchronized long take(long now) {
            tokens = Math.min(burst, tokens + (now - at) * ratePerNano);
            at = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / ratePerNano / 1e9));
        }
    }
}
