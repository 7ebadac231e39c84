package uk.org.safeguard.audit.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Walks the chain entry by entry in sequence order, holding only a few recent entries, and names the
 * first problem. How each kind of tampering shows:
 *
 * <ul>
 * <li><b>altered</b>: an entry's content no longer gives its stored hash. If the tamperer also recomputed
 * that hash, the next entry's link to it breaks instead, while the entry after that still links on
 * (the one-entry look-ahead that tells this from an insertion).
 * <li><b>removed</b>: a gap in the numbers. If the later entries were renumbered to close the gap, each
 * matches its hash only under its old, higher number.
 * <li><b>inserted</b>: numbers are unique and gap-free, so a row can only be inserted past the head, or
 * with a repeated or non-positive number (primary key dropped), or by renumbering the entries after it,
 * which then match their hashes only under their old, lower numbers; or in place of a removed entry, when
 * its link fits neither the entry before it nor the entry after it.
 * <li><b>removed from the end</b>: the chain stops short of the head kept in {@code audit_head} (or of
 * an anchor).
 * <li><b>rewritten</b>: a tamperer who recomputes every hash after the change, and the head, leaves a
 * consistent chain; only an anchor kept outside the database (the daily log line) reveals it, as an entry
 * whose hash differs from the anchor's.
 * </ul>
 */
final class ChainWalker {

    /** How far back renumbering and re-linking are traced. */
    static final int LOOK_BACK = 16;

    private final NavigableMap<Long, Anchor> anchors = new TreeMap<>();
    private final List<Long> anchorsMatched = new ArrayList<>();
    /** The last few sound entries' numbers and hashes, newest first; starts with the genesis link. */
    private final Deque<Anchor> recent = new ArrayDeque<>();

    private long count;
    private long lastSeq;
    private String lastHash = EntryHash.GENESIS;
    /** An entry sound in itself that does not link to the last one: which of the two is at fault waits on the next. */
    private ChainEntry unlinked;
    /** An entry that does not match its hash: altered, or forged and inserted? The next entry tells. */
    private ChainEntry mismatched;
    private String problem;

    ChainWalker(Collection<Anchor> anchors) {
        for (Anchor anchor : anchors) {
            this.anchors.put(anchor.seq(), anchor);
        }
        recent.push(new Anchor(0, EntryHash.GENESIS));
    }

    /** Takes the next entry in sequence order; {@code false} once a problem is found (the rest need not be read). */
    boolean accept(ChainEntry entry) {
        if (problem != null) {
            return false;
        }
        if (unlinked != null) {
            return fail(resolveUnlinked(entry));
        }
        if (mismatched != null) {
            return fail(resolveMismatched(entry));
        }
        long seq = entry.seq();
        if (seq <= lastSeq) {
            return fail(seq < 1 ? "entry " + seq + " was inserted (entries are numbered from 1)"
                    : "entry " + seq + " was inserted (a second entry numbered " + seq + ")");
        }
        if (seq > lastSeq + 1) {
            return fail(removed(lastSeq + 1, seq - 1));
        }
        if (!entry.contentMatchesHash()) {
            String renumbering = explainRenumbering(entry);
            if (renumbering != null) {
                return fail(renumbering);
            }
            mismatched = entry;
            return true;
        }
        if (!entry.previousHash().equals(lastHash)) {
            Long linkedTo = recentSeqWithHash(entry.previousHash());
            if (linkedTo != null) {
                return fail(inserted(linkedTo + 1, lastSeq, "entry " + seq + " links past them to entry " + linkedTo));
            }
            unlinked = entry;
            return true;
        }
        Anchor anchor = anchors.get(seq);
        if (anchor != null) {
            if (!anchor.hash().equals(entry.hash())) {
                Long sound = anchorsMatched.isEmpty() ? null : anchorsMatched.get(anchorsMatched.size() - 1);
                return fail("entry " + seq + " does not match the anchor " + anchor + ": the trail was rewritten "
                        + (sound == null ? "" : "after entry " + sound + " and ") + "at or before entry " + seq);
            }
            anchorsMatched.add(seq);
        }
        advance(entry);
        return true;
    }

    /** The verdict once every entry has been read; {@code head} is {@code audit_head}, or {@code null} if missing. */
    Verification finish(Anchor head) {
        if (problem == null && mismatched != null) {
            fail("entry " + mismatched.seq() + " was altered");
        }
        if (problem == null && unlinked != null) {
            boolean headVouchesForIt = head != null && head.seq() == unlinked.seq() && head.hash().equals(unlinked.hash());
            fail(headVouchesForIt ? alteredAndRehashed() : insertedUnlinked(null));
        }
        if (problem == null) {
            fail(checkEnd(head));
        }
        return new Verification(count, new Anchor(lastSeq, lastHash), problem, anchorsMatched);
    }

