package uk.org.safeguard.geography.internal;

/** What a person typed into a postcode field, once {@link PostcodeParser} has read it. */
public sealed interface ParsedPostcode {

    /** A full postcode unit: outward code {@code SW1A}, inward code {@code 1AA}. */
    record Unit(String outward, String inward) implements ParsedPostcode {

        /** Without spaces, as the lookup table keys it: {@code SW1A1AA}. */
        public String compact() {
            return outward + inward;
        }

        /** With one space: {@code SW1A 1AA}. */
        public String display() {
            return outward + " " + inward;
        }

        /** {@code SW1A 1}. */
        public String sector() {
            return outward + " " + inward.charAt(0);
        }

        /** {@code SW1A}. */
        public String district() {
            return outward;
        }
    }

    /** A postcode sector: {@code SE1 7}. */
    record Sector(String outward, char digit) implements ParsedPostcode {

        public String display() {
            return outward + " " + digit;
        }

        public String district() {
            return outward;
        }
    }

    /** A postcode district (outward code): {@code SE1}. */
    record District(String outward) implements ParsedPostcode {
    }

    /** Not a postcode, sector or district. */
    record Malformed(String reason) implements ParsedPostcode {
    }
}
