package uk.org.safeguard.geography;

/**
 * One of London's 33 local authorities: a borough or the City of London.
 *
 * @param code the ONS GSS code, {@code E09000001} to {@code E09000033}
 * @param name the ONS name, e.g. "Kingston upon Thames"
 * @param slug the name for URLs, e.g. {@code kingston-upon-thames}
 * @param innerOuter Inner or Outer London under the ONS statistical definition
 */
public record Borough(String code, String name, String slug, InnerOuter innerOuter) {

    /** Inner or Outer London as ONS defines them for statistics (Greenwich is Outer; Haringey and Newham Inner). */
    public enum InnerOuter {
        INNER, OUTER;

        static InnerOuter of(String value) {
            return switch (value) {
                case "Inner" -> INNER;
                case "Outer" -> OUTER;
                default -> throw new IllegalArgumentException("Neither Inner nor Outer: " + value);
            };
        }
    }
}
