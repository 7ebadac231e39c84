package uk.org.safeguard.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Public pages that are the same for everyone who asks in the same language (the start page, the
 * signs, a borough's help page) are kept, rendered, in memory for a short time and served from there
 * before the rest of the request handling runs. A controller opts a page in with {@link #shareable};
 * only a plain GET with no query string and no session qualifies, and a response that sets a cookie
 * (a session, a CSRF token) is never kept. Publishing content clears the cache on this instance; other
 * instances see the change within the cache's time to live ({@code safeguard.web.page-cache-ttl}).
 */
public interface PublicPageCache {

    /** The request attribute a controller sets to say its page is the same for everyone. */
    String SHAREABLE = PublicPageCache.class.getName() + ".shareable";

    /** Marks the page being rendered as the same for everyone in the same language. */
    static void shareable(HttpServletRequest request) {
        request.setAttribute(SHAREABLE, Boolean.TRUE);
    }

    /** Forgets every kept page (after content changes). */
    void clear();
}
