package uk.org.safeguard.guidance.internal;

import java.time.Duration;
import java.util.Optional;

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
    private final PublishedCache<Shown> cache;

    PageContents(ContentVersions versions, @Value("${safeguard.guidance.cache-ttl:30s}") Duration ttl,
            org.springframework.beans.factory.ObjectProvider<uk.org.safeguard.web.PublicPageCache> pageCache) {
        this.versions = versions;
        this.cache = new PublishedCache<>(this::load, ttl, pageCache);
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
        cache.evict(page.key() + "/" + language);
    }

    private Optional<Shown> cached(GuidancePage page, String language) {
        return cache.get(page.key() + "/" + language);
    }

    /** {@code key} is {@code <page key>/<language>}. */
    private Optional<Shown> load(String key) {
        String pageKey = key.substring(0, key.lastIndexOf('/'));
        String language = key.substring(key.lastIndexOf('/') + 1);
        return versions.published(ContentKind.PAGE, pageKey, language)
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

}
