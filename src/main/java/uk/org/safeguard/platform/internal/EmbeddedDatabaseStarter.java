package uk.org.safeguard.platform.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

import uk.org.safeguard.platform.SafeguardProperties;

/**
 * Starts the embedded PostgreSQL server on a background thread as soon as the configuration is known,
 * so that it boots while Spring builds the rest of the application (start-up time is mostly class
 * loading on the main thread). {@link EmbeddedDatabaseConfiguration} then claims the running server.
 * Registered in {@code META-INF/spring.factories}, because it must run before any bean exists.
 */
public final class EmbeddedDatabaseStarter implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Map<Path, CompletableFuture<EmbeddedPostgresServer>> STARTING = new ConcurrentHashMap<>();

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        if (!environment.getProperty("spring.datasource.url", "").isEmpty()) {
            return;
        }
        SafeguardProperties properties = Binder.get(environment).bind("safeguard", SafeguardProperties.class)
                .orElseGet(() -> new SafeguardProperties(null, true, null));
        Path cluster = clusterDirectory(properties);
        STARTING.computeIfAbsent(cluster, dir -> {
            CompletableFuture<EmbeddedPostgresServer> future = CompletableFuture.supplyAsync(() -> start(dir, properties),
                    runnable -> {
                        Thread thread = new Thread(runnable, "embedded-postgres-start");
                        thread.setDaemon(true);
                        thread.start();
                    });
            // If start-up fails before the server is claimed, nothing else would stop it.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeUnclaimed(dir), "embedded-postgres-unclaimed"));
            return future;
        });
    }

    /** The server started for these settings (starting it now if the listener did not run, as in some tests). */
    static EmbeddedPostgresServer claim(SafeguardProperties properties) {
        Path cluster = clusterDirectory(properties);
        CompletableFuture<EmbeddedPostgresServer> future = STARTING.remove(cluster);
        if (future == null) {
            return start(cluster, properties);
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the embedded PostgreSQL server was starting", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The embedded PostgreSQL server did not start under " + cluster, e.getCause());
        }
    }

    static Path clusterDirectory(SafeguardProperties properties) {
        return properties.dataDir().resolve("postgres").toAbsolutePath().normalize();
    }

    private static EmbeddedPostgresServer start(Path cluster, SafeguardProperties properties) {
        try {
            return EmbeddedPostgresServer.start(cluster, properties.embeddedDatabase().clean(),
                    properties.embeddedDatabase().port());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The embedded PostgreSQL server did not start under " + cluster, e);
        }
    }

    private static void closeUnclaimed(Path cluster) {
        CompletableFuture<EmbeddedPostgresServer> future = STARTING.remove(cluster);
        if (future != null) {
            future.thenAccept(server -> {
                try {
                    server.close();
                } catch (java.io.IOException ignored) {
                    // the JVM is exiting; PostgreSQL recovers an unclean stop on the next start
                }
            }).join();
        }
    }
}
