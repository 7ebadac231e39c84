package uk.org.safeguard.geography;

/**
 * Ages {@code min} to {@code max} in completed years, both included.
 *
 * <p>Census 2021 publishes single years up to 89 and then one "90+" count. That count is taken as age 90,
 * so it falls in whichever band holds 90: give bands that reach 90 an open end ({@link #atLeast(int)})
 * rather than, say, 90 to 94, which would hold everyone aged 90 and over.
 */
public record AgeBand(int min, int max) {

    public AgeBand {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("Not an age band: " + min + " to " + max);
        }
    }

    public static AgeBand of(int min, int max) {
        return new AgeBand(min, max);
    }

    /** {@code min} and over. */
    public static AgeBand atLeast(int min) {
        return new AgeBand(min, Integer.MAX_VALUE);
    }

    public boolean contains(int age) {
        return age >= min && age <= max;
    }
}
