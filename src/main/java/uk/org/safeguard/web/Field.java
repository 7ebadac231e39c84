package uk.org.safeguard.web;

/**
 * One submitted form field as a component shows it: name, element id, the value to show again, and its translated error or null.
 *
 * @param name the request parameter name
 * @param id the element id, which error summary links and labels point at; usually the name
 * @param value the value the person entered, shown back to them as typed; null when empty
 * @param error the translated error message, or null when the field is valid
 */
public record Field(String name, String id, String value, String error) {

    public Field {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A field needs a name");
        }
        if (id == null || id.isBlank()) {
            id = name;
        }
    }

    /** A field whose id is its name, the usual case. */
    public static Field of(String name, String value, String error) {
        return new Field(name, name, value, error);
    }

    /** A field shown for the first time: no value, no error. */
    public static Field blank(String name) {
        return of(name, null, null);
    }

    /** The same field with another element id, for when two fields on a page would otherwise share one. */
    public Field withId(String newId) {
        return new Field(name, newId, value, error);
    }

    public boolean hasError() {
        return error != null && !error.isBlank();
    }
}
