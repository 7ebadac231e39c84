package uk.org.safeguard.web;

/**
 * One choice of a radios, checkboxes or select component, or a divider between choices.
 *
 * @param value the submitted value; null only for a divider
 * @param label the translated text beside the choice
 * @param hint translated text under the label, or null (radios and checkboxes only)
 * @param exclusive true for a checkbox such as "None of these" that unticks the others (checkboxes only)
 */
public record Option(String value, String label, String hint, boolean exclusive) {

    /** A plain choice. */
    public static Option of(String value, String label) {
        return new Option(value, label, null, false);
    }

    /** A choice with a hint under its label. */
    public static Option of(String value, String label, String hint) {
        return new Option(value, label, hint, false);
    }

    /** A checkbox that clears the others when ticked, like "None of these"; put {@link #divider()} before it. */
    public static Option exclusive(String value, String label) {
        return new Option(value, label, null, true);
    }

    /** The word "or" between choices, in the page's language. */
    public static Option divider() {
        return new Option(null, null, null, false);
    }

    public boolean isDivider() {
        return value == null;
    }
}
