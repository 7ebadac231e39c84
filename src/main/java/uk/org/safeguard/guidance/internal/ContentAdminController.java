package uk.org.safeguard.guidance.internal;

import static uk.org.safeguard.guidance.internal.ContentAdminSupport.found;
import static uk.org.safeguard.guidance.internal.ContentAdminSupport.versionNumber;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.org.safeguard.guidance.internal.ContentAdminViews.PagePreview;
import uk.org.safeguard.guidance.internal.ContentAdminViews.PageTable;
import uk.org.safeguard.identity.Permission;
import uk.org.safeguard.identity.StaffAccess;
import uk.org.safeguard.identity.StaffUser;
import uk.org.safeguard.web.Field;
import uk.org.safeguard.web.SummaryRow;
import uk.org.safeguard.web.TableCell;

/**
 * The staff area's guidance page text: which page has which version published in each language, the
 * edit form (preview with the public rendering, save a draft), each version's history and text, and
 * publishing. Saving and publishing are audited by {@link ContentVersions}.
 */
@Controller
class ContentAdminController {

    static final String OVERVIEW = "/staff/content";
    static final String PAGE = "/staff/content/pages/{key}/{language}";
    static final String VERSION = PAGE + "/versions/{version}";
    static final String PUBLISH = VERSION + "/publish";
    static final String ENGLISH = "en";

    private final StaffAccess access;
    private final ContentVersions versions;
    private final PageContents contents;
    private final ContentAdminSupport support;

    ContentAdminController(StaffAccess access, ContentVersions versions, PageContents contents,
            ContentAdminSupport support) {
        this.access = access;
        this.versions = versions;
        this.contents = contents;
        this.support = support;
    }

    @GetMapping(OVERVIEW)
    String overview(Model model) {
        access.require(Permission.CONTENT_MANAGE);
        Map<String, ContentVersion> published = byItem(versions.publishedOfEach(ContentKind.PAGE));
        Map<String, ContentVersion> latest = byItem(versions.latestOfEach(ContentKind.PAGE));
        List<PageTable> tables = new ArrayList<>();
        for (GuidancePage page : GuidancePage.values()) {
            List<List<TableCell>> rows = new ArrayList<>();
            for (String language : support.languages()) {
                ContentVersion live = published.get(page.key() + "/" + language);
                ContentVersion newest = latest.get(page.key() + "/" + language);
                TableCell status = live != null ? TableCell.tag(support.t("content.tag.published", live.version()), "green")
                        : TableCell.tag(support.t(ENGLISH.equals(language) ? "content.tag.notPublished"
                                : "content.tag.notTranslated"), "grey");
                TableCell draft = newest != null && (live == null || newest.version() > live.version())
                        ? TableCell.tag(support.t("content.tag.draft", newest.version()), "blue")
                        : TableCell.of(support.t("content.overview.noDraft"));
                rows.add(List.of(TableCell.link(support.languageName(language), editHref(page, language)), status, draft));
            }
            ContentVersion english = published.get(page.key() + "/" + ENGLISH);
            tables.add(new PageTable(english == null ? page.key() : english.field(PageContents.TITLE), page.path(), rows));
        }
        model.addAttribute("tables", tables);
        model.addAttribute("head", List.of(TableCell.of(support.t("content.overview.language")),
                TableCell.of(support.t("content.overview.published")), TableCell.of(support.t("content.overview.draft"))));
        return "pages/guidance/staff/overview";
    }

