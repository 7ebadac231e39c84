package uk.org.safeguard.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.org.safeguard.privacy.KeyDestroyedException;
import uk.org.safeguard.privacy.RecordFamily;
import uk.org.safeguard.privacy.ShreddableKeys;
import uk.org.safeguard.support.IntegrationTest;

/**
 * Retention end to end on real records: a closed case gets its deletion date from its outcome's rule and
 * is sealed under that month's key; the daily job deletes it (audited), destroys the key, keeps the
 * statistics; a backup taken before the deletion, restored into a fresh database, cannot be decrypted;
 * a legal hold stops deletion; the DPO's rule changes move deletion dates.
 */
@IntegrationTest
class RetentionIntegrationTest {

    private static final Path PG_DUMP = Path.of("/usr/bin/pg_dump");
    private static final Path PG_RESTORE = Path.of("/usr/bin/pg_restore");

    @Autowired
    CaseFiles files;

    @Autowired
    CaseRecords records;

    @Autowired
    CaseCrypto crypto;

    @Autowired
    RetentionSweep sweep;

    @Autowired
    RetentionPolicy policy;

    @Autowired
    RetentionRules rules;

    @Autowired
    ShreddableKeys shreddable;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void anExpiredCaseIsDeletedAndABackupTakenBeforeCannotDecryptIt() throws Exception {
        // Closed with "no further action" 3 years and 2 months ago, in a month no other test uses.
        LocalDate closedOn = LocalDate.of(2022, 6, 10);
        LocalDate today = LocalDate.of(2025, 8, 1);
        String reference = files.open("E09000030", "18_20", closedOn.minusMonths(2), details("Dana Retention-Test"), "system");
        int statisticsBefore = statistic(2022, "E09000030", "NO_FURTHER_ACTION", "18_20");
        files.close(reference, CaseOutcome.NO_FURTHER_ACTION, closedOn, "system");

        CaseRecord closed = records.find(reference).orElseThrow();
        assertThat(closed.deleteOn()).isEqualTo(LocalDate.of(2025, 6, 10));
        assertThat(closed.keyPeriod()).isEqualTo(YearMonth.of(2025, 6));
        assertThat(crypto.open(closed).fullName()).isEqualTo("Dana Retention-Test");
        assertThat(statistic(2022, "E09000030", "NO_FURTHER_ACTION", "18_20")).isEqualTo(statisticsBefore + 1);

        Path backup = Files.createTempFile("safeguard-backup", ".dump");
        try {
            pgDump(backup);
            assertThat(restoredDetails(backup, reference)).as("the backup holds the case, readable before deletion")
                    .satisfies(row -> assertThat(CaseDetails.fromJson(shreddable.decrypt(RecordFamily.CASE,
                            YearMonth.parse(row.period()), "case:" + reference, row.details())).fullName())
                            .isEqualTo("Dana Retention-Test"));

            RetentionSweep.Result result = sweep.run(today);

            assertThat(result.deleted()).contains(reference);
            assertThat(result.keysDestroyed()).contains(YearMonth.of(2025, 6));
            assertThat(records.find(reference)).isEmpty();
            assertThat(jdbc.sql("SELECT reason FROM audit_entry WHERE action = 'case.deleted' AND record_id = :r")
                    .param("r", reference).query(String.class).single())
                    .isEqualTo("Retention rule: NO_FURTHER_ACTION, 3 years after closure");
            assertThat(statistic(2022, "E09000030", "NO_FURTHER_ACTION", "18_20")).as("statistics survive deletion")
                    .isEqualTo(statisticsBefore + 1);

            Restored restored = restoredDetails(backup, reference);
            assertThatThrownBy(() -> shreddable.decrypt(RecordFamily.CASE, YearMonth.parse(restored.period()),
                    "case:" + reference, restored.details())).isInstanceOf(KeyDestroyedException.class);
            assertThat(new String(restored.details(), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .doesNotContain("Dana Retention-Test");
        } finally {
            Files.deleteIfExists(backup);
        }
    }

    @Test
    void aLegalHoldStopsDeletionWithoutKeepingTheMonthsKeyAlive() {
        LocalDate closedOn = LocalDate.of(2021, 3, 5);
        String held = files.open("E09000025", "21_39", closedOn.minusMonths(1), details("Ellis Held-Test"), "system");
        files.close(held, CaseOutcome.SIGNPOSTED, closedOn, "system");
        String neighbour = files.open("E09000025", "21_39", closedOn.minusMonths(1), details("Finley Neighbour-Test"), "system");
        files.close(neighbour, CaseOutcome.SIGNPOSTED, closedOn, "system");
        assertThat(records.find(held).orElseThrow().keyPeriod()).isEqualTo(YearMonth.of(2024, 3));

        files.placeLegalHold(held, "Part of legal proceedings", "account:1");
        CaseRecord onHold = records.find(held).orElseThrow();
        assertThat(onHold.keyPeriod()).as("moved off the retention key").isNull();

        RetentionSweep.Result result = sweep.run(LocalDate.of(2024, 4, 2));
        assertThat(result.deleted()).contains(neighbour).doesNotContain(held);
        assertThat(result.keysDestroyed()).contains(YearMonth.of(2024, 3));
        assertThat(crypto.open(records.find(held).orElseThrow()).fullName()).isEqualTo("Ellis Held-Test");

        files.releaseLegalHold(held, "account:1");
        CaseRecord released = records.find(held).orElseThrow();
        assertThat(released.deleteOn()).as("its month's key is gone, so it is due within weeks under a live key")
                .isAfter(LocalDate.now().minusDays(1));
        assertThat(crypto.open(released).fullName()).isEqualTo("Ellis Held-Test");
    }

    @Test
    void theDposRuleChangeMovesDeletionDatesOfClosedCases() {
        String reference = files.open("E09000012", "40_PLUS", LocalDate.of(2030, 1, 1), details("Gray Rule-Test"), "system");
        files.close(reference, CaseOutcome.POLICE_LED, LocalDate.of(2030, 2, 1), "system");
        assertThat(records.find(reference).orElseThrow().deleteOn()).isEqualTo(LocalDate.of(2036, 2, 1));
        RetentionRules.Rule before = rules.of(CaseOutcome.POLICE_LED);
        try {
            policy.change(Map.of(CaseOutcome.POLICE_LED, new RetentionPolicy.Change(7, RetentionRules.CountedFrom.CLOSURE)),
                    "account:99");
            CaseRecord moved = records.find(reference).orElseThrow();
            assertThat(moved.deleteOn()).isEqualTo(LocalDate.of(2037, 2, 1));
            assertThat(moved.keyPeriod()).isEqualTo(YearMonth.of(2037, 2));
            assertThat(crypto.open(moved).fullName()).isEqualTo("Gray Rule-Test");
            assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'retention-rule.changed' "
                    + "AND record_id = 'POLICE_LED' AND actor = 'account:99'").query(Integer.class).single()).isEqualTo(1);
        } finally {
            policy.change(Map.of(CaseOutcome.POLICE_LED, new RetentionPolicy.Change(before.years(), before.countedFrom())),
                    "account:99");
        }
    }

