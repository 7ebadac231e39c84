package uk.org.safeguard.guidance.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import uk.org.safeguard.web.SafeMarkdown;

/**
 * The published text of guidance pages, rendered once and kept in memory: public pages are read far
 * more often than they change. Publishing on this instance refreshes its copy at once; other instances
 * pick the change up within {@code safeguard.guidance.cache-ttl} (30 seconds by default).
 */
@Service
class PageContents {

    static final String TITLE = "title";
    static final String SUMMARY = "summary";
    static final String BODY = "body";

    private final ContentVersions versions;
    private final org.springframework.beans.factory.ObjectProvider<uk.org.safeguard.web.PublicPageCache> pageCache;
    private final long ttlNanos;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    PageContents(ContentVersions versions, @Value("${safeguard.guidance.cache-ttl:30s}") Duration ttl,
            org.springframework.beans.factory.ObjectProvider<uk.org.safeguard.web.PublicPageCache> pageCache) {
        this.versions = versions;
        this.pageCache = pageCache;
        this.ttlNanos = ttl.toNanos();
    }

    /**
     * The published page in {@code language}; in English when that language has none yet (the view
     * marks it), and empty when the page has never been published at all.
     */
    Optional<Shown> published(GuidancePage page, String language) {
        Optional<Shown> shown = cached(page, language);
        return shown.isPresent() || "en".equals(language) ? shown : cached(page, "en");
    }

    /** What {@code markdown} will look like on the page: the same rendering as published text. */
    static String render(String markdown) {
        return SafeMarkdown.toHtml(markdown);
    }

    /** Forgets this instance's copy, after a publish here. */
    void evict(GuidancePage page, String language) {
        cache.remove(page.key() + "/" + language);
        pageCache.ifAvailable(uk.org.safeguard.web.PublicPageCache::clear);
    }

    private Optional<Shown> cached(GuidancePage page, String language) {
        String key = page.key() + "/" + language;
        long now = System.nanoTime();
        Cached entry = cache.get(key);
        if (entry == null || now - entry.loadedAt() > ttlNanos) {
            entry = new Cached(load(page, language), now);
            cache.put(key, entry);
        }
        return entry.shown();
    }

    private Optional<Shown> load(GuidancePage page, String language) {
        return versions.published(ContentKind.PAGE, page.key(), language)
                .map(v -> new Shown(v.field(TITLE), v.field(SUMMARY), render(v.field(BODY)), language, v.version()));
    }

    /**
     * A page as the public sees it.
     *
     * @param html the body, rendered from the safe Markdown subset
     * @param language the language the text is in (English when the chosen language has no version yet)
     */
    record Shown(String title, String summary, String html, String language, int version) {
    }

    private record Cached(Optional<Shown> shown, long loadedAt) {
    }
}
