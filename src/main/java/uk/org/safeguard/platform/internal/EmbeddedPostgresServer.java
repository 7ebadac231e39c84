package uk.org.safeguard.platform.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL server Safeguard runs when no external database is configured.
 *
 * <p>Its cluster lives in {@code <data dir>/postgres} and survives restarts. Before starting, it looks at
 * what a previous run may have left: a {@code postmaster.pid} whose process is gone is removed; a
 * server still running from a run that was killed (its JVM gone, so nobody holds the directory lock) is
 * shut down cleanly first. When another live Safeguard process holds the lock (for example the web
 * application while an {@code admin} command runs), this one attaches to that server instead of
 * starting a second one on the same files.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    static final String DATABASE = "safeguard";
    private static final String LOCK_FILE = "epg-lock";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres owned;
    private final int port;

    private EmbeddedPostgresServer(EmbeddedPostgres owned, int port) {
        this.owned = owned;
        this.port = port;
    }

    /** Starts (or attaches to) the server for {@code clusterDir} and makes sure the application database exists. */
    public static EmbeddedPostgresServer start(Path clusterDir, boolean clean, int port) throws IOException {
        Files.createDirectories(clusterDir);
        EmbeddedPostgresServer server;
        if (clean) {
            server = new EmbeddedPostgresServer(startNew(clusterDir, true, port), -1);
        } else {
            Optional<Integer> sharedPort = portOfServerOwnedByAnotherProcess(clusterDir);
            if (sharedPort.isPresent()) {
                log.info("Attaching to the embedded PostgreSQL server already running on port {}", sharedPort.get());
                server = new EmbeddedPostgresServer(null, sharedPort.get());
            } else {
                recoverFromKilledRun(clusterDir);
                server = new EmbeddedPostgresServer(startNew(clusterDir, false, port), -1);
            }
        }
        server.createApplicationDatabase();
        return server;
    }

    private static EmbeddedPostgres startNew(Path clusterDir, boolean clean, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(clusterDir)
                .setCleanDataDirectory(clean)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "100")
                .setLocaleConfig("locale", "C.UTF-8");
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    /**
     * A previous run that was killed leaves either a stale {@code postmaster.pid} (server gone) or an
     * orphaned server (still running, lock free). Both would stop {@code pg_ctl start}.
     */
    static void recoverFromKilledRun(Path clusterDir) {
        Path pidFile = clusterDir.resolve("postmaster.pid");
        Optional<PostmasterPid> pid = PostmasterPid.read(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get().pid()).filter(ProcessHandle::isAlive)
                .filter(p -> isPostgres(p, clusterDir));
        if (process.isEmpty()) {
            log.warn("Removing stale postmaster.pid left by an earlier run (process {} is gone)", pid.get().pid());
            deleteQuietly(pidFile);
            return;
        }
        log.warn("Stopping the embedded PostgreSQL server (pid {}) orphaned by an earlier run", pid.get().pid());
        stopOrphan(process.get());
        deleteQuietly(pidFile);
    }

    private static boolean isPostgres(ProcessHandle process, Path clusterDir) {
        try {
            String cmdline = Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"),
                    StandardCharsets.UTF_8).replace('\0', ' ');
            return cmdline.contains("postgres");
        } catch (IOException | RuntimeException e) {
            // No /proc (not Linux): fall back to the process's own description of itself.
            return process.info().command().map(c -> c.contains("postgres")).orElse(false);
        }
    }

    private static void stopOrphan(ProcessHandle postmaster) {
        try {
            // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit.
            new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).inheritIO().start()
                    .waitFor(10, TimeUnit.SECONDS);
            postmaster.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("The orphaned server did not stop in time; killing it (PostgreSQL will recover its WAL)");
            postmaster.destroyForcibly();
            try {
                postmaster.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The port of a live server whose directory lock is held by another live process, if any. */
    private static Optional<Integer> portOfServerOwnedByAnotherProcess(Path clusterDir) throws IOException {
        Path lockFile = clusterDir.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return Optional.empty();
        }
        try (RandomAccessFile raf = new RandomAccessFile(lockFile.toFile(), "rw")) {
            FileLock lock;
            try {
                lock = raf.getChannel().tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock != null) {
                lock.release();
                return Optional.empty();
            }
        }
        return PostmasterPid.read(clusterDir.resolve("postmaster.pid"))
                .filter(p -> ProcessHandle.of(p.pid()).map(ProcessHandle::isAlive).orElse(false))
                .map(PostmasterPid::port);
    }

    private void createApplicationDatabase() throws IOException {
        try (Connection c = adminDataSource().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IOException("Could not create the " + DATABASE + " database in the embedded server", e);
        }
    }

    private DataSource adminDataSource() {
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setServerNames(new String[] {"localhost"});
        ds.setPortNumbers(new int[] {port()});
        ds.setDatabaseName("postgres");
        ds.setUser("postgres");
        return ds;
    }

    public int port() {
        return owned != null ? owned.getPort() : port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    public String username() {
        return "postgres";
    }

    /** Stops the server if this process started it; a server borrowed from another process keeps running. */
    @Override
    public void close() throws IOException {
        if (owned != null) {
            owned.close();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}", file.getFileName());
        }
    }

    /** The first lines of {@code postmaster.pid}: pid, data directory, start time, port. */
    record PostmasterPid(long pid, int port) {

        static Optional<PostmasterPid> read(Path file) {
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (lines.size() < 4) {
                    return Optional.empty();
                }
                return Optional.of(new PostmasterPid(Long.parseLong(lines.get(0).trim()),
                        Integer.parseInt(lines.get(3).trim())));
            } catch (IOException | NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
