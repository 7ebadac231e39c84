package uk.org.safeguard.platform.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Run in a child JVM by {@link EmbeddedPostgresServerTest}: starts the embedded server on a directory,
 * writes a row, says READY and waits to be killed, as a Safeguard process would be by {@code kill -9}.
 */
public final class EmbeddedServerChild {

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), false, 0);
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS survivor (note TEXT)");
            s.execute("INSERT INTO survivor VALUES ('" + args[1] + "')");
        }
        System.out.println("READY " + server.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
