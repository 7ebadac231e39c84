package uk.org.safeguard.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The canonical form is a published format: these vectors were computed independently (Python, hashlib). */
class EntryHashTest {

    private static final ChainEntry FIRST = new ChainEntry(1, Instant.parse("2026-11-28T10:15:30.123456Z"),
            "account:42", "case.viewed", "case", "SG-2026-0001", null,
            new TreeMap<>(java.util.Map.of("note", "café", "format", "pdf")), EntryHash.GENESIS, null);

    @Test
    void theCanonicalFormIsLengthPrefixedFieldsInAFixedOrder() {
        assertThat(new String(EntryHash.canonical(FIRST), StandardCharsets.UTF_8)).isEqualTo(
                "17:safeguard-audit-1" + "64:" + "0".repeat(64) + "1:1" + "27:2026-11-28T10:15:30.123456Z"
                        + "10:account:42" + "11:case.viewed" + "4:case" + "12:SG-2026-0001" + "~" + "1:2"
                        + "6:format" + "3:pdf" + "4:note" + "5:café");
    }

    @Test
    void theHashIsSha256OfTheCanonicalFormAndChainsToThePreviousHash() {
        String first = EntryHash.of(FIRST);
        assertThat(first).isEqualTo("77940e3d3cc7a2e28b0082f9f32867ba0721198b70886c0e881695d8283e70d7");
        ChainEntry second = new ChainEntry(2, Instant.parse("2026-11-28T10:15:31Z"), "system", "audit.anchored", null,
                null, "nightly check", new TreeMap<>(), first, null);
        assertThat(EntryHash.of(second)).isEqualTo("0d14984865a640798a7130c313ccef9902e2937a5a6e280579ee4fa175f27e30");
    }

    @Test
    void everyFieldIsCovered() {
        String hash = EntryHash.of(FIRST);
        assertThat(EntryHash.of(FIRST.renumbered(2))).isNotEqualTo(hash);
        assertThat(EntryHash.of(new ChainEntry(1, FIRST.occurredAt().plusNanos(1000), FIRST.actor(), FIRST.action(),
                FIRST.recordType(), FIRST.recordId(), null, FIRST.details(), FIRST.previousHash(), null))).isNotEqualTo(hash);
        assertThat(EntryHash.of(new ChainEntry(1, FIRST.occurredAt(), FIRST.actor(), FIRST.action(), FIRST.recordType(),
                FIRST.recordId(), "", FIRST.details(), FIRST.previousHash(), null))).isNotEqualTo(hash);
        assertThat(EntryHash.of(new ChainEntry(1, FIRST.occurredAt(), FIRST.actor(), FIRST.action(), FIRST.recordType(),
                FIRST.recordId(), null, FIRST.details(), "1".repeat(64), null))).isNotEqualTo(hash);
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        // "ab" + "c" and "a" + "bc" would concatenate alike; the length prefixes keep them apart.
        ChainEntry one = new ChainEntry(1, FIRST.occurredAt(), "ab", "c", null, null, null, new TreeMap<>(),
                EntryHash.GENESIS, null);
        ChainEntry other = new ChainEntry(1, FIRST.occurredAt(), "a", "bc", null, null, null, new TreeMap<>(),
                EntryHash.GENESIS, null);
        assertThat(EntryHash.of(one)).isNotEqualTo(EntryHash.of(other));
        // A null field and the text "~" differ too.
        ChainEntry nullType = new ChainEntry(1, FIRST.occurredAt(), "a", "b", null, null, null, new TreeMap<>(),
                EntryHash.GENESIS, null);
        ChainEntry tildeType = new ChainEntry(1, FIRST.occurredAt(), "a", "b", "~", null, null, new TreeMap<>(),
                EntryHash.GENESIS, null);
        assertThat(EntryHash.of(nullType)).isNotEqualTo(EntryHash.of(tildeType));
    }

    @Test
    void timesAreWrittenToTheMicrosecondInUtc() {
        assertThat(EntryHash.formatInstant(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("2026-01-02T03:04:05.000000Z");
        assertThat(EntryHash.formatInstant(Instant.parse("2026-01-02T03:04:05.123456789Z")))
                .isEqualTo("2026-01-02T03:04:05.123456Z");
    }

    @Test
    void theHandWrittenTimeFormatAgreesWithTheFormatter() {
        java.time.format.DateTimeFormatter formatter = java.time.format.DateTimeFormatter
                .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(java.time.ZoneOffset.UTC);
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(0, 253_402_300_799L), random.nextInt(1_000_000_000));
            assertThat(EntryHash.formatInstant(instant))
                    .isEqualTo(formatter.format(instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
        }
    }

    @Test
    void detailsJsonIsReadStrictly() {
        assertThat(DetailsJson.read(DetailsJson.write(java.util.Map.of("b", "2", "a", "1")))).containsExactly(
                java.util.Map.entry("a", "1"), java.util.Map.entry("b", "2"));
        assertThat(DetailsJson.read("{}")).isEmpty();
        assertThat(DetailsJson.read("{\"a\": 1}")).isNull();
        assertThat(DetailsJson.read("{\"a\": {\"b\": \"c\"}}")).isNull();
        assertThat(DetailsJson.read("[\"a\"]")).isNull();
        assertThat(DetailsJson.read("{\"a\": \"1\"} {}")).isNull();
        assertThat(DetailsJson.read("not json")).isNull();
    }
}
