package uk.org.safeguard.web;

import java.util.EnumSet;
import java.util.Set;

/**
 * A date asked for as day, month and year boxes, with the parts to highlight when it is in error.
 * Following GOV.UK, the boxes are named {@code <namePrefix>-day}, {@code -month} and {@code -year}
 * (bind them with {@code @BindParam("dob-day")} on a record form's constructor) and have the ids
 * {@code <id>-day} and so on.
 *
 * @param namePrefix the start of each box's request parameter name
 * @param id the id of the group; the boxes' ids start with it
 * @param day the day as typed, or null
 * @param month the month as typed, or null
 * @param year the year as typed, or null
 * @param error the translated error message, or null when the date is valid
 * @param invalidParts the boxes to highlight; empty with an error means all of them
 */
public record DateField(String namePrefix, String id, String day, String month, String year, String error,
        Set<Part> invalidParts) {

    /** One box of a date. */
    public enum Part {
        DAY("day", "components.date.day", "govuk-input--width-2"),
        MONTH("month", "components.date.month", "govuk-input--width-2"),
        YEAR("year", "components.date.year", "govuk-input--width-4");

        private final String suffix;
        private final String messageKey;
        private final String widthClass;

        Part(String suffix, String messageKey, String widthClass) {
            this.suffix = suffix;
            this.messageKey = messageKey;
            this.widthClass = widthClass;
        }

        public String suffix() {
            return suffix;
        }

        public String messageKey() {
            return messageKey;
        }

        public String widthClass() {
            return widthClass;
        }
    }

    public DateField {
        if (namePrefix == null || namePrefix.isBlank()) {
            throw new IllegalArgumentException("A date needs a name prefix");
        }
        if (id == null || id.isBlank()) {
            id = namePrefix;
        }
        invalidParts = invalidParts == null || invalidParts.isEmpty()
                ? EnumSet.noneOf(Part.class) : EnumSet.copyOf(invalidParts);
    }

    /** A date whose id is its name prefix; with an error and no parts named, every box is highlighted. */
    public static DateField of(String namePrefix, String day, String month, String year, String error,
            Part... invalidParts) {
        return new DateField(namePrefix, namePrefix, day, month, year, error, Set.of(invalidParts));
    }

    /** A date shown for the first time. */
    public static DateField blank(String namePrefix) {
        return of(namePrefix, null, null, null, null);
    }

    public boolean hasError() {
        return error != null && !error.isBlank();
    }

    /** Whether the box gets the red error border: the named parts, or all of them when none is named. */
    public boolean highlighted(Part part) {
        return hasError() && (invalidParts.isEmpty() || invalidParts.contains(part));
    }

    public String partId(Part part) {
        return id + "-" + part.suffix();
    }

    public String partName(Part part) {
        return namePrefix + "-" + part.suffix();
    }

    public String partValue(Part part) {
        return switch (part) {
            case DAY -> day;
            case MONTH -> month;
            case YEAR -> year;
        };
    }

    /** The id of the first highlighted box, which the error summary links to. */
    public String firstErrorId() {
        for (Part part : Part.values()) {
            if (highlighted(part)) {
                return partId(part);
            }
        }
        return partId(Part.DAY);
    }
}
