package uk.org.safeguard.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.org.safeguard.platform.AdminArguments;
import uk.org.safeguard.support.IntegrationTest;

/**
 * An administrator's tools for the partner API: listing the clients with their use, disabling a leaked
 * key (refused at once, audited with the reason), and the hourly sweep that forgets old idempotency keys.
 */
@IntegrationTest
class ApiClientAdministrationIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    CreateApiClientCommand create;

    @Autowired
    ListApiClientsCommand list;

    @Autowired
    DisableApiClientCommand disable;

    @Autowired
    IdempotencySweep sweep;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    record Ran(int code, String out, String err) {
    }

    static Ran run(uk.org.safeguard.platform.AdminCommand command, String... words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = command.run(AdminArguments.parse(List.of(words)), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Ran(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    long idOf(String name) {
        return jdbc.sql("SELECT id FROM intake_api_client WHERE name = :n").param("n", name).query(Long.class).single();
    }

    @Test
    void aLeakedKeyIsListedWithItsUseThenDisabledAtOnceWithTheReasonAudited() {
        String name = "Leaky Academy MIS " + System.nanoTime();
        Ran created = run(create, "--name", name);
        String[] lines = created.out().strip().split("\n");
        String key = lines[lines.length - 1].strip();
        long id = idOf(name);
        ApiTestClient api = new ApiTestClient(port);
        assertThat(api.post("/api/v1/referrals", key, null, ApiTestClient.referral("Avery Example", "E1 6AA")).statusCode())
                .isEqualTo(201);

        Ran listed = run(list);
        assertThat(listed.code()).isZero();
        String row = listed.out().lines().filter(l -> l.startsWith(id + "\t")).findFirst().orElseThrow();
        assertThat(row.split("\t")).hasSize(6);
        assertThat(row.split("\t")[1]).isEqualTo(name);
        assertThat(row.split("\t")[3]).isEqualTo("active");
        assertThat(row.split("\t")[4]).isEqualTo("1");
        assertThat(row.split("\t")[5]).isNotEqualTo("-");
        assertThat(listed.out()).doesNotContain(key).doesNotContain(key.substring(4));

        Ran disabled = run(disable, "--id", Long.toString(id), "--reason", "Key pasted into a support ticket");
        assertThat(disabled.code()).as(disabled.err()).isZero();
        assertThat(disabled.out()).contains("API client " + id + " is disabled");
        // Refused at once on this instance: the command forgot the remembered key.
        assertThat(api.post("/api/v1/referrals", key, null, ApiTestClient.referral("Avery Example", "E1 6AA")).statusCode())
                .isEqualTo(401);
        assertThat(jdbc.sql("""
                SELECT reason FROM audit_entry WHERE action = 'api-client.disabled' AND record_type = 'api-client'
                AND record_id = :id""").param("id", Long.toString(id)).query(String.class).list())
                .containsExactly("Key pasted into a support ticket");
        assertThat(run(list).out().lines().filter(l -> l.startsWith(id + "\t")).findFirst().orElseThrow())
                .contains("\tdisabled\t");

        Ran again = run(disable, "--id", Long.toString(id), "--reason", "again");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("was already disabled");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'api-client.disabled' AND record_id = :id")
                .param("id", Long.toString(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void disablingNeedsAKnownNumberAndAReason() {
        Ran noReason = run(disable, "--id", "1");
        assertThat(noReason.code()).isEqualTo(2);
        assertThat(noReason.err()).contains("--reason is required");
        Ran notANumber = run(disable, "--id", "Leaky Academy", "--reason", "leaked");
        assertThat(notANumber.code()).isEqualTo(2);
        assertThat(notANumber.err()).contains("--id must be a client's number");
        Ran unknown = run(disable, "--id", "999999999", "--reason", "leaked");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("No API client has the number 999999999");
        Ran tooLong = run(disable, "--id", "1", "--reason", "x".repeat(501));
        assertThat(tooLong.code()).isEqualTo(2);
        assertThat(tooLong.err()).contains("--reason must be 500 characters or fewer");
    }

    @Test
    void theSweepForgetsKeysOlderThanTheKeepTimeInChunksAndKeepsNewerOnes() {
        String name = "Sweep test " + System.nanoTime();
        run(create, "--name", name);
        long id = idOf(name);
        Timestamp old = Timestamp.from(clock.instant().minus(Duration.ofDays(8)));
        Timestamp recent = Timestamp.from(clock.instant().minus(Duration.ofDays(6)));
        String hash = "0".repeat(64);
        int oldCount = IdempotencySweep.CHUNK + 7; // more than one chunk
        jdbc.sql("""
                INSERT INTO intake_api_idempotency (api_client_id, idempotency_key, request_hash, reference, created_at)
                SELECT :id, 'old-' || g, :hash, NULL, :at FROM generate_series(1, :n) AS g""")
                .param("id", id).param("hash", hash).param("at", old).param("n", oldCount).update();
        jdbc.sql("""
                INSERT INTO intake_api_idempotency (api_client_id, idempotency_key, request_hash, reference, created_at)
                SELECT :id, 'recent-' || g, :hash, NULL, :at FROM generate_series(1, 3) AS g""")
                .param("id", id).param("hash", hash).param("at", recent).update();

        assertThat(sweep.sweep()).isGreaterThanOrEqualTo(oldCount);
        assertThat(jdbc.sql("SELECT idempotency_key FROM intake_api_idempotency WHERE api_client_id = :id ORDER BY 1")
                .param("id", id).query(String.class).list()).containsExactly("recent-1", "recent-2", "recent-3");
        assertThat(jdbc.sql("SELECT count(*) FROM intake_api_idempotency WHERE created_at < :at").param("at", old)
                .query(Long.class).single()).isZero();
    }
}
