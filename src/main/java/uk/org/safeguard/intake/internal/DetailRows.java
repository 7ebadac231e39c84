package uk.org.safeguard.intake.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import uk.org.safeguard.web.SummaryRow;

/**
 * A submission's details, whatever their shape, as summary list rows: every field of the JSON document
 * becomes a row keyed by its path (nested names joined with an arrow, list items numbered), so the concern,
 * referral and hate report records all show without a page of their own. The text is shown as stored and
 * escaped by the template.
 */
final class DetailRows {

    static final String SEPARATOR = " › ";

    /** The words for values that are not text. */
    record Words(String yes, String no, String notGiven, String details) {
    }

    private DetailRows() {
    }

    static List<SummaryRow> of(JsonNode document, Words words) {
        List<SummaryRow> rows = new ArrayList<>();
        add("", document, words, rows);
        return rows;
    }

    private static void add(String path, JsonNode node, Words words, List<SummaryRow> rows) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            rows.add(SummaryRow.of(key(path, words), words.notGiven()));
        } else if (node.isObject()) {
            if (node.isEmpty()) {
                rows.add(SummaryRow.of(key(path, words), words.notGiven()));
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                add(join(path, humanise(field.getKey())), field.getValue(), words, rows);
            }
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                rows.add(SummaryRow.of(key(path, words), words.notGiven()));
            } else if (node.values().stream().allMatch(JsonNode::isValueNode)) {
                List<String> items = node.values().stream().map(v -> scalar(v, words)).toList();
                rows.add(SummaryRow.of(key(path, words), String.join(", ", items)));
            } else {
                int i = 1;
                for (JsonNode item : node.values()) {
                    add(join(path, String.valueOf(i++)), item, words, rows);
                }
            }
        } else {
            rows.add(SummaryRow.of(key(path, words), scalar(node, words)));
        }
    }

    private static String scalar(JsonNode node, Words words) {
        if (node.isNull()) {
            return words.notGiven();
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? words.yes() : words.no();
        }
        String text = node.asString();
        return text.isEmpty() ? words.notGiven() : text;
    }

    private static String key(String path, Words words) {
        return path.isEmpty() ? words.details() : path;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + SEPARATOR + name;
    }

    /** {@code dateOfBirth}, {@code date_of_birth} and {@code date-of-birth} all read {@code Date of birth}. */
    static String humanise(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').replace('-', ' ').strip()
                .toLowerCase(Locale.UK);
        if (spaced.isEmpty()) {
            return name;
        }
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
