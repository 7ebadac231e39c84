package uk.org.safeguard.guidance.internal;

/** The kinds of item staff edit; the value is what {@code guidance_version.kind} holds. */
enum ContentKind {
    PAGE("page"), CONTACT("contact");

    private final String value;

    ContentKind(String value) {
        this.value = value;
    }

    String value() {
        return value;
    }

    static ContentKind of(String value) {
        for (ContentKind kind : values()) {
            if (kind.value.equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown content kind: " + value);
    }
}
