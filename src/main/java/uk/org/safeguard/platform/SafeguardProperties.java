package uk.org.safeguard.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code safeguard.*}, each also settable as an environment variable
 * ({@code SAFEGUARD_DATA_DIR}, {@code SAFEGUARD_DEMO}, ...).
 *
 * @param dataDir where Safeguard keeps its files: the embedded database and, later, key material
 * @param demo whether a fresh database is filled with the demo data set
 * @param embeddedDatabase settings of the embedded PostgreSQL server used when no datasource URL is set
 */
@ConfigurationProperties("safeguard")
public record SafeguardProperties(Path dataDir, boolean demo, EmbeddedDatabase embeddedDatabase) {

    public SafeguardProperties {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
        if (embeddedDatabase == null) {
            embeddedDatabase = new EmbeddedDatabase(false, 0);
        }
    }

    /**
     * @param clean start from an empty cluster each time (tests only)
     * @param port fixed port for the embedded server, or 0 for any free port
     */
    public record EmbeddedDatabase(boolean clean, int port) {
    }
}
