package uk.org.safeguard.intake.internal;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores the partner API's referrals by group commit. A request thread puts its validated referral on a
 * queue and waits; a writer thread takes everything queued (up to {@code safeguard.intake.api.batch}),
 * draws the new referrals' references, claims the idempotency keys with them and stores the new
 * referrals with {@link Submissions#submitAll(List, List)}, all in ONE transaction, and only then
 * completes every waiting request. So each answer is sent after its referral has committed (a reference
 * shown to a client survives the application being killed), while many referrals share one commit and
 * one lock of the audit chain.
 *
 * <p>Idempotency: the key's row is claimed, with the reference its referral is given, by
 * {@code INSERT ... ON CONFLICT DO NOTHING} on its primary key (client, key). A key already claimed by
 * an earlier request (or by another instance, whose transaction the insert waits for) gives that
 * request's answer when the body is the same, and a refusal when it differs; two requests with one key
 * in the same batch are told apart in order.
 */
@Component
class ApiReferralWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ApiReferralWriter.class);

    /** What became of a request. */
    sealed interface Outcome {
    }

    /** Stored now, or earlier under the same idempotency key with the same body. */
    record Stored(String reference, boolean replayed) implements Outcome {
    }

    /** The idempotency key was used before with a different body. */
    record KeyReused() implements Outcome {
    }

    /**
     * A referral to store.
     *
     * @param clientId the API client sending it
     * @param idempotencyKey the client's key for this request, or null
     * @param requestHash SHA-256 (hex) of the request body, or null when there is no key
     * @param submission the referral, validated and routed
     */
    record Pending(long clientId, String idempotencyKey, String requestHash, NewSubmission submission,
            CompletableFuture<Outcome> outcome) {
    }

    private final Submissions submissions;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final BlockingQueue<Pending> queue;
    private final int batchLimit;
    private final int writerCount;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;

    ApiReferralWriter(Submissions submissions, JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock,
            @Value("${safeguard.intake.api.batch:256}") int batchLimit,
            @Value("${safeguard.intake.api.writers:2}") int writerCount,
            @Value("${safeguard.intake.api.queue:20000}") int queueCapacity) {
        this.submissions = submissions;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.batchLimit = Math.max(1, batchLimit);
        this.writerCount = Math.max(1, writerCount);
        this.queue = new ArrayBlockingQueue<>(Math.max(1, queueCapacity));
    }

    /**
     * Queues {@code pending}; its outcome completes once the batch holding it has committed (or failed).
     *
     * @return false when the queue is full (the service is overloaded)
     */
    boolean offer(Pending pending) {
        return running && queue.offer(pending);
    }

    private void work() {
        List<Pending> batch = new ArrayList<>(batchLimit);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchLimit - 1);
                write(batch);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } catch (RuntimeException | Error e) {
                log.error("Storing a batch of {} API referrals failed: {}", batch.size(), e.getClass().getName());
                batch.forEach(p -> p.outcome().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    /** Stores {@code batch} in one transaction, tried again (whole) if it fails on a clash, then answers each. */
    void write(List<Pending> batch) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Outcome[] outcomes = transactions.execute(status -> store(batch));
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).outcome().complete(outcomes[i]);
                }
                return;
            } catch (org.springframework.dao.DuplicateKeyException
                    | org.springframework.dao.TransientDataAccessException
                    | org.springframework.transaction.UnexpectedRollbackException e) {
                last = e;
            }
        }
        throw last;
    }

    private Outcome[] store(List<Pending> batch) {
        int n = batch.size();
        Outcome[] outcomes = new Outcome[n];
        // Each request that may create a referral gets its reference now: those without a key, and the first
        // of each key in the batch (which creates one only if this transaction claims the key).
        String[] references = new String[n];
        Map<Key, Integer> firstWithKey = new HashMap<>();
        List<Integer> keyed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Key key = Key.of(batch.get(i));
            if (key == null || firstWithKey.putIfAbsent(key, i) == null) {
                references[i] = Codes.newReference();
                if (key != null) {
                    keyed.add(i);
                }
            }
        }
        Set<Key> claimed = claim(batch, keyed, references);
        List<Integer> creating = new ArrayList<>();
        List<Key> earlier = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Key key = Key.of(batch.get(i));
            if (key == null || (firstWithKey.get(key) == i && claimed.contains(key))) {
                creating.add(i);
            } else if (firstWithKey.get(key) == i) {
                earlier.add(key);
            }
        }
        Map<Key, Previous> previous = earlier.isEmpty() ? new HashMap<>() : previous(earlier);
        if (!creating.isEmpty()) {
            List<NewSubmission> toStore = new ArrayList<>(creating.size());
            List<String> theirReferences = new ArrayList<>(creating.size());
            for (int i : creating) {
                toStore.add(batch.get(i).submission());
                theirReferences.add(references[i]);
            }
            submissions.submitAll(toStore, theirReferences);
        }
        for (int i : creating) {
            Pending p = batch.get(i);
            outcomes[i] = new Stored(references[i], false);
            if (p.idempotencyKey() != null) {
                previous.put(Key.of(p), new Previous(p.requestHash(), references[i]));
            }
        }
        for (int i = 0; i < n; i++) {
            if (outcomes[i] == null) {
                Pending p = batch.get(i);
                Previous first = previous.get(Key.of(p));
                outcomes[i] = first == null || first.reference() == null ? new KeyReused()
                        : first.requestHash().equals(p.requestHash()) ? new Stored(first.reference(), true)
                                : new KeyReused();
            }
        }
        return outcomes;
    }

    /**
     * Claims the keys of the requests at {@code keyed} (the first with each key), each with the reference its
     * referral will have; returns the keys this transaction claimed (not those claimed before).
     */
    private Set<Key> claim(List<Pending> batch, List<Integer> keyed, String[] references) {
        Set<Key> claimed = new HashSet<>();
        if (keyed.isEmpty()) {
            return claimed;
        }
        int k = keyed.size();
        Long[] clients = new Long[k];
        String[] keys = new String[k];
        String[] hashes = new String[k];
        String[] theirReferences = new String[k];
        for (int j = 0; j < k; j++) {
            Pending p = batch.get(keyed.get(j));
            clients[j] = p.clientId();
            keys[j] = p.idempotencyKey();
            hashes[j] = p.requestHash();
            theirReferences[j] = references[keyed.get(j)];
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.query(connection -> {
            var insert = connection.prepareStatement("""
                    INSERT INTO intake_api_idempotency (api_client_id, idempotency_key, request_hash, reference, created_at)
                    SELECT c, k, h, r, ? FROM unnest(?, ?, ?, ?) AS u(c, k, h, r)
                    ON CONFLICT ON CONSTRAINT intake_api_idempotency_pk DO NOTHING
                    RETURNING api_client_id, idempotency_key""");
            insert.setTimestamp(1, now);
            insert.setArray(2, connection.createArrayOf("bigint", clients));
            insert.setArray(3, connection.createArrayOf("text", keys));
            insert.setArray(4, connection.createArrayOf("text", hashes));
            insert.setArray(5, connection.createArrayOf("text", theirReferences));
            return insert;
        }, rs -> {
            claimed.add(new Key(rs.getLong(1), rs.getString(2)));
        });
        return claimed;
    }

    private Map<Key, Previous> previous(List<Key> keys) {
        Long[] clients = keys.stream().map(Key::clientId).toArray(Long[]::new);
        String[] names = keys.stream().map(Key::key).toArray(String[]::new);
        Map<Key, Previous> found = new HashMap<>();
        jdbc.query(connection -> {
            var select = connection.prepareStatement("""
                    SELECT i.api_client_id, i.idempotency_key, i.request_hash, i.reference
                    FROM intake_api_idempotency i JOIN unnest(?, ?) AS u(c, k)
                      ON i.api_client_id = u.c AND i.idempotency_key = u.k""");
            Array c = connection.createArrayOf("bigint", clients);
            Array k = connection.createArrayOf("text", names);
            select.setArray(1, c);
            select.setArray(2, k);
            return select;
        }, rs -> {
            found.put(new Key(rs.getLong(1), rs.getString(2)), new Previous(rs.getString(3), rs.getString(4)));
        });
        return found;
    }

    private record Key(long clientId, String key) {

        static Key of(Pending p) {
            return p.idempotencyKey() == null ? null : new Key(p.clientId(), p.idempotencyKey());
        }
    }

    private record Previous(String requestHash, String reference) {
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (int i = 0; i < writerCount; i++) {
            Thread writer = new Thread(this::work, "intake-api-writer-" + (i + 1));
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    /** Stops taking requests and finishes those already queued. */
    @Override
    public synchronized void stop() {
        running = false;
        for (Thread writer : writers) {
            try {
                writer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before and stops after the web server (which stops taking requests first). */
    @Override
    public int getPhase() {
        return 0;
    }
}
