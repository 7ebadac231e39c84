package uk.org.safeguard.web.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param languages the languages offered in the switcher, the first being the default
 */
@ConfigurationProperties("safeguard.web")
record WebProperties(List<String> languages) {

    WebProperties {
        if (languages == null || languages.isEmpty()) {
            languages = List.of("en");
        }
    }

    String defaultLanguage() {
        return languages.get(0);
    }
}
