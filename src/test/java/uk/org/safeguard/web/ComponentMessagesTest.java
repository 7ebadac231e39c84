package uk.org.safeguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The components' own text lives in components.properties, and every key they use is there. */
class ComponentMessagesTest {

    private static final Pattern KEY = Pattern.compile("\"(components\\.[A-Za-z0-9.]+)\"");

    @Test
    void everyKeyTheComponentsUseIsInTheirBundleAndNothingElseIs() throws IOException {
        Properties bundle = load("messages/components.properties");
        Set<String> used = new TreeSet<>();
        used.addAll(keysIn(Path.of("src/main/jte/components")));
        Arrays.stream(DateField.Part.values()).map(DateField.Part::messageKey).forEach(used::add);

        assertThat(used).isNotEmpty();
        assertThat(bundle.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(used);
    }

    @Test
    void componentKeysAreNotInTheMainBundle() {
        Properties main = load("messages/messages.properties");

        assertThat(main.stringPropertyNames()).noneMatch(key -> key.startsWith("components."));
    }

    private static Set<String> keysIn(Path directory) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jte")).toList()) {
                Matcher matcher = KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        }
        return keys;
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = ComponentMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
