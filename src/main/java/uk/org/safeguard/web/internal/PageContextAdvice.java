package uk.org.safeguard.web.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.support.RequestContextUtils;

import uk.org.safeguard.web.NavigationEntry;
import uk.org.safeguard.web.PageContext;

/**
 * Puts the {@link PageContext} into every page model as {@code page}. Not into the answers of handlers that
 * write their body themselves (the JSON API): they have no page, and building one costs a partner API
 * request a tenth of its time.
 */
@ConditionalOnWebApplication
@ControllerAdvice
class PageContextAdvice {

    private final MessageSource messages;
    private final WebProperties properties;
    private final List<NavigationEntry> navigation;

    PageContextAdvice(MessageSource messages, WebProperties properties, ObjectProvider<NavigationEntry> navigation) {
        this.messages = messages;
        this.properties = properties;
        this.navigation = navigation.orderedStream().sorted(Comparator.comparingInt(NavigationEntry::order)).toList();
    }

    @ModelAttribute("page")
    PageContext page(HttpServletRequest request) {
        if (request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler
                && writesBody(handler)) {
            return null;
        }
        return create(request, messages, properties, navigation);
    }

    static PageContext create(HttpServletRequest request, MessageSource messages, WebProperties properties,
            List<NavigationEntry> navigation) {
        Locale locale = RequestContextUtils.getLocale(request);
        String path = pathOf(request);
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        List<String> offered = LanguageResolver.isStaffArea(request) ? List.of() : properties.languages();
        List<PageContext.LanguageLink> languages = offered.stream()
                .map(code -> new PageContext.LanguageLink(code,
                        messages.getMessage("language.name." + code, null, code, Locale.forLanguageTag(code)),
                        path + "?lang=" + code, code.equals(locale.getLanguage())))
                .toList();
        List<PageContext.NavigationItem> items = navigation.stream()
                .map(e -> new PageContext.NavigationItem(e.href(), messages.getMessage(e.messageKey(), null, locale),
                        isCurrent(e.href(), path)))
                .toList();
        return new PageContext(RightToLeftMessages.forLocale(messages, locale), locale, path, csrf, languages, items);
    }

    private static boolean writesBody(HandlerMethod handler) {
        return handler.hasMethodAnnotation(ResponseBody.class) || BODY_WRITING_TYPES.get(handler.getBeanType());
    }

    /** Whether a controller type writes its answers' bodies itself, found once per type. */
    private static final ClassValue<Boolean> BODY_WRITING_TYPES = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return AnnotatedElementUtils.hasAnnotation(type, ResponseBody.class);
        }
    };

    private static String pathOf(HttpServletRequest request) {
        Object forwarded = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        String uri = forwarded instanceof String s ? s : request.getRequestURI();
        String context = request.getContextPath();
        String path = uri.startsWith(context) ? uri.substring(context.length()) : uri;
        return path.isEmpty() ? "/" : path;
    }

    private static boolean isCurrent(String href, String path) {
        return "/".equals(href) ? "/".equals(path) : path.equals(href) || path.startsWith(href + "/");
    }
}
