package uk.org.safeguard.geography;

/** Sex as Census 2021 table TS009 records it. */
public enum Sex {
    FEMALE("Female"), MALE("Male");

    private final String censusLabel;

    Sex(String censusLabel) {
        this.censusLabel = censusLabel;
    }

    String censusLabel() {
        return censusLabel;
    }
}
