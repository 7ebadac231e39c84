package uk.org.safeguard.geography;

/**
 * Residents aged 3 and over whose main language is {@code language}.
 *
 * @param language the Census 2021 (TS024) category, e.g. "Romanian" or "Bengali (with Sylheti and Chatgaya)"
 */
public record LanguageCount(String language, long residents) {
}
