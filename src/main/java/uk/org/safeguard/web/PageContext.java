package uk.org.safeguard.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * What every page template needs besides its own data: text in the person's language, the CSRF token
 * for forms (jte does not add it), the current path for navigation and the language switcher.
 * Controllers never build it: {@code PageContexts} adds it to the model of every page as {@code page}, and
 * gives it to a handler that declares a {@code PageContext} parameter.
 */
public final class PageContext {

    private final MessageSource messages;
    private final Locale locale;
    private final Locale formatting;
    private final String path;
    private final CsrfToken csrf;
    private final List<LanguageLink> languages;
    private final List<NavigationItem> navigation;

    public PageContext(MessageSource messages, Locale locale, String path, CsrfToken csrf,
            List<LanguageLink> languages, List<NavigationItem> navigation) {
        this.messages = messages;
        this.locale = locale;
        // Numbers in text in Western digits in every language, like the phone numbers people dial
        // (Java would write Bengali digits on Bengali pages); the bundle is found by language alone.
        this.formatting = new Locale.Builder().setLocale(locale).setUnicodeLocaleKeyword("nu", "latn").build();
        this.path = path;
        this.csrf = csrf;
        this.languages = List.copyOf(languages);
        this.navigation = List.copyOf(navigation);
    }

    /** The text for {@code key} in the page's language; a missing key fails loudly rather than showing a code. */
    public String t(String key, Object... args) {
        try {
            return messages.getMessage(key, args, formatting);
        } catch (NoSuchMessageException e) {
            throw new IllegalStateException("No message for key '" + key + "' in " + locale, e);
        }
    }

    public String lang() {
        return locale.toLanguageTag();
    }

    /** Right-to-left for Arabic, Urdu, Hebrew, Persian and their kin. */
    public String dir() {
        return Languages.isRightToLeft(locale) ? "rtl" : "ltr";
    }

    public String path() {
        return path;
    }

    public boolean hasCsrf() {
        return csrf != null;
    }

    public String csrfParameter() {
        return csrf == null ? "_csrf" : csrf.getParameterName();
    }

    public String csrfToken() {
        return csrf == null ? "" : csrf.getToken();
    }

    public List<LanguageLink> languages() {
        return languages;
    }

    public List<NavigationItem> navigation() {
        return navigation;
    }

    /** One entry of the language switcher. */
    public record LanguageLink(String code, String nativeName, String href, boolean current) {
    }

    /** One entry of the service navigation. */
    public record NavigationItem(String href, String label, boolean current) {
    }
}
