package uk.org.safeguard.intake.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets the partner API's idempotency keys once they are older than {@code safeguard.intake.api.idempotency-keep}
 * (7 days): a retry is safe for that long, as the API's description says, and the table does not grow for
 * ever. Hourly, once across all instances, in chunks of {@value #CHUNK} rows, each its own statement, so
 * that no long transaction holds the rows that new referrals' keys are being claimed beside.
 */
@Component
class IdempotencySweep {

    static final int CHUNK = 5_000;
    private static final Logger log = LoggerFactory.getLogger(IdempotencySweep.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration keep;

    IdempotencySweep(JdbcClient jdbc, Clock clock,
            @Value("${safeguard.intake.api.idempotency-keep:P7D}") Duration keep) {
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("safeguard.intake.api.idempotency-keep must be positive, not " + keep);
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.keep = keep;
    }

    @Scheduled(cron = "${safeguard.intake.api.idempotency-sweep-cron:0 20 * * * *}", zone = "Europe/London")
    @SchedulerLock(name = "intake-idempotency-sweep", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void hourly() {
        long forgotten = sweep();
        if (forgotten > 0) {
            log.info("Partner API: {} idempotency keys older than {} forgotten", forgotten, keep);
        }
    }

    /** Deletes every key older than the keep time; returns how many. */
    long sweep() {
        Timestamp before = Timestamp.from(clock.instant().minus(keep));
        long total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("""
                    DELETE FROM intake_api_idempotency WHERE ctid IN (
                        SELECT ctid FROM intake_api_idempotency WHERE created_at < :before LIMIT :chunk)""")
                    .param("before", before).param("chunk", CHUNK).update();
            total += deleted;
        } while (deleted == CHUNK);
        return total;
    }
}
