package uk.org.safeguard.audit.internal;

import java.util.Map;
import java.util.regex.Pattern;

import uk.org.safeguard.audit.AuditEvent;

/**
 * Keeps personal data out of the trail by construction: every part of an event must look like a
 * reference (an account id, a record id, a dotted action name), short and without control characters.
 * A name or an e-mail address put where a reference belongs is refused rather than stored for good.
 */
final class AuditEventRules {

    static final int MAX_REFERENCE = 200;
    static final int MAX_NAME = 100;
    static final int MAX_DETAILS = 20;
    static final int MAX_DETAIL_VALUE = 200;

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)*");
    private static final Pattern DETAIL_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

    private AuditEventRules() {
    }

    /** @throws IllegalArgumentException naming the first part of {@code event} that is not acceptable */
    static void check(AuditEvent event) {
        reference("actor", event.actor());
        name("action", event.action());
        if (event.recordType() != null) {
            name("recordType", event.recordType());
        }
        if (event.recordId() != null) {
            if (event.recordType() == null) {
                throw new IllegalArgumentException("audit recordId needs a recordType");
            }
            reference("recordId", event.recordId());
        }
        if (event.reason() != null) {
            text("reason", event.reason(), AuditEvent.MAX_REASON);
        }
        if (event.details().size() > MAX_DETAILS) {
            throw new IllegalArgumentException("audit details: more than " + MAX_DETAILS + " entries");
        }
        for (Map.Entry<String, String> detail : event.details().entrySet()) {
            if (!DETAIL_KEY.matcher(detail.getKey()).matches()) {
                throw new IllegalArgumentException("audit detail key is not a name: " + describe(detail.getKey()));
            }
            if (!detail.getValue().isEmpty()) {
                text("detail " + detail.getKey(), detail.getValue(), MAX_DETAIL_VALUE);
            }
        }
    }

    private static void name(String part, String value) {
        if (value.length() > MAX_NAME || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("audit " + part + " is not a dotted lower-case name: " + describe(value));
        }
    }

    private static void reference(String part, String value) {
        text(part, value, MAX_REFERENCE);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '@') {
                // The value is not repeated: it may be the very personal data being kept out.
                throw new IllegalArgumentException("audit " + part + " is not a reference (it has a space or an @)");
            }
        }
    }

    private static void text(String part, String value, int max) {
        if (value.isEmpty() || value.length() > max) {
            throw new IllegalArgumentException("audit " + part + " must be 1 to " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || isLoneSurrogate(value, i)) {
                throw new IllegalArgumentException("audit " + part + " contains a control character");
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
    }

    private static boolean isLoneSurrogate(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
        }
        return Character.isLowSurrogate(c);
    }

    /** Names are the caller's constants, so showing them helps find the caller; only their start is shown. */
    private static String describe(String value) {
        String shown = value.length() <= 40 ? value : value.substring(0, 40) + "...";
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
