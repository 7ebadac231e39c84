package uk.org.safeguard.guidance.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the guidance text shipped with the application ({@code guidance/content/<page>/<language>.md})
 * where the database has none, or has only an older shipped version that no member of staff has edited
 * since. Text that staff have edited is never overwritten by a new release: it is theirs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 200)
class ContentSeeds implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ContentSeeds.class);
    private static final Pattern LOCATION = Pattern.compile(".*/guidance/content/([a-z0-9-]+)/([a-z]{2,3})\\.md$");
    private static final long ADVISORY_LOCK = 0x5AFE_6D1L;

    private final ContentVersions versions;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    ContentSeeds(ContentVersions versions, JdbcClient jdbc, TransactionTemplate transactions) {
        this.versions = versions;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Seed> seeds = shipped();
        Map<String, ContentVersion> latest = new HashMap<>();
        for (ContentVersion version : versions.latestOfEach(ContentKind.PAGE)) {
            latest.put(version.key() + "/" + version.language(), version);
        }
        List<Seed> due = seeds.stream().filter(seed -> {
            ContentVersion current = latest.get(seed.key() + "/" + seed.language());
            return current == null || ("system".equals(current.author()) && !seed.sha256().equals(current.seedSha256()));
        }).toList();
        if (due.isEmpty()) {
            return;
        }
        Integer published = transactions.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", ADVISORY_LOCK).query().singleRow();
            int count = 0;
            for (Seed seed : due) {
                Optional<ContentVersion> current = versions.latest(ContentKind.PAGE, seed.key(), seed.language());
                boolean wanted = current.isEmpty() || (!seed.sha256().equals(current.get().seedSha256())
                        && !versions.editedByStaff(ContentKind.PAGE, seed.key(), seed.language()));
                if (wanted) {
                    versions.append(ContentKind.PAGE, seed.key(), seed.language(), seed.fields(), "system",
                            "Shipped with the application", true, seed.sha256());
                    count++;
                }
            }
            return count;
        });
        log.info("Published {} shipped guidance page versions", published);
    }

    /** Every shipped page text. */
    static List<Seed> shipped() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:guidance/content/*/*.md");
            return java.util.Arrays.stream(resources).map(ContentSeeds::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Seed read(Resource resource) {
        String location;
        byte[] bytes;
        try (InputStream in = resource.getInputStream()) {
            location = resource.getURL().toString();
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher matcher = LOCATION.matcher(location);
        if (!matcher.matches() || GuidancePage.byKey(matcher.group(1)).isEmpty()) {
            throw new IllegalStateException("Shipped guidance text for no known page: " + location);
        }
        return new Seed(matcher.group(1), matcher.group(2), parse(new String(bytes, StandardCharsets.UTF_8), location),
                sha256(bytes));
    }

    /** A header of {@code title:} and {@code summary:} lines, a line {@code ---}, then the Markdown body. */
    static Map<String, String> parse(String text, String location) {
        String normalised = text.replace("\r\n", "\n");
        int separator = normalised.indexOf("\n---\n");
        if (separator < 0) {
            throw new IllegalStateException("No '---' line after the header in " + location);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : normalised.substring(0, separator).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        if (fields.getOrDefault(PageContents.TITLE, "").isBlank()) {
            throw new IllegalStateException("No title in " + location);
        }
        fields.putIfAbsent(PageContents.SUMMARY, "");
        fields.put(PageContents.BODY, normalised.substring(separator + 5).strip());
        return fields;
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Seed(String key, String language, Map<String, String> fields, String sha256) {
    }
}
