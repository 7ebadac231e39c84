package uk.org.safeguard.privacy;

import java.util.regex.Pattern;

/**
 * A family of records whose personal data share one data key: every concern under {@link #CONCERN}'s
 * key, every case under {@link #CASE}'s, and so on. Open for other modules: any lower-case kebab-case
 * name is a family ({@code new RecordFamily("grant-application")}). A family's name is bound into every
 * ciphertext's associated data, so renaming a family makes its existing ciphertexts undecryptable.
 *
 * @param name lower-case letters, digits and hyphens, starting with a letter, at most 63 characters
 */
public record RecordFamily(String name) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    public static final RecordFamily CONCERN = new RecordFamily("concern");
    public static final RecordFamily CASE = new RecordFamily("case");
    public static final RecordFamily REFERRAL = new RecordFamily("referral");
    public static final RecordFamily MESSAGE = new RecordFamily("message");
    public static final RecordFamily ATTACHMENT = new RecordFamily("attachment");
    public static final RecordFamily STAFF = new RecordFamily("staff");

    public RecordFamily {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A record family is named in lower-case kebab case: " + name);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
