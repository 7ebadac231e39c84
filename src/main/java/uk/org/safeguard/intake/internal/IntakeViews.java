package uk.org.safeguard.intake.internal;

import java.util.List;

/** What intake's page templates show, as plain text: public because the compiled templates live in another package. */
public final class IntakeViews {

    private IntakeViews() {
    }

    /**
     * One message of a thread: who wrote it, when, and its text line by line (shown escaped, exactly as written).
     *
     * @param unread a reporter's message no member of staff had opened before this page
     */
    public record ThreadItem(String author, String at, List<String> lines, boolean unread) {

        public ThreadItem {
            lines = List.copyOf(lines);
        }
    }
}
