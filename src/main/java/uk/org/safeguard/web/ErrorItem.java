package uk.org.safeguard.web;

/**
 * One line of the error summary: a link to the field in error and the same message the field shows.
 *
 * @param href where the link goes, {@code #} and the id of the field
 * @param text the translated error message
 */
public record ErrorItem(String href, String text) {

    /** The summary line for a field in error; the link goes to the field's id. */
    public static ErrorItem of(Field field) {
        return new ErrorItem("#" + field.id(), field.error());
    }

    /** The summary line for a date in error; the link goes to its first highlighted part. */
    public static ErrorItem of(DateField date) {
        return new ErrorItem("#" + date.firstErrorId(), date.error());
    }
}
