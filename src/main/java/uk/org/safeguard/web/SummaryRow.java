package uk.org.safeguard.web;

/**
 * One row of a summary list: a key, its value and an optional "Change" link.
 *
 * @param key the translated name of the answer
 * @param value the answer as text
 * @param changeHref where the "Change" link goes, or null for no link
 * @param changeHiddenText what is changed, read only by screen readers after "Change" (for example "date of birth")
 */
public record SummaryRow(String key, String value, String changeHref, String changeHiddenText) {

    /** A row without a change link. */
    public static SummaryRow of(String key, String value) {
        return new SummaryRow(key, value, null, null);
    }

    /** A row with a change link; {@code hiddenText} tells screen reader users what they would change. */
    public static SummaryRow withChange(String key, String value, String changeHref, String hiddenText) {
        return new SummaryRow(key, value, changeHref, hiddenText);
    }

    public boolean hasChange() {
        return changeHref != null;
    }
}
