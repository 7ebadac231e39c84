package uk.org.safeguard.guidance.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The edit form of a guidance page in one language, as typed, and what is wrong with it.
 *
 * @param body Markdown in the safe subset of {@link uk.org.safeguard.web.SafeMarkdown}
 * @param note the change note, saying what changed and why
 */
record ContentAdminPageForm(String title, String summary, String body, String note) {

    static final int TITLE_MAX = 120;
    static final int SUMMARY_MAX = 300;
    static final int BODY_MAX = 20_000;
    static final int NOTE_MAX = 200;

    ContentAdminPageForm {
        title = ContentAdminSupport.typed(title);
        summary = ContentAdminSupport.typed(summary);
        body = ContentAdminSupport.typed(body);
        note = ContentAdminSupport.typed(note);
    }

    /** The form filled from a stored version, with no change note yet. */
    static ContentAdminPageForm of(ContentVersion version) {
        return new ContentAdminPageForm(version.field(PageContents.TITLE), version.field(PageContents.SUMMARY),
                version.field(PageContents.BODY), "");
    }

    static ContentAdminPageForm blank() {
        return new ContentAdminPageForm("", "", "", "");
    }

    /**
     * The message key of each field in error, by field name; a preview needs no change note, a save does.
     */
    Map<String, String> errors(boolean saving) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (title.isEmpty()) {
            errors.put("title", "content.page.error.titleEmpty");
        } else if (title.length() > TITLE_MAX) {
            errors.put("title", "content.page.error.titleLong");
        }
        if (summary.length() > SUMMARY_MAX) {
            errors.put("summary", "content.page.error.summaryLong");
        }
        if (body.isEmpty()) {
            errors.put("body", "content.page.error.bodyEmpty");
        } else if (body.length() > BODY_MAX) {
            errors.put("body", "content.page.error.bodyLong");
        }
        if (saving) {
            if (note.isEmpty()) {
                errors.put("note", "content.error.noteEmpty");
            } else if (note.length() > NOTE_MAX) {
                errors.put("note", "content.error.noteLong");
            }
        }
        return errors;
    }

    /** The version's fields as {@link PageContents} reads them. */
    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(PageContents.TITLE, title);
        fields.put(PageContents.SUMMARY, summary);
        fields.put(PageContents.BODY, body);
        return fields;
    }
}
