package uk.org.safeguard.guidance.internal;

/**
 * A guidance page's text for a template.
 *
 * @param html the body, already rendered from the safe Markdown subset
 * @param language the language the text is in
 * @param fallback whether the text is shown in English because the person's language has none yet
 */
public record ContentView(String title, String summary, String html, String language, boolean fallback) {

    static ContentView of(PageContents.Shown shown, String requestedLanguage) {
        return new ContentView(shown.title(), shown.summary(), shown.html(), shown.language(),
                !shown.language().equals(requestedLanguage));
    }
}
