package uk.org.safeguard.intake.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers of a journey in progress, by question name: each a list of strings (one for a text field or
 * radio, several for checkboxes), kept exactly as typed, including what failed validation, so nothing a
 * person typed is ever lost.
 */
final class Answers {

    private final Map<String, List<String>> values;

    Answers() {
        this(new LinkedHashMap<>());
    }

    Answers(Map<String, List<String>> values) {
        this.values = new LinkedHashMap<>(values);
    }

    /** The single answer to {@code question}, or {@code ""}. */
    String get(String question) {
        List<String> answer = values.get(question);
        return answer == null || answer.isEmpty() ? "" : answer.get(0);
    }

    List<String> getAll(String question) {
        return values.getOrDefault(question, List.of());
    }

    boolean has(String question) {
        return values.containsKey(question);
    }

    void put(String question, String value) {
        values.put(question, List.of(value == null ? "" : value));
    }

    void putAll(String question, List<String> chosen) {
        values.put(question, chosen == null ? List.of() : List.copyOf(chosen));
    }

    void remove(String question) {
        values.remove(question);
    }

    Map<String, List<String>> asMap() {
        return Map.copyOf(values);
    }
}
