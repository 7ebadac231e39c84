package uk.org.safeguard.platform;

/**
 * A module's share of the demo data that a fresh database is filled with (unless
 * {@code SAFEGUARD_DEMO=false}). Each set is loaded once, in {@link #order()}, inside one transaction
 * with the record of its loading, so a set is never half there.
 */
public interface DemoDataSet {

    /** A stable name, recorded once the set is loaded: {@code identity.staff}. */
    String name();

    /** Lower runs first; a set that refers to another's rows runs after it. */
    default int order() {
        return 0;
    }

    void load();

    /** Lines printed at start-up telling a newcomer what this set lets them try (for example how to sign in). */
    default java.util.List<String> instructions() {
        return java.util.List.of();
    }

    /**
     * Every personal value this set stores (names, email addresses, dates of birth, secrets…), exactly as
     * it would appear if stored in clear (binary values as lower-case hex, as {@code pg_dump} writes
     * {@code bytea}). A test dumps the database after loading the demo data and checks that none of them
     * appears, so a set that adds people must list them here.
     */
    default java.util.List<String> personalValues() {
        return java.util.List.of();
    }
}
