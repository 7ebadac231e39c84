package uk.org.safeguard.casework.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Staff-area text for casework pages (the staff area is in English). */
@Component
class CaseworkTexts {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, h:mma", Locale.UK);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

    private final MessageSource messages;

    CaseworkTexts(MessageSource messages) {
        this.messages = messages;
    }

    String t(String key, Object... args) {
        return messages.getMessage(key, args, Locale.UK);
    }

    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(CaseFiles.LONDON)).replace("AM", "am").replace("PM", "pm");
    }

    static String clock(Instant instant) {
        return CLOCK.format(instant.atZone(CaseFiles.LONDON)).replace("AM", "am").replace("PM", "pm");
    }
}
