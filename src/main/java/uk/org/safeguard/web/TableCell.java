package uk.org.safeguard.web;

/**
 * One cell of a table; numeric cells are right-aligned so digits line up. A cell can instead be a link
 * or a tag (a short status such as "Published").
 *
 * @param text the cell's text
 * @param numeric true for numbers
 * @param href where the text links to, or null for no link
 * @param tagColour for a cell shown as a GOV.UK tag, its colour ({@code green}, {@code blue}, {@code grey},
 *     {@code yellow}...); null for plain text
 */
public record TableCell(String text, boolean numeric, String href, String tagColour) {

    public TableCell(String text, boolean numeric) {
        this(text, numeric, null, null);
    }

    /** A text cell. */
    public static TableCell of(String text) {
        return new TableCell(text, false);
    }

    /** A right-aligned number cell, already formatted for the page's language. */
    public static TableCell numeric(String text) {
        return new TableCell(text, true);
    }

    /** A cell whose text is a link to {@code href}. */
    public static TableCell link(String text, String href) {
        return new TableCell(text, false, href, null);
    }

    /** A cell holding one tag of {@code colour}. */
    public static TableCell tag(String text, String colour) {
        return new TableCell(text, false, null, colour);
    }

    public boolean isLink() {
        return href != null;
    }

    public boolean isTag() {
        return tagColour != null;
    }
}
