package uk.org.safeguard.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import uk.org.safeguard.platform.DemoDataSet;
import uk.org.safeguard.support.IntegrationTest;

/**
 * Dumps the whole database with Debian's {@code pg_dump} (the PostgreSQL 15 client, as an operator would
 * back it up) after the demo data is loaded, and checks that none of the personal values that the demo
 * data sets declare ({@link DemoDataSet#personalValues()}) appears in it in clear, whatever the case,
 * nor as the hex of its UTF-8 bytes (a {@code bytea} column left unencrypted), while known non-personal
 * values do (so the dump is real).
 */
@IntegrationTest
class PgDumpPlaintextIntegrationTest {

    private static final Path PG_DUMP = Path.of("/usr/bin/pg_dump");

    @Autowired
    DataSource dataSource;

    @Autowired
    List<DemoDataSet> demoDataSets;

    @Test
    void aDumpOfTheDemoDatabaseHasNoPersonalValueInClear() throws Exception {
        List<String> personal = new ArrayList<>();
        demoDataSets.forEach(set -> personal.addAll(set.personalValues()));
        assertThat(personal).as("personal values declared by the demo data sets").isNotEmpty()
                .allSatisfy(value -> assertThat(value).hasSizeGreaterThanOrEqualTo(6));

        String dump = dump().toLowerCase(Locale.ROOT);

        assertThat(dump).as("a real dump of the demo data").contains("copy public.identity_account ")
                .contains("tower hamlets").contains("demo: programme team");
        // As text, and as the hex that pg_dump writes for a bytea column holding the value's UTF-8 bytes unencrypted.
        List<String> inClear = personal.stream().filter(v -> dump.contains(v.toLowerCase(Locale.ROOT))
                || dump.contains(HexFormat.of().formatHex(v.getBytes(StandardCharsets.UTF_8)))).toList();
        assertThat(inClear).as("personal values found in clear in the pg_dump output").isEmpty();
    }

    private String dump() throws SQLException, IOException, InterruptedException {
        if (!Files.isExecutable(PG_DUMP)) {
            fail(PG_DUMP + " is missing: install Debian's PostgreSQL client with `apt-get install postgresql-client` "
                    + "(this test must not be skipped)");
        }
        URI server;
        String user;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            server = URI.create(metaData.getURL().substring("jdbc:".length()));
            user = metaData.getUserName();
        }
        String database = server.getPath().substring(1);
        Process process = new ProcessBuilder(PG_DUMP.toString(), "--host", server.getHost(), "--port",
                String.valueOf(server.getPort()), "--username", user, "--no-password", "--dbname", database)
                .redirectErrorStream(false).start();
        process.getOutputStream().close();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("pg_dump did not finish within two minutes");
        }
        String errors = new String(err.join(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("pg_dump exit code; stderr: " + errors).isZero();
        return new String(out.join(), StandardCharsets.UTF_8);
    }

    private static byte[] readAll(java.io.InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
