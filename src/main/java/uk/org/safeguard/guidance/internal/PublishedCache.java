package uk.org.safeguard.guidance.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.beans.factory.ObjectProvider;

import uk.org.safeguard.web.PublicPageCache;

/**
 * What has been published, kept in memory per key for a time to live: public pages are read far more
 * often than they change. Evicting a key (after a publish on this instance) also clears the rendered
 * public pages, which may show it; other instances see the change within the time to live.
 */
final class PublishedCache<V> {

    private final Function<String, Optional<V>> loader;
    private final long ttlNanos;
    private final ObjectProvider<PublicPageCache> pageCache;
    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();

    PublishedCache(Function<String, Optional<V>> loader, Duration ttl, ObjectProvider<PublicPageCache> pageCache) {
        this.loader = loader;
        this.ttlNanos = ttl.toNanos();
        this.pageCache = pageCache;
    }

    Optional<V> get(String key) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry == null || now - entry.loadedAt() > ttlNanos) {
            entry = new Entry<>(loader.apply(key), now);
            entries.put(key, entry);
        }
        return entry.value();
    }

    void evict(String key) {
        entries.remove(key);
        pageCache.ifAvailable(PublicPageCache::clear);
    }

    private record Entry<V>(Optional<V> value, long loadedAt) {
    }
}
