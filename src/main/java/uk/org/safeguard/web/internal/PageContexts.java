package uk.org.safeguard.web.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.MethodParameter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.SmartView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.UrlBasedViewResolver;

import uk.org.safeguard.web.NavigationEntry;
import uk.org.safeguard.web.PageContext;

/**
 * Gives every page its {@link PageContext} as the model attribute {@code page}: added after the handler
 * has chosen a view to render (not for redirects, and not for answers the handler writes itself, such
 * as the JSON API, which have no page), built at most once a request. A handler that needs it while
 * handling, to word a message, declares a {@code PageContext} parameter and gets the same one.
 *
 * <p>An interceptor and not a model attribute of a controller advice: Spring runs an advice's model
 * methods before every handler, and that machinery alone cost a partner API request about a twelfth of
 * its CPU.
 */
class PageContexts implements HandlerInterceptor, HandlerMethodArgumentResolver {

    private static final String ATTRIBUTE = PageContexts.class.getName();

    private final MessageSource messages;
    private final WebProperties properties;
    private final List<NavigationEntry> navigation;

    PageContexts(MessageSource messages, WebProperties properties, List<NavigationEntry> navigation) {
        this.messages = messages;
        this.properties = properties;
        this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavigationEntry::order)).toList();
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            @Nullable ModelAndView view) {
        if (view != null && rendersPage(view) && !view.getModel().containsKey("page")) {
            view.addObject("page", of(request));
        }
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == PageContext.class;
    }

    @Override
    public PageContext resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
            NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
        return of(webRequest.getNativeRequest(HttpServletRequest.class));
    }

    /** This request's page context, built on first use. */
    PageContext of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof PageContext page) {
            return page;
        }
        PageContext page = create(request);
        request.setAttribute(ATTRIBUTE, page);
        return page;
    }

    private static boolean rendersPage(ModelAndView view) {
        String name = view.getViewName();
        return name == null ? view.getView() != null && !(view.getView() instanceof SmartView smart && smart.isRedirectView())
                : !name.startsWith(UrlBasedViewResolver.REDIRECT_URL_PREFIX);
    }

    private PageContext create(HttpServletRequest request) {
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
