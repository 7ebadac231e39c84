package uk.org.safeguard.identity.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import uk.org.safeguard.web.ErrorItem;
import uk.org.safeguard.web.Field;

/** Message lookups for identity's controllers, in the request's language. */
@Component
class Texts {

    private final MessageSource messages;

    Texts(MessageSource messages) {
        this.messages = messages;
    }

    String t(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** A field with the translated error of {@code errorKey}, or none when it is null. */
    Field field(String name, String value, String errorKey) {
        return Field.of(name, value, errorKey == null ? null : t(errorKey));
    }

    static List<ErrorItem> errors(Field... fields) {
        List<ErrorItem> errors = new ArrayList<>();
        for (Field field : fields) {
            if (field.hasError()) {
                errors.add(ErrorItem.of(field));
            }
        }
        return errors;
    }
}
