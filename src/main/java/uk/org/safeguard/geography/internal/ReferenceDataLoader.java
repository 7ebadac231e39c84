package uk.org.safeguard.geography.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the geography tables in line with the data files shipped in the application, at every start
 * (admin commands included) and before demo data. A file is loaded only when its SHA-256 differs from
 * the one recorded for it, so an unchanged start costs one hash per file. Changed files are loaded in
 * one transaction under an advisory lock, so instances starting together load them once and readers
 * see the old rows until the new ones are all there.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class ReferenceDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataLoader.class);
    private static final long ADVISORY_LOCK = 0x5AFE_6E0L;
    private static final String DIRECTORY = "geography/";

    private final List<Dataset> datasets;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;

    @Autowired
    ReferenceDataLoader(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transactions) {
        this(GeographyDatasets.ALL, jdbc, dataSource, transactions);
    }

    ReferenceDataLoader(List<Dataset> datasets, JdbcClient jdbc, DataSource dataSource,
            TransactionTemplate transactions) {
        this.datasets = datasets;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        loadChanged();
    }

    /** Loads every file whose hash is not the one recorded; returns the names of those loaded. */
    List<String> loadChanged() {
        List<Pending> pending = new ArrayList<>();
        for (Dataset dataset : datasets) {
            Resource resource = resourceOf(dataset);
            String sha256 = sha256(resource);
            if (!isLoaded(dataset, sha256)) {
                pending.add(new Pending(dataset, resource, sha256));
            }
        }
        if (pending.isEmpty()) {
            return List.of();
        }
        List<String> loaded = transactions.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", ADVISORY_LOCK).query().singleValue();
            List<String> names = new ArrayList<>();
            for (Pending p : pending) {
                // Another instance may have loaded it while this one waited for the lock.
                if (!isLoaded(p.dataset(), p.sha256())) {
                    load(p);
                    names.add(p.dataset().name());
                }
            }
            return names;
        });
        return loaded == null ? List.of() : loaded;
    }

    private boolean isLoaded(Dataset dataset, String sha256) {
        return jdbc.sql("SELECT count(*) FROM geography_dataset WHERE name = :name AND sha256 = :sha256")
                .param("name", dataset.name()).param("sha256", sha256).query(Long.class).single() > 0;
    }

    private void load(Pending pending) {
        long started = System.nanoTime();
        Dataset dataset = pending.dataset();
        jdbc.sql("DELETE FROM " + dataset.table()).update();
        if (dataset.staging() != null) {
            jdbc.sql(dataset.staging().create()).update();
        }
        String target = dataset.staging() == null ? dataset.table() : "geography_staging";
        copy(pending, "COPY " + target + " (" + String.join(", ", dataset.columns()) + ") FROM STDIN (FORMAT csv"
                + dataset.copyOptions() + ")");
        if (dataset.staging() != null) {
            jdbc.sql(dataset.staging().insert()).update();
            jdbc.sql("DROP TABLE geography_staging").update();
        }
        jdbc.sql("ANALYZE " + dataset.table()).update();
        long rows = jdbc.sql("SELECT count(*) FROM " + dataset.table()).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO geography_dataset (name, sha256, row_count, loaded_at) VALUES (:name, :sha256, :rows, now())
                ON CONFLICT (name) DO UPDATE SET sha256 = excluded.sha256, row_count = excluded.row_count,
                    loaded_at = excluded.loaded_at""")
                .param("name", dataset.name()).param("sha256", pending.sha256()).param("rows", rows).update();
        log.info("Loaded geography data {}: {} rows in {} ms", pending.resource().getFilename(), rows,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Streams the file after its header into COPY on the transaction's own connection. */
    private void copy(Pending pending, String sql) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (BufferedReader reader = open(pending.resource())) {
            String header = Optional.ofNullable(reader.readLine()).orElse("").replace("\uFEFF", "");
            if (!header.equals(pending.dataset().header())) {
                throw new IllegalStateException(pending.resource().getFilename() + " has the header [" + header
                        + "], expected [" + pending.dataset().header() + "]");
            }
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, reader, 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + pending.resource().getFilename(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load " + pending.resource().getFilename() + ": " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static Resource resourceOf(Dataset dataset) {
        Resource plain = new ClassPathResource(DIRECTORY + dataset.name() + ".csv");
        Resource gzipped = new ClassPathResource(DIRECTORY + dataset.name() + ".csv.gz");
        if (plain.exists() == gzipped.exists()) {
            throw new IllegalStateException("Expected exactly one of " + DIRECTORY + dataset.name()
                    + ".csv and .csv.gz on the classpath");
        }
        return plain.exists() ? plain : gzipped;
    }

    private static BufferedReader open(Resource resource) throws IOException {
        InputStream in = resource.getInputStream();
        if (resource.getFilename() != null && resource.getFilename().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Of the file as shipped (compressed, if it is). */
    static String sha256(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource.getFilename(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Pending(Dataset dataset, Resource resource, String sha256) {
    }
}