    private static CaseDetails details(String name) {
        return new CaseDetails(name, LocalDate.of(2000, 1, 1), "10 Retention Road", "Test", "", "");
    }

    private int statistic(int year, String borough, String outcome, String ageBand) {
        return jdbc.sql("SELECT coalesce(sum(cases), 0) FROM casework_statistic WHERE year = :y AND borough_code = :b "
                + "AND outcome = :o AND age_band = :a").param("y", year).param("b", borough).param("o", outcome)
                .param("a", ageBand).query(Integer.class).single();
    }

    record Restored(String period, byte[] details) {
    }

    private void pgDump(Path file) throws Exception {
        Connect c = connect();
        run(List.of(PG_DUMP.toString(), "--host", c.host(), "--port", String.valueOf(c.port()), "--username", c.user(),
                "--no-password", "--format=custom", "--file", file.toString(), c.database()));
    }

    /** Restores the backup into a fresh database on the same server and reads the case's sealed details from it. */
    private Restored restoredDetails(Path backup, String reference) throws Exception {
        Connect c = connect();
        String database = "restore_" + System.nanoTime();
        try (Connection admin = dataSource.getConnection(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        try {
            run(List.of(PG_RESTORE.toString(), "--host", c.host(), "--port", String.valueOf(c.port()), "--username",
                    c.user(), "--no-password", "--no-owner", "--dbname", database, backup.toString()));
            String url = "jdbc:postgresql://" + c.host() + ":" + c.port() + "/" + database;
            try (Connection restored = DriverManager.getConnection(url, c.user(), "");
                    PreparedStatement query = restored.prepareStatement(
                            "SELECT key_period, details FROM casework_case WHERE reference = ?")) {
                query.setString(1, reference);
                try (ResultSet rs = query.executeQuery()) {
                    assertThat(rs.next()).as("the case is in the restored backup").isTrue();
                    return new Restored(rs.getString(1), rs.getBytes(2));
                }
            }
        } finally {
            try (Connection admin = dataSource.getConnection(); Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    record Connect(String host, int port, String user, String database) {
    }

    private Connect connect() throws Exception {
        if (!Files.isExecutable(PG_DUMP) || !Files.isExecutable(PG_RESTORE)) {
            fail(PG_DUMP + " and " + PG_RESTORE + " are needed: `apt-get install postgresql-client` (.ci/run does this)");
        }
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            URI server = URI.create(metaData.getURL().substring("jdbc:".length()));
            return new Connect(server.getHost(), server.getPort(), metaData.getUserName(), server.getPath().substring(1));
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail(command.get(0) + " did not finish");
        }
        assertThat(process.exitValue()).as(command.get(0) + ": " + new String(output)).isZero();
    }
}
