package uk.org.safeguard.web;

/**
 * One cell of a table; numeric cells are right-aligned so digits line up.
 *
 * @param text the cell's text
 * @param numeric true for numbers
 */
public record TableCell(String text, boolean numeric) {

    /** A text cell. */
    public static TableCell of(String text) {
        return new TableCell(text, false);
    }

    /** A right-aligned number cell, already formatted for the page's language. */
    public static TableCell numeric(String text) {
        return new TableCell(text, true);
    }
}
