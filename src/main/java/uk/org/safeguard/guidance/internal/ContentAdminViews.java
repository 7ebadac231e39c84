package uk.org.safeguard.guidance.internal;

import java.util.List;

import uk.org.safeguard.web.SummaryRow;
import uk.org.safeguard.web.TableCell;

/** What the staff content pages show, as records the templates can read. */
public final class ContentAdminViews {

    private ContentAdminViews() {
    }

    /**
     * A page's text as the public will see it.
     *
     * @param html the body rendered by {@link PageContents#render(String)}, the public rendering; never the typed text
     * @param lang the language the text is in
     * @param dir {@code rtl} or {@code ltr}
     */
    public record PagePreview(String title, String summary, String html, String lang, String dir) {
    }

    /**
     * A borough contact as the public will see it.
     *
     * @param example whether it is marked as an example rather than a verified contact
     */
    public record ContactPreview(List<SummaryRow> rows, boolean example) {
    }

    /**
     * One page's table on the content overview: a row per language.
     *
     * @param title the page's published English title
     * @param publicPath where the public sees the page
     */
    public record PageTable(String title, String publicPath, List<List<TableCell>> rows) {
    }

    /**
     * A draft newer than the published version, which can be published from the edit page.
     *
     * @param text what to say about it
     * @param viewHref the page showing that version
     * @param publishAction where its publish form posts
     * @param buttonText the publish button's text
     */
    public record WaitingDraft(int version, String text, String viewHref, String publishAction, String buttonText) {
    }

    /**
     * The actions and notices on a version's page.
     *
     * @param publishAction where the publish form posts, or null when this version cannot be published
     * @param restoreHref the edit form filled with this version, or null when it is the newest
     * @param notice why it cannot be published, or null
     * @param refused whether a publish of it has just been refused
     */
    public record VersionActions(String publishAction, String publishText, String restoreHref, String restoreText,
            String notice, boolean refused) {
    }
}
