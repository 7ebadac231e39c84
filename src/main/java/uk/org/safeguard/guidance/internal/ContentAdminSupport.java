package uk.org.safeguard.guidance.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import uk.org.safeguard.web.ErrorItem;
import uk.org.safeguard.web.Field;
import uk.org.safeguard.web.Languages;
import uk.org.safeguard.web.SummaryRow;
import uk.org.safeguard.web.TableCell;

/**
 * What the staff content pages share: their text (the staff area is in English), the languages on offer,
 * London time, and the state of a version in its history.
 */
@Component
class ContentAdminSupport {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK);

    /** Where a version stands against the published one. */
    enum State {
        PUBLISHED("content.state.published", "green"),
        DRAFT("content.state.draft", "blue"),
        SUPERSEDED("content.state.superseded", "grey");

        private final String messageKey;
        private final String colour;

        State(String messageKey, String colour) {
            this.messageKey = messageKey;
            this.colour = colour;
        }

        /** The state of {@code version} when {@code published} is the published version (null for none). */
        static State of(int version, Integer published) {
            if (published == null || version > published) {
                return DRAFT;
            }
            return version == published ? PUBLISHED : SUPERSEDED;
        }
    }

    private final MessageSource messages;
    private final List<String> languages;

    ContentAdminSupport(MessageSource messages, @Value("${safeguard.web.languages:en}") List<String> languages) {
        this.messages = messages;
        this.languages = List.copyOf(languages);
    }

    /** Staff text, in English like the rest of the staff area. */
    String t(String key, Object... args) {
        return messages.getMessage(key, args, Locale.UK);
    }

    /** The languages the public pages are offered in, English first. */
    List<String> languages() {
        return languages;
    }

    /** The language's English name, for the staff area. */
    String languageName(String code) {
        String nativeName = messages.getMessage("language.name." + code, null, code, Locale.forLanguageTag(code));
        return messages.getMessage("content.language." + code, null, nativeName, Locale.UK);
    }

    static String dir(String language) {
        return Languages.isRightToLeft(Locale.forLanguageTag(language)) ? "rtl" : "ltr";
    }

    /** A time as people in London read it: "4 June 2026 at 2:07pm". */
    static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(LONDON)).replace("AM", "am").replace("PM", "pm");
    }

    /** Who wrote a version: the account reference ({@code account:42}), or the shipped text. */
    String author(String author) {
        return "system".equals(author) ? t("content.author.system") : author;
    }

    /** The language, or a 404 when the public pages are not offered in it. */
    String language(String code) {
        if (!languages.contains(code)) {
            throw notFound();
        }
        return code;
    }

    /** A version number from a path, or a 404. */
    static int versionNumber(String text) {
        if (text == null || !text.matches("[1-9][0-9]{0,8}")) {
            throw notFound();
        }
        return Integer.parseInt(text);
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    static <T> T found(Optional<T> value) {
        return value.orElseThrow(ContentAdminSupport::notFound);
    }

    static Integer publishedVersion(Optional<ContentVersion> published) {
        return published.map(ContentVersion::version).orElse(null);
    }

    /** The form field {@code name} as typed, with the English text of {@code errors}' entry for it. */
    Field field(String name, String value, Map<String, String> errors) {
        String errorKey = errors.get(name);
        return Field.of(name, value == null || value.isEmpty() ? null : value, errorKey == null ? null : t(errorKey));
    }

    static List<ErrorItem> errorItems(Field... fields) {
        List<ErrorItem> items = new ArrayList<>();
        for (Field field : fields) {
            if (field.hasError()) {
                items.add(ErrorItem.of(field));
            }
        }
        return items;
    }

    /** The history table's head. */
    List<TableCell> historyHead() {
        return List.of(TableCell.of(t("content.history.version")), TableCell.of(t("content.history.state")),
                TableCell.of(t("content.history.author")), TableCell.of(t("content.history.when")),
                TableCell.of(t("content.history.note")));
    }

    /** A row per version, newest first: its number linking to {@code href}, state, author, time and change note. */
    List<List<TableCell>> historyRows(List<ContentVersion> history, Integer published, IntFunction<String> href) {
        List<List<TableCell>> rows = new ArrayList<>();
        for (ContentVersion version : history) {
            State state = State.of(version.version(), published);
            rows.add(List.of(TableCell.link(t("content.history.versionLink", version.version()), href.apply(version.version())),
                    TableCell.tag(t(state.messageKey), state.colour), TableCell.of(author(version.author())),
                    TableCell.of(when(version.createdAt())),
                    TableCell.of(version.changeNote() == null ? "" : version.changeNote())));
        }
        return rows;
    }

    String stateText(int version, Integer published) {
        return t(State.of(version, published).messageKey);
    }

    /** The facts of one version: state, who saved it and when, its change note, and who published it. */
    List<SummaryRow> versionRows(ContentVersion version, Integer published) {
        List<SummaryRow> rows = new ArrayList<>();
        rows.add(SummaryRow.of(t("content.version.state"), stateText(version.version(), published)));
        rows.add(SummaryRow.of(t("content.version.author"), author(version.author())));
        rows.add(SummaryRow.of(t("content.version.saved"), when(version.createdAt())));
        rows.add(SummaryRow.of(t("content.version.note"), version.changeNote() == null ? "" : version.changeNote()));
        if (version.published()) {
            rows.add(SummaryRow.of(t("content.version.publishedAt"),
                    t("content.version.publishedBy", when(version.publishedAt()), author(version.publishedBy()))));
        }
        return rows;
    }

    /** The newest version, when it is newer than the published one, ready to publish from the edit page. */
    ContentAdminViews.WaitingDraft waitingDraft(ContentVersion draft, String versionHref) {
        return new ContentAdminViews.WaitingDraft(draft.version(), t("content.draft.waiting", draft.version(),
                author(draft.author()), when(draft.createdAt())), versionHref, versionHref + "/publish",
                t("content.draft.publish", draft.version()));
    }

    /**
     * What can be done with version {@code number}: publish it when it is newer than the published one;
     * otherwise say why not, and offer to restore it (its text in the edit form, to save as a new draft).
     */
    ContentAdminViews.VersionActions actions(int number, Integer published, int newest, boolean refused,
            String versionHref, String editHref) {
        String restoreHref = number < newest || (published != null && number < published)
                ? editHref + "?from=" + number : null;
        String restoreText = t("content.version.restore", number);
        if (published == null || number > published) {
            return new ContentAdminViews.VersionActions(versionHref + "/publish", t("content.draft.publish", number),
                    restoreHref, restoreText, null, false);
        }
        String notice = number == published ? t("content.version.isPublished", number)
                : t("content.version.older", number, published);
        return new ContentAdminViews.VersionActions(null, null, restoreHref, restoreText, notice, refused);
    }

    /** Text typed into a form: Windows line endings made plain, surrounding white space removed. */
    static String typed(String value) {
        return value == null ? "" : value.replace("\r\n", "\n").replace('\r', '\n').strip();
    }
}
