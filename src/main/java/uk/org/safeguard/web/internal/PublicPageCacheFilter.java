package uk.org.safeguard.web.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import uk.org.safeguard.web.PublicPageCache;

/**
 * The {@link PublicPageCache}: the first filter of every request. A plain GET of a page kept less than
 * the time to live ago is answered from memory with the status, headers (the security headers
 * included) and body it had when rendered; anything else goes through the whole chain as usual.
 */
class PublicPageCacheFilter extends OncePerRequestFilter implements PublicPageCache {

    private static final int MAX_ENTRIES = 5_000;
    private static final int MAX_BODY = 512 * 1024;

    private final WebProperties properties;
    private final String sessionCookie;
    private final long ttlNanos;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();

    PublicPageCacheFilter(WebProperties properties, String sessionCookie, Duration ttl) {
        this.properties = properties;
        this.sessionCookie = sessionCookie;
        this.ttlNanos = ttl.toNanos();
    }

    @Override
    public void clear() {
        pages.clear();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = ttlNanos > 0 ? keyOf(request) : null;
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        long now = System.nanoTime();
        Page page = pages.get(key);
        if (page != null && now - page.keptAt() < ttlNanos) {
            page.writeTo(response);
            return;
        }
        ContentCachingResponseWrapper capturing = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, capturing);
        } finally {
            if (Boolean.TRUE.equals(request.getAttribute(SHAREABLE)) && capturing.getStatus() == 200
                    && !capturing.getHeaderNames().contains("Set-Cookie") && capturing.getContentSize() <= MAX_BODY) {
                if (pages.size() >= MAX_ENTRIES) {
                    pages.clear();
                }
                pages.put(key, Page.of(capturing, now));
            }
            capturing.copyBodyToResponse();
        }
    }

    /** Which kept page would answer the request, or null when it must go through the chain. */
    private String keyOf(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getQueryString() != null
                || request.getDispatcherType() != jakarta.servlet.DispatcherType.REQUEST) {
            return null;
        }
        String language = properties.defaultLanguage();
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookie.getName().equals(sessionCookie)) {
                    return null;
                }
                if (cookie.getName().equals(LanguageResolver.COOKIE) && properties.languages().contains(cookie.getValue())) {
                    language = cookie.getValue();
                }
            }
        }
        return language + " " + request.getRequestURI();
    }

    private record Page(String contentType, List<String[]> headers, byte[] body, long keptAt) {

        static Page of(ContentCachingResponseWrapper response, long now) {
            List<String[]> headers = new ArrayList<>();
            for (String name : response.getHeaderNames()) {
                if (!name.equalsIgnoreCase("Date") && !name.equalsIgnoreCase("Content-Length")
                        && !name.equalsIgnoreCase("Content-Type")) {
                    for (String value : response.getHeaders(name)) {
                        headers.add(new String[] {name, value});
                    }
                }
            }
            return new Page(response.getContentType(), List.copyOf(headers), response.getContentAsByteArray(), now);
        }

        void writeTo(HttpServletResponse response) throws IOException {
            response.setStatus(200);
            for (String[] header : headers) {
                response.addHeader(header[0], header[1]);
            }
            response.setContentType(contentType);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
