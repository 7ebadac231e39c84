package uk.org.safeguard.web.internal;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;

import uk.org.safeguard.web.Languages;

/**
 * The text of a right-to-left page (Arabic, Urdu): the same messages, with phone numbers kept
 * left to right (see {@link Languages#isolatePhoneNumbers}), whether written in the bundle or passed in
 * as an argument. Translators need not know about it.
 */
final class RightToLeftMessages implements MessageSource {

    private final MessageSource messages;

    RightToLeftMessages(MessageSource messages) {
        this.messages = messages;
    }

    static MessageSource forLocale(MessageSource messages, Locale locale) {
        return Languages.isRightToLeft(locale) ? new RightToLeftMessages(messages) : messages;
    }

    @Override
    public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
        return Languages.isolatePhoneNumbers(messages.getMessage(code, args, defaultMessage, locale));
    }

    @Override
    public String getMessage(String code, Object[] args, Locale locale) throws NoSuchMessageException {
        return Languages.isolatePhoneNumbers(messages.getMessage(code, args, locale));
    }

    @Override
    public String getMessage(MessageSourceResolvable resolvable, Locale locale) throws NoSuchMessageException {
        return Languages.isolatePhoneNumbers(messages.getMessage(resolvable, locale));
    }
}
