package uk.org.safeguard.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import uk.org.safeguard.SafeguardApplication;
import uk.org.safeguard.platform.internal.EmbeddedPostgresServer;

/**
 * A referral whose reference has been shown survives the application being killed that very moment:
 * Safeguard runs in a child JVM, a partner's referral is answered 201 with its reference, the JVM is
 * killed with {@code kill -9} (destroyForcibly) straight away, and the referral is then in the database.
 */
class KilledAfterReferenceTest {

    private static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"(SG-[0-9A-Z-]+)\"");

    @Test
    void aReferenceShownToTheClientSurvivesKillNine() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "killed-after-reference");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> env = Map.of("SAFEGUARD_DATA_DIR", dataDir.toAbsolutePath().toString(),
                "SAFEGUARD_DEMO", "false", "SAFEGUARD_EMBEDDED_DATABASE_CLEAN", "false", "SERVER_PORT",
                String.valueOf(port));
        Process app = java(env, List.of()).redirectOutput(dataDir.resolve("app.log").toFile()).start();
        String reference;
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            awaitReady(http, port, app, dataDir);
            String key = adminKey(env, dataDir);
            String body = Files.readString(Path.of("bench/intake-referral.json"));
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/v1/referrals"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            app.destroyForcibly();
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            Matcher matcher = REFERENCE.matcher(created.body());
            assertThat(matcher.find()).as(created.body()).isTrue();
            reference = matcher.group(1);
        } finally {
            app.destroyForcibly();
            app.waitFor(30, TimeUnit.SECONDS);
        }

        try (var server = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), false, 0);
                Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
                PreparedStatement s = c.prepareStatement(
                        "SELECT kind, channel, status, routed_at IS NOT NULL FROM intake_submission WHERE reference = ?")) {
            s.setString(1, reference);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("the referral %s is in the database after kill -9", reference).isTrue();
                assertThat(rs.getString(1)).isEqualTo("REFERRAL");
                assertThat(rs.getString(2)).isEqualTo("PARTNER_API");
                assertThat(rs.getString(3)).isEqualTo("RECEIVED");
                assertThat(rs.getBoolean(4)).isTrue();
            }
        }
    }

    private static ProcessBuilder java(Map<String, String> env, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SafeguardApplication.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        return builder;
    }

    private static void awaitReady(HttpClient http, int port, Process app, Path dataDir) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new AssertionError("Safeguard exited: " + Files.readString(dataDir.resolve("app.log")));
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Safeguard did not become ready in 240 s");
    }

    private static String adminKey(Map<String, String> env, Path dataDir) throws Exception {
        Process admin = java(env, List.of("admin", "create-api-client", "--name", "kill -9 test")).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(admin.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
        }
        assertThat(admin.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(admin.exitValue()).as(String.join("\n", lines)).isZero();
        String key = lines.get(lines.size() - 1).strip();
        assertThat(key).startsWith("sgk_");
        return key;
    }
}
