package uk.org.safeguard.web;

/**
 * An entry in the public service navigation, contributed by the module that owns the page as a bean.
 *
 * @param href the path the entry links to
 * @param messageKey the key of its label
 * @param order position, lowest first
 */
public record NavigationEntry(String href, String messageKey, int order) {
}