    @GetMapping(PAGE)
    String edit(@PathVariable String key, @PathVariable String language,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "saved", required = false) String saved,
            @RequestParam(name = "published", required = false) String published, Model model) {
        access.require(Permission.CONTENT_MANAGE);
        GuidancePage page = page(key);
        String lang = support.language(language);
        ContentAdminPageForm form;
        String start;
        if (from != null) {
            ContentVersion source = found(versions.version(ContentKind.PAGE, key, lang, versionNumber(from)));
            ContentAdminPageForm restored = ContentAdminPageForm.of(source);
            form = new ContentAdminPageForm(restored.title(), restored.summary(), restored.body(),
                    support.t("content.restore.note", source.version()));
            start = support.t("content.start.restore", source.version());
        } else {
            Optional<ContentVersion> latest = versions.latest(ContentKind.PAGE, key, lang);
            Optional<ContentVersion> english = ENGLISH.equals(lang) ? Optional.empty()
                    : versions.published(ContentKind.PAGE, key, ENGLISH);
            if (latest.isPresent()) {
                form = ContentAdminPageForm.of(latest.get());
                start = support.t("content.start.latest", latest.get().version(),
                        support.stateText(latest.get().version(),
                                ContentAdminSupport.publishedVersion(versions.published(ContentKind.PAGE, key, lang))).toLowerCase());
            } else if (english.isPresent()) {
                form = ContentAdminPageForm.of(english.get());
                start = support.t("content.start.english", support.languageName(lang));
            } else {
                form = ContentAdminPageForm.blank();
                start = support.t("content.start.blank");
            }
        }
        String banner = saved != null && saved.matches("\\d{1,9}") ? support.t("content.banner.saved", Integer.parseInt(saved))
                : published != null && published.matches("\\d{1,9}")
                        ? support.t("content.banner.published", Integer.parseInt(published)) : null;
        return form(model, page, lang, form, Map.of(), start, null, banner);
    }

    @PostMapping(PAGE)
    String submit(@PathVariable String key, @PathVariable String language,
            @RequestParam(name = "title", defaultValue = "") String title,
            @RequestParam(name = "summary", defaultValue = "") String summary,
            @RequestParam(name = "body", defaultValue = "") String body,
            @RequestParam(name = "note", defaultValue = "") String note,
            @RequestParam(name = "action", defaultValue = "save") String action, Model model) {
        StaffUser user = access.require(Permission.CONTENT_MANAGE);
        GuidancePage page = page(key);
        String lang = support.language(language);
        ContentAdminPageForm form = new ContentAdminPageForm(title, summary, body, note);
        boolean saving = !"preview".equals(action);
        Map<String, String> errors = form.errors(saving);
        if (!saving || !errors.isEmpty()) {
            PagePreview preview = errors.isEmpty() ? preview(form.title(), form.summary(), form.body(), lang) : null;
            return form(model, page, lang, form, errors, null, preview, null);
        }
        int version = versions.append(ContentKind.PAGE, key, lang, form.fields(), user.reference(), form.note(), false,
                null);
        return "redirect:" + editHref(page, lang) + "?saved=" + version;
    }

    @GetMapping(VERSION)
    String version(@PathVariable String key, @PathVariable String language, @PathVariable String version,
            @RequestParam(name = "refused", required = false) String refused, Model model) {
        access.require(Permission.CONTENT_MANAGE);
        GuidancePage page = page(key);
        String lang = support.language(language);
        ContentVersion shown = found(versions.version(ContentKind.PAGE, key, lang, versionNumber(version)));
        Integer published = ContentAdminSupport.publishedVersion(versions.published(ContentKind.PAGE, key, lang));
        int newest = versions.latest(ContentKind.PAGE, key, lang).map(ContentVersion::version).orElse(shown.version());
        model.addAttribute("pageName", pageName(page));
        model.addAttribute("languageName", support.languageName(lang));
        model.addAttribute("versionNumber", shown.version());
        model.addAttribute("backHref", editHref(page, lang));
        model.addAttribute("rows", support.versionRows(shown, published));
        model.addAttribute("preview", preview(shown.field(PageContents.TITLE), shown.field(PageContents.SUMMARY),
                shown.field(PageContents.BODY), lang));
        model.addAttribute("source", source(shown));
        model.addAttribute("actions", support.actions(shown.version(), published, newest, refused != null,
                versionHref(page, lang, shown.version()), editHref(page, lang)));
        return "pages/guidance/staff/pageVersion";
    }

    @PostMapping(PUBLISH)
    String publish(@PathVariable String key, @PathVariable String language, @PathVariable String version) {
        StaffUser user = access.require(Permission.CONTENT_MANAGE);
        GuidancePage page = page(key);
        String lang = support.language(language);
        int number = found(versions.version(ContentKind.PAGE, key, lang, versionNumber(version))).version();
        if (versions.publish(ContentKind.PAGE, key, lang, number, user.reference())) {
            contents.evict(page, lang);
            return "redirect:" + editHref(page, lang) + "?published=" + number;
        }
        return "redirect:" + versionHref(page, lang, number) + "?refused";
    }

    private String form(Model model, GuidancePage page, String lang, ContentAdminPageForm form,
            Map<String, String> errors, String start, PagePreview preview, String banner) {
        Field title = support.field("title", form.title(), errors);
        Field summary = support.field("summary", form.summary(), errors);
        Field body = support.field("body", form.body(), errors);
        Field note = support.field("note", form.note(), errors);
        Optional<ContentVersion> published = versions.published(ContentKind.PAGE, page.key(), lang);
        Integer publishedNumber = ContentAdminSupport.publishedVersion(published);
        Optional<ContentVersion> latest = versions.latest(ContentKind.PAGE, page.key(), lang);
        List<SummaryRow> status = new ArrayList<>();
        String publicHref = page.path() + (ENGLISH.equals(lang) ? "" : "?lang=" + lang);
        status.add(SummaryRow.of(support.t("content.status.publicPage"), publicHref));
        status.add(SummaryRow.of(support.t("content.status.published"), published
                .map(v -> support.t("content.status.publishedVersion", v.version(), ContentAdminSupport.when(v.publishedAt()),
                        support.author(v.publishedBy())))
                .orElse(support.t(ENGLISH.equals(lang) ? "content.status.notPublished" : "content.status.notTranslated"))));
        model.addAttribute("pageName", pageName(page));
        model.addAttribute("languageName", support.languageName(lang));
        model.addAttribute("action", editHref(page, lang));
        model.addAttribute("backHref", OVERVIEW);
        model.addAttribute("title", title);
        model.addAttribute("summary", summary);
        model.addAttribute("body", body);
        model.addAttribute("note", note);
        model.addAttribute("errors", ContentAdminSupport.errorItems(title, summary, body, note));
        model.addAttribute("start", start);
        model.addAttribute("preview", preview);
        model.addAttribute("banner", banner);
        model.addAttribute("status", status);
        model.addAttribute("draft", latest.filter(v -> publishedNumber == null || v.version() > publishedNumber)
                .map(v -> support.waitingDraft(v, versionHref(page, lang, v.version()))).orElse(null));
        model.addAttribute("historyHead", support.historyHead());
        model.addAttribute("history", support.historyRows(versions.history(ContentKind.PAGE, page.key(), lang),
                publishedNumber, n -> versionHref(page, lang, n)));
        model.addAttribute("bodyMax", ContentAdminPageForm.BODY_MAX);
        return "pages/guidance/staff/page";
    }

    /** What the public page will show: the title and summary as text, the body through the public rendering. */
    static PagePreview preview(String title, String summary, String body, String lang) {
        return new PagePreview(title, summary, PageContents.render(body), lang, ContentAdminSupport.dir(lang));
    }

    /** The version's text as it was typed, header lines first like the shipped files. */
    private static String source(ContentVersion version) {
        StringBuilder text = new StringBuilder();
        text.append("title: ").append(version.field(PageContents.TITLE)).append('\n');
        text.append("summary: ").append(version.field(PageContents.SUMMARY)).append('\n');
        text.append("---\n");
        text.append(version.field(PageContents.BODY));
        return text.toString();
    }

    private String pageName(GuidancePage page) {
        return versions.published(ContentKind.PAGE, page.key(), ENGLISH).map(v -> v.field(PageContents.TITLE))
                .filter(title -> !title.isBlank()).orElse(page.key());
    }

    private static GuidancePage page(String key) {
        return GuidancePage.byKey(key).orElseThrow(ContentAdminSupport::notFound);
    }

    static String editHref(GuidancePage page, String language) {
        return "/staff/content/pages/" + page.key() + "/" + language;
    }

    static String versionHref(GuidancePage page, String language, int version) {
        return editHref(page, language) + "/versions/" + version;
    }

    private static Map<String, ContentVersion> byItem(List<ContentVersion> list) {
        Map<String, ContentVersion> map = new HashMap<>();
        list.forEach(v -> map.put(v.key() + "/" + v.language(), v));
        return map;
    }
}
