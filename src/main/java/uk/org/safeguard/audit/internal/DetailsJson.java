package uk.org.safeguard.audit.internal;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Details are stored as a JSONB object of strings. Reading is strict: anything else (a number, a nested
 * object, a duplicate key) can only come from tampering, and yields {@code null} so that the entry
 * matches no hash rather than being quietly coerced back into shape.
 */
final class DetailsJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DetailsJson() {
    }

    static String write(Map<String, String> details) {
        return JSON.writeValueAsString(new TreeMap<>(details));
    }

    /** The details in {@code json}, or {@code null} if it is not a JSON object whose values are all strings. */
    static SortedMap<String, String> read(String json) {
        if (json == null) {
            return null;
        }
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            SortedMap<String, String> details = new TreeMap<>();
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
                String key = parser.currentName();
                if (parser.nextToken() != JsonToken.VALUE_STRING || details.put(key, parser.getString()) != null) {
                    return null;
                }
            }
            return token == JsonToken.END_OBJECT && parser.nextToken() == null ? details : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
