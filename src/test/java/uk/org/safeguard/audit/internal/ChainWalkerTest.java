package uk.org.safeguard.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** Every kind of tampering, on a chain held in memory (the integration tests do the same in PostgreSQL). */
class ChainWalkerTest {

    private final List<ChainEntry> chain = chain(10);

    @Test
    void anIntactChainPasses() {
        Verification result = walk(chain, head(chain));
        assertThat(result.intact()).as(result.problem()).isTrue();
        assertThat(result.entries()).isEqualTo(10);
        assertThat(result.head()).isEqualTo(head(chain));
    }

    @Test
    void theEmptyChainPasses() {
        assertThat(walk(List.of(), new Anchor(0, EntryHash.GENESIS)).intact()).isTrue();
    }

    @Test
    void anAlteredEntryIsNamed() {
        chain.set(4, withActor(chain.get(4), "account:666"));
        assertThat(walk(chain, head(chain)).problem()).isEqualTo("entry 5 was altered");
    }

    @Test
    void anAlteredLastEntryIsNamed() {
        chain.set(9, withActor(chain.get(9), "account:666"));
        assertThat(walk(chain, head(chain)).problem()).isEqualTo("entry 10 was altered");
    }

    @Test
    void malformedDetailsCountAsAlteration() {
        ChainEntry e = chain.get(2);
        chain.set(2, new ChainEntry(e.seq(), e.occurredAt(), e.actor(), e.action(), e.recordType(), e.recordId(),
                e.reason(), null, e.previousHash(), e.hash()));
        assertThat(walk(chain, head(chain)).problem()).isEqualTo("entry 3 was altered");
    }

    @Test
    void anAlteredEntryWithARecomputedHashIsNamed() {
        chain.set(4, withActor(chain.get(4), "account:666").sealed());
        assertThat(walk(chain, head(chain)).problem()).startsWith("entry 5 was altered (and its hash recomputed");
    }

    @Test
    void aRemovedEntryIsNamed() {
        chain.remove(4);
        assertThat(walk(chain, head(chain)).problem()).isEqualTo("an entry was removed before 6 (entry 5 is missing)");
    }

    @Test
    void severalRemovedEntriesAreNamed() {
        chain.remove(4);
        chain.remove(4);
        assertThat(walk(chain, head(chain)).problem())
                .isEqualTo("2 entries were removed before 7 (entries 5 to 6 are missing)");
    }

    @Test
    void aRemovalHiddenByRenumberingIsNamed() {
        chain.remove(4);
        for (int i = 4; i < chain.size(); i++) {
            chain.set(i, chain.get(i).renumbered(i + 1));
        }
        assertThat(walk(chain, head(chain)).problem())
                .isEqualTo("an entry was removed before 6 (later entries were renumbered: entry 5 was 6)");
    }

    @Test
    void anInsertedEntryWithRenumberingIsNamed() {
        List<ChainEntry> forged = insertForged(4, true);
        assertThat(walk(forged, head(forged)).problem())
                .isEqualTo("entry 5 was inserted (later entries were renumbered: entry 6 was 5)");
    }

    @Test
    void anInsertedEntryWithABadHashIsStillToldFromAnAlteration() {
        List<ChainEntry> forged = insertForged(4, false);
        assertThat(walk(forged, head(forged)).problem())
                .isEqualTo("entry 5 was inserted (later entries were renumbered: entry 6 was 5)");
    }

    @Test
    void anEntryReplacedByAForgeryIsNamedAsInserted() {
        ChainEntry original = chain.get(4);
        chain.set(4, new ChainEntry(5, original.occurredAt(), "account:7", "case.deleted", "case", "SG-9", null,
                new TreeMap<>(), "f".repeat(64), null).sealed());
        assertThat(walk(chain, head(chain)).problem())
                .isEqualTo("entry 5 was inserted (its link fits neither entry 4 nor entry 6)");
    }

    @Test
    void anEntryAppendedPastTheHeadIsNamed() {
        Anchor head = head(chain);
        chain.add(next(chain, "account:7"));
        assertThat(walk(chain, head).problem())
                .isEqualTo("entry 11 was inserted after the head (the head records entry 10)");
    }

    @Test
    void aSecondEntryWithTheSameNumberIsNamed() {
        ChainEntry copy = withActor(chain.get(4), "account:7").sealed();
        chain.add(5, copy);
        assertThat(walk(chain, head(chain)).problem()).isEqualTo("entry 5 was inserted (a second entry numbered 5)");
    }

    @Test
    void removingTheLastEntriesIsCaughtByTheHead() {
        Anchor head = head(chain);
        chain.subList(8, 10).clear();
        assertThat(walk(chain, head).problem()).isEqualTo("entries after 8 were removed (the head records entry 10)");
        assertThat(walk(List.of(), head).problem()).isEqualTo("all entries were removed (the head records entry 10)");
    }

