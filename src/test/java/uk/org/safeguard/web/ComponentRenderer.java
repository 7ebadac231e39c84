package uk.org.safeguard.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Renders the precompiled component templates the way pages do, without a Spring context. */
final class ComponentRenderer {

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private ComponentRenderer() {
    }

    /** A page context in English over the real message bundles. */
    static PageContext page() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/messages", "messages/components");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new PageContext(messages, Locale.ENGLISH, "/", null, List.of(), List.of());
    }

    /** Parameters in name, value pairs; unlike {@link Map#of} it takes nulls. */
    static Map<String, Object> params(Object... namesAndValues) {
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }

    /** The HTML of {@code components/<name>.jte}. */
    static String html(String name, Map<String, Object> params) {
        StringOutput output = new StringOutput();
        ENGINE.render("components/" + name + ".jte", params, output);
        return output.toString();
    }

    /** The rendered component, parsed; the component's own elements are the children of the returned body. */
    static Element render(String name, Map<String, Object> params) {
        return Jsoup.parseBodyFragment(html(name, params)).body();
    }
}
