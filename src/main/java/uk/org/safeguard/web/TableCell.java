package uk.org.safeguard.web;

/**
 * One cell of a table; numeric cells are right-aligned so digits line up.
 *
 * @param text the cell's text
 * @param numeric true for numbers
 * @param href where the cell's text links to, or {@code null} for plain text
 */
public record TableCell(String text, boolean numeric, String href) {

    /** A text cell. */
    public static TableCell of(String text) {
        return new TableCell(text, false, null);
    }

    /** A right-aligned number cell, already formatted for the page's language. */
    public static TableCell numeric(String text) {
        return new TableCell(text, true, null);
    }

    /** A cell whose text is a link. */
    public static TableCell link(String text, String href) {
        return new TableCell(text, false, href);
    }
}
