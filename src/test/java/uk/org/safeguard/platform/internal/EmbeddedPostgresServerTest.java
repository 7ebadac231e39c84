package uk.org.safeguard.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server keeps its data between runs and comes back after the process that ran it was
 * killed: the killed JVM is a real child process, killed with SIGKILL.
 */
class EmbeddedPostgresServerTest {

    @TempDir
    Path dir;

    @Test
    void dataSurvivesACleanRestart() throws Exception {
        Path cluster = dir.resolve("postgres");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(cluster, false, 0)) {
            execute(server, "CREATE TABLE kept (note TEXT)", "INSERT INTO kept VALUES ('first run')");
        }
        assertThat(cluster.resolve("postmaster.pid")).doesNotExist();
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(cluster, false, 0)) {
            assertThat(notes(server, "kept")).containsExactly("first run");
        }
    }

    @Test
    void aStalePidFileDoesNotStopTheNextStart() throws Exception {
        Path cluster = dir.resolve("postgres");
        EmbeddedPostgresServer.start(cluster, false, 0).close();
        // A pid file naming a process that no longer exists, as a crash of the whole machine leaves it.
        Files.writeString(cluster.resolve("postmaster.pid"), "999999\n" + cluster + "\n1700000000\n5432\n");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(cluster, false, 0)) {
            assertThat(notes(server, "pg_catalog.pg_namespace WHERE false")).isEmpty();
        }
    }

    @Test
    void aKilledRunLeavesNothingThatStopsTheNextStartAndKeepsItsData() throws Exception {
        Path cluster = dir.resolve("postgres");
        Process child = startChild(cluster, "written before kill -9");
        try {
            // While the other process is alive, a second start (an admin command) shares its server.
            try (EmbeddedPostgresServer shared = EmbeddedPostgresServer.start(cluster, false, 0)) {
                assertThat(notes(shared, "survivor")).containsExactly("written before kill -9");
            }
            assertThat(child.isAlive()).isTrue();
            long postmaster = Long.parseLong(Files.readAllLines(cluster.resolve("postmaster.pid")).get(0).trim());

            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive))
                    .as("the killed JVM's PostgreSQL server is orphaned, still running").contains(true);

            try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(cluster, false, 0)) {
                assertThat(notes(restarted, "survivor")).containsExactly("written before kill -9");
                assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false))
                        .as("the orphan was stopped").isFalse();
            }
        } finally {
            child.destroyForcibly();
        }
    }

    private static Process startChild(Path cluster, String note) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmbeddedServerChild.class.getName(), cluster.toString(), note)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            seen.add(line);
            if (line.startsWith("READY")) {
                return child;
            }
        }
        child.destroyForcibly();
        throw new AssertionError("child never became ready:\n" + String.join("\n", seen));
    }

    private static void execute(EmbeddedPostgresServer server, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static List<String> notes(EmbeddedPostgresServer server, String table) throws Exception {
        List<String> notes = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
            while (rs.next()) {
                notes.add(rs.getString(1));
            }
        }
        return notes;
    }

}