    private String checkEnd(Anchor head) {
        if (head == null) {
            return "the head (audit_head) is missing";
        }
        if (lastSeq < head.seq()) {
            return (lastSeq == 0 ? "all entries were removed" : "entries after " + lastSeq + " were removed")
                    + " (the head records entry " + head.seq() + ")";
        }
        if (lastSeq > head.seq()) {
            return (lastSeq == head.seq() + 1 ? "entry " + lastSeq + " was inserted"
                    : "entries " + (head.seq() + 1) + " to " + lastSeq + " were inserted")
                    + " after the head (the head records entry " + head.seq() + ")";
        }
        if (!lastHash.equals(head.hash())) {
            return "entry " + lastSeq + " does not match the head: it was altered and its hash recomputed"
                    + " (or the head was changed)";
        }
        Map.Entry<Long, Anchor> beyond = anchors.higherEntry(lastSeq);
        if (beyond != null) {
            return (lastSeq == 0 ? "all entries were removed" : "entries after " + lastSeq + " were removed")
                    + " (the anchor " + beyond.getValue() + " records entry " + beyond.getKey() + ")";
        }
        Anchor start = anchors.get(0L);
        if (start != null && !start.hash().equals(EntryHash.GENESIS)) {
            return "the anchor " + start + " does not match the start of the chain";
        }
        return null;
    }

    /** Whether {@code entry} matches its hash under another number: entries were inserted or removed before it. */
    private String explainRenumbering(ChainEntry entry) {
        long seq = entry.seq();
        for (int k = 1; k <= LOOK_BACK; k++) {
            if (seq - k >= 1 && seq - k <= lastSeq && entry.renumbered(seq - k).contentMatchesHash()
                    && Objects.equals(hashOfRecent(seq - k - 1), entry.previousHash())) {
                return inserted(seq - k, seq - 1, "later entries were renumbered: entry " + seq + " was " + (seq - k));
            }
            if (entry.renumbered(seq + k).contentMatchesHash()) {
                return removed(seq, seq + k - 1, "later entries were renumbered: entry " + seq + " was " + (seq + k));
            }
        }
        return null;
    }

    /**
     * The entry after a mismatched one is the original of the mismatched one's number, moved up by one
     * to make room: so the mismatched one was forged and inserted. Otherwise it was altered.
     */
    private String resolveMismatched(ChainEntry next) {
        boolean nextWasMovedUp = next.seq() == mismatched.seq() + 1 && next.previousHash().equals(lastHash)
                && next.renumbered(mismatched.seq()).contentMatchesHash();
        return nextWasMovedUp
                ? inserted(mismatched.seq(), mismatched.seq(), "later entries were renumbered: entry " + next.seq()
                        + " was " + mismatched.seq())
                : "entry " + mismatched.seq() + " was altered";
    }

    private String resolveUnlinked(ChainEntry next) {
        boolean nextLinksOn = next.seq() == unlinked.seq() + 1 && next.previousHash().equals(unlinked.hash())
                && next.contentMatchesHash();
        return nextLinksOn ? alteredAndRehashed() : insertedUnlinked(next.seq());
    }

    /** The entry after the last sound one links on as if nothing happened: so the last sound one was changed. */
    private String alteredAndRehashed() {
        return "entry " + lastSeq + " was altered (and its hash recomputed: entry " + unlinked.seq()
                + " no longer links to it)";
    }

    private String insertedUnlinked(Long nextSeq) {
        return "entry " + unlinked.seq() + " was inserted (its link fits neither entry " + lastSeq
                + (nextSeq == null ? "" : " nor entry " + nextSeq) + ")";
    }

    private static String removed(long from, long to) {
        return removed(from, to, to == from ? "entry " + from + " is missing"
                : "entries " + from + " to " + to + " are missing");
    }

    private static String removed(long from, long to, String how) {
        long n = to - from + 1;
        return (n == 1 ? "an entry was" : n + " entries were") + " removed before " + (to + 1) + " (" + how + ")";
    }

    private static String inserted(long from, long to, String how) {
        return (from == to ? "entry " + from + " was" : "entries " + from + " to " + to + " were") + " inserted ("
                + how + ")";
    }

    private Long recentSeqWithHash(String hash) {
        for (Anchor sound : recent) {
            if (sound.hash().equals(hash)) {
                return sound.seq();
            }
        }
        return null;
    }

    private String hashOfRecent(long seq) {
        for (Anchor sound : recent) {
            if (sound.seq() == seq) {
                return sound.hash();
            }
        }
        return null;
    }

    private void advance(ChainEntry entry) {
        count++;
        lastSeq = entry.seq();
        lastHash = entry.hash();
        recent.push(new Anchor(lastSeq, lastHash));
        if (recent.size() > LOOK_BACK + 2) {
            recent.removeLast();
        }
    }

    private boolean fail(String found) {
        problem = found;
        return found == null;
    }
}
