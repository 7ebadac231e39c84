package uk.org.safeguard.guidance.internal;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every shipped page is translated, so a test of "a language with no text yet" first takes one page's
 * versions in one language away, and afterwards puts the shipped text back the way a start does.
 */
final class Untranslated {

    private Untranslated() {
    }

    static void remove(JdbcClient jdbc, PageContents contents, GuidancePage page, String language) {
        jdbc.sql("DELETE FROM guidance_version WHERE kind = 'page' AND item_key = :key AND language = :language")
                .param("key", page.key()).param("language", language).update();
        contents.evict(page, language);
    }

    static void restore(JdbcClient jdbc, PageContents contents, ContentSeeds seeds, GuidancePage page, String language) {
        remove(jdbc, contents, page, language);
        seeds.run(null);
        contents.evict(page, language);
    }
}