    @Test
    void removingTheLastEntriesAndTheHeadIsCaughtByAnAnchor() {
        Anchor anchor = head(chain);
        chain.subList(8, 10).clear();
        assertThat(walk(chain, head(chain)).intact()).isTrue();
        assertThat(walk(chain, head(chain), anchor).problem())
                .isEqualTo("entries after 8 were removed (the anchor " + anchor + " records entry 10)");
    }

    @Test
    void aRewrittenChainIsCaughtOnlyByAnAnchor() {
        Anchor early = new Anchor(3, chain.get(2).hash());
        Anchor anchor = head(chain);
        chain.set(4, withActor(chain.get(4), "account:666"));
        rehashFrom(4);
        assertThat(walk(chain, head(chain)).intact()).isTrue();
        assertThat(walk(chain, head(chain), anchor).problem()).isEqualTo("entry 10 does not match the anchor "
                + anchor + ": the trail was rewritten at or before entry 10");
        assertThat(walk(chain, head(chain), early, anchor).problem()).isEqualTo("entry 10 does not match the anchor "
                + anchor + ": the trail was rewritten after entry 3 and at or before entry 10");
        Verification passing = walk(chain, head(chain), early);
        assertThat(passing.intact()).isTrue();
        assertThat(passing.anchorsMatched()).containsExactly(3L);
    }

    @Test
    void aHeadThatDoesNotMatchTheLastEntryIsNamed() {
        chain.set(9, withActor(chain.get(9), "account:666").sealed());
        assertThat(walk(chain, new Anchor(10, chain.get(9).hash())).intact()).isTrue();
        assertThat(walk(chain, new Anchor(10, "a".repeat(64))).problem())
                .startsWith("entry 10 does not match the head");
        assertThat(walk(chain, null).problem()).isEqualTo("the head (audit_head) is missing");
    }

    @Test
    void walkingStopsAtTheFirstProblem() {
        chain.set(2, withActor(chain.get(2), "account:666"));
        ChainWalker walker = new ChainWalker(List.of());
        int read = 0;
        for (ChainEntry entry : chain) {
            read++;
            if (!walker.accept(entry)) {
                break;
            }
        }
        assertThat(read).isEqualTo(4);
        assertThat(walker.finish(head(chain)).problem()).isEqualTo("entry 3 was altered");
    }

    private List<ChainEntry> insertForged(int index, boolean validHash) {
        List<ChainEntry> forged = new ArrayList<>(chain.subList(0, index));
        ChainEntry fake = new ChainEntry(index + 1, chain.get(index).occurredAt(), "account:7", "case.viewed", "case",
                "SG-9", null, new TreeMap<>(), chain.get(index - 1).hash(), "b".repeat(64));
        forged.add(validHash ? fake.sealed() : fake);
        for (int i = index; i < chain.size(); i++) {
            forged.add(chain.get(i).renumbered(i + 2));
        }
        return forged;
    }

    private void rehashFrom(int index) {
        for (int i = index; i < chain.size(); i++) {
            ChainEntry e = chain.get(i);
            chain.set(i, new ChainEntry(e.seq(), e.occurredAt(), e.actor(), e.action(), e.recordType(), e.recordId(),
                    e.reason(), e.details(), i == 0 ? EntryHash.GENESIS : chain.get(i - 1).hash(), null).sealed());
        }
    }

    private static Verification walk(List<ChainEntry> entries, Anchor head, Anchor... anchors) {
        ChainWalker walker = new ChainWalker(List.of(anchors));
        for (ChainEntry entry : entries) {
            if (!walker.accept(entry)) {
                break;
            }
        }
        return walker.finish(head);
    }

    static List<ChainEntry> chain(int n) {
        List<ChainEntry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(next(entries, "account:" + i));
        }
        return entries;
    }

    private static ChainEntry next(List<ChainEntry> entries, String actor) {
        long seq = entries.size() + 1;
        String previous = entries.isEmpty() ? EntryHash.GENESIS : entries.get(entries.size() - 1).hash();
        TreeMap<String, String> details = new TreeMap<>();
        details.put("n", Long.toString(seq));
        return new ChainEntry(seq, Instant.parse("2026-11-28T10:00:00Z").plusSeconds(seq), actor, "case.viewed", "case",
                "SG-" + seq, null, details, previous, null).sealed();
    }

    private static ChainEntry withActor(ChainEntry e, String actor) {
        return new ChainEntry(e.seq(), e.occurredAt(), actor, e.action(), e.recordType(), e.recordId(), e.reason(),
                e.details(), e.previousHash(), e.hash());
    }

    private static Anchor head(List<ChainEntry> entries) {
        return entries.isEmpty() ? new Anchor(0, EntryHash.GENESIS)
                : new Anchor(entries.get(entries.size() - 1).seq(), entries.get(entries.size() - 1).hash());
    }
}
