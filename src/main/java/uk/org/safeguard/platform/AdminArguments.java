package uk.org.safeguard.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The words after the command name: {@code --name value} options (an option may repeat) and plain
 * positional words.
 */
public final class AdminArguments {

    private final Map<String, List<String>> options;
    private final List<String> positional;

    private AdminArguments(Map<String, List<String>> options, List<String> positional) {
        this.options = options;
        this.positional = positional;
    }

    public static AdminArguments parse(List<String> words) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.startsWith("--") && word.length() > 2) {
                String name = word.substring(2);
                String value = "";
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (i + 1 < words.size() && !words.get(i + 1).startsWith("--")) {
                    value = words.get(++i);
                }
                options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                positional.add(word);
            }
        }
        return new AdminArguments(options, positional);
    }

    public Optional<String> option(String name) {
        List<String> values = options.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public List<String> options(String name) {
        return Collections.unmodifiableList(options.getOrDefault(name, List.of()));
    }

    public boolean has(String name) {
        return options.containsKey(name);
    }

    public List<String> positional() {
        return Collections.unmodifiableList(positional);
    }
}
