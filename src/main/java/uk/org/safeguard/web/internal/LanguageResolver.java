package uk.org.safeguard.web.internal;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The page language: {@code ?lang=xx} (from the language switcher) when it names a language Safeguard
 * offers, otherwise the one chosen earlier, otherwise the default. The choice is kept in a first-party,
 * strictly necessary cookie holding only the language code; nothing identifies the person. The staff
 * area is always in English.
 */
class LanguageResolver implements LocaleResolver {

    static final String PARAMETER = "lang";
    static final String COOKIE = "safeguard_lang";
    private static final String ATTRIBUTE = LanguageResolver.class.getName() + ".locale";

    private final WebProperties properties;

    LanguageResolver(WebProperties properties) {
        this.properties = properties;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Object resolved = request.getAttribute(ATTRIBUTE);
        if (resolved instanceof Locale locale) {
            return locale;
        }
        String chosen = null;
        if (!isStaffArea(request)) {
            chosen = supported(request.getParameter(PARAMETER));
            if (chosen == null) {
                chosen = supported(cookieValue(request));
            }
        }
        Locale locale = Locale.forLanguageTag(chosen == null ? properties.defaultLanguage() : chosen);
        request.setAttribute(ATTRIBUTE, locale);
        return locale;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        String code = supported(locale == null ? null : locale.getLanguage());
        if (code == null || response == null) {
            return;
        }
        request.setAttribute(ATTRIBUTE, Locale.forLanguageTag(code));
        response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, code).path("/").httpOnly(true)
                .sameSite("Lax").secure(request.isSecure()).maxAge(Duration.ofDays(365)).build().toString());
    }

    /** Remembers a language chosen with {@code ?lang=} on this request. */
    void rememberChoice(HttpServletRequest request, HttpServletResponse response) {
        String chosen = supported(request.getParameter(PARAMETER));
        if (chosen != null && !chosen.equals(supported(cookieValue(request)))) {
            setLocale(request, response, Locale.forLanguageTag(chosen));
        }
    }

    /**
     * The pages that are in English only: the staff area (signing in included), for trained staff, and the
     * professional referral form, for professionals referring in their working language (as the national
     * Prevent referral form is). A page must not claim a language its text is not in.
     */
    static boolean isStaffArea(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/staff") || path.startsWith("/staff/") || path.equals("/sign-in")
                || path.startsWith("/sign-in/") || path.equals("/refer") || path.startsWith("/refer/");
    }

    private String supported(String code) {
        return code != null && properties.languages().contains(code) ? code : null;
    }

    private static String cookieValue(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
