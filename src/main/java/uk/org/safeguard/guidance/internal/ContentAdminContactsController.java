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

import uk.org.safeguard.geography.Borough;
import uk.org.safeguard.geography.Boroughs;
import uk.org.safeguard.guidance.internal.ContentAdminViews.ContactPreview;
import uk.org.safeguard.identity.Permission;
import uk.org.safeguard.identity.StaffAccess;
import uk.org.safeguard.identity.StaffUser;
import uk.org.safeguard.web.Field;
import uk.org.safeguard.web.SummaryRow;
import uk.org.safeguard.web.TableCell;

/**
 * The staff area's borough contacts: each of the 33 boroughs' published contact, the edit form (preview,
 * save a draft), history and publishing. Contacts are not translated, so each has one history
 * ({@link BoroughContacts#LANGUAGE}).
 */
@Controller
class ContentAdminContactsController {

    static final String CONTACTS = "/staff/content/contacts";
    static final String CONTACT = "/staff/content/contacts/{boroughCode}";
    static final String VERSION = CONTACT + "/versions/{version}";
    static final String PUBLISH = VERSION + "/publish";
    private static final String LANGUAGE = BoroughContacts.LANGUAGE;

    private final StaffAccess access;
    private final ContentVersions versions;
    private final BoroughContacts contacts;
    private final Boroughs boroughs;
    private final ContentAdminSupport support;

    ContentAdminContactsController(StaffAccess access, ContentVersions versions, BoroughContacts contacts,
            Boroughs boroughs, ContentAdminSupport support) {
        this.access = access;
        this.versions = versions;
        this.contacts = contacts;
        this.boroughs = boroughs;
        this.support = support;
    }

    @GetMapping(CONTACTS)
    String overview(Model model) {
        access.require(Permission.CONTENT_MANAGE);
        Map<String, ContentVersion> published = byBorough(versions.publishedOfEach(ContentKind.CONTACT));
        Map<String, ContentVersion> latest = byBorough(versions.latestOfEach(ContentKind.CONTACT));
        List<List<TableCell>> rows = new ArrayList<>();
        for (Borough borough : boroughs.all()) {
            ContentVersion live = published.get(borough.code());
            ContentVersion newest = latest.get(borough.code());
            rows.add(List.of(TableCell.link(borough.name(), editHref(borough.code())),
                    live != null ? TableCell.tag(support.t("content.tag.published", live.version()), "green")
                            : TableCell.tag(support.t("content.tag.noContact"), "grey"),
                    live != null && Boolean.parseBoolean(live.field(BoroughContacts.EXAMPLE))
                            ? TableCell.tag(support.t("content.tag.example"), "yellow") : TableCell.of(""),
                    newest != null && (live == null || newest.version() > live.version())
                            ? TableCell.tag(support.t("content.tag.draft", newest.version()), "blue")
                            : TableCell.of(support.t("content.overview.noDraft"))));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("head", List.of(TableCell.of(support.t("content.contacts.borough")),
                TableCell.of(support.t("content.overview.published")), TableCell.of(support.t("content.contacts.example")),
                TableCell.of(support.t("content.overview.draft"))));
        return "pages/guidance/staff/contacts";
    }

    @GetMapping(CONTACT)
    String edit(@PathVariable String boroughCode, @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "saved", required = false) String saved,
            @RequestParam(name = "published", required = false) String published, Model model) {
        access.require(Permission.CONTENT_MANAGE);
        Borough borough = borough(boroughCode);
        ContentAdminContactForm form;
        String start;
        if (from != null) {
            ContentVersion source = found(versions.version(ContentKind.CONTACT, borough.code(), LANGUAGE,
                    versionNumber(from)));
            ContentAdminContactForm restored = ContentAdminContactForm.of(source);
            form = new ContentAdminContactForm(restored.team(), restored.phone(), restored.email(), restored.website(),
                    restored.hours(), restored.notes(), restored.example(),
                    support.t("content.restore.note", source.version()));
            start = support.t("content.start.restore", source.version());
        } else {
            Optional<ContentVersion> latest = versions.latest(ContentKind.CONTACT, borough.code(), LANGUAGE);
            form = latest.map(ContentAdminContactForm::of).orElse(ContentAdminContactForm.blank());
            start = latest.map(v -> support.t("content.start.latest", v.version(), support.stateText(v.version(),
                    ContentAdminSupport.publishedVersion(versions.published(ContentKind.CONTACT, borough.code(),
                            LANGUAGE))).toLowerCase()))
                    .orElse(support.t("content.contact.start.none"));
        }
        String banner = saved != null && saved.matches("\\d{1,9}") ? support.t("content.banner.saved", Integer.parseInt(saved))
                : published != null && published.matches("\\d{1,9}")
                        ? support.t("content.contact.banner.published", Integer.parseInt(published)) : null;
        return form(model, borough, form, Map.of(), start, null, banner);
    }

    @PostMapping(CONTACT)
    String submit(@PathVariable String boroughCode, @RequestParam(name = "team", defaultValue = "") String team,
            @RequestParam(name = "phone", defaultValue = "") String phone,
            @RequestParam(name = "email", defaultValue = "") String email,
            @RequestParam(name = "website", defaultValue = "") String website,
            @RequestParam(name = "hours", defaultValue = "") String hours,
            @RequestParam(name = "notes", defaultValue = "") String notes,
            @RequestParam(name = "example", required = false) String example,
            @RequestParam(name = "note", defaultValue = "") String note,
            @RequestParam(name = "action", defaultValue = "save") String action, Model model) {
        StaffUser user = access.require(Permission.CONTENT_MANAGE);
        Borough borough = borough(boroughCode);
        ContentAdminContactForm form = new ContentAdminContactForm(team, phone, email, website, hours, notes,
                "true".equals(example), note);
        boolean saving = !"preview".equals(action);
        Map<String, String> errors = form.errors(saving);
        if (!saving || !errors.isEmpty()) {
            return form(model, borough, form, errors, null, errors.isEmpty() ? preview(form) : null, null);
        }
        int version = versions.append(ContentKind.CONTACT, borough.code(), LANGUAGE, form.fields(), user.reference(),
                form.note(), false, null);
        return "redirect:" + editHref(borough.code()) + "?saved=" + version;
    }

    @GetMapping(VERSION)
    String version(@PathVariable String boroughCode, @PathVariable String version,
            @RequestParam(name = "refused", required = false) String refused, Model model) {
        access.require(Permission.CONTENT_MANAGE);
        Borough borough = borough(boroughCode);
        ContentVersion shown = found(versions.version(ContentKind.CONTACT, borough.code(), LANGUAGE,
                versionNumber(version)));
        Integer published = ContentAdminSupport.publishedVersion(
                versions.published(ContentKind.CONTACT, borough.code(), LANGUAGE));
        int newest = versions.latest(ContentKind.CONTACT, borough.code(), LANGUAGE).map(ContentVersion::version)
                .orElse(shown.version());
        model.addAttribute("boroughName", borough.name());
        model.addAttribute("versionNumber", shown.version());
        model.addAttribute("backHref", editHref(borough.code()));
        model.addAttribute("rows", support.versionRows(shown, published));
        model.addAttribute("preview", preview(ContentAdminContactForm.of(shown)));
        model.addAttribute("actions", support.actions(shown.version(), published, newest, refused != null,
                versionHref(borough.code(), shown.version()), editHref(borough.code())));
        return "pages/guidance/staff/contactVersion";
    }

    @PostMapping(PUBLISH)
    String publish(@PathVariable String boroughCode, @PathVariable String version) {
        StaffUser user = access.require(Permission.CONTENT_MANAGE);
        Borough borough = borough(boroughCode);
        int number = found(versions.version(ContentKind.CONTACT, borough.code(), LANGUAGE, versionNumber(version)))
                .version();
        if (versions.publish(ContentKind.CONTACT, borough.code(), LANGUAGE, number, user.reference())) {
            contacts.evict(borough.code());
            return "redirect:" + editHref(borough.code()) + "?published=" + number;
        }
        return "redirect:" + versionHref(borough.code(), number) + "?refused";
    }

    private String form(Model model, Borough borough, ContentAdminContactForm form, Map<String, String> errors,
            String start, ContactPreview preview, String banner) {
        Field team = support.field("team", form.team(), errors);
        Field phone = support.field("phone", form.phone(), errors);
        Field email = support.field("email", form.email(), errors);
        Field website = support.field("website", form.website(), errors);
        Field hours = support.field("hours", form.hours(), errors);
        Field notes = support.field("notes", form.notes(), errors);
        Field example = support.field("example", form.example() ? "true" : null, errors);
        Field note = support.field("note", form.note(), errors);
        Optional<ContentVersion> published = versions.published(ContentKind.CONTACT, borough.code(), LANGUAGE);
        Integer publishedNumber = ContentAdminSupport.publishedVersion(published);
        Optional<ContentVersion> latest = versions.latest(ContentKind.CONTACT, borough.code(), LANGUAGE);
        List<SummaryRow> status = List.of(SummaryRow.of(support.t("content.status.published"), published
                .map(v -> support.t("content.status.publishedVersion", v.version(), ContentAdminSupport.when(v.publishedAt()),
                        support.author(v.publishedBy())))
                .orElse(support.t("content.contact.status.none"))));
        model.addAttribute("boroughName", borough.name());
        model.addAttribute("action", editHref(borough.code()));
        model.addAttribute("backHref", CONTACTS);
        model.addAttribute("team", team);
        model.addAttribute("phone", phone);
        model.addAttribute("email", email);
        model.addAttribute("website", website);
        model.addAttribute("hours", hours);
        model.addAttribute("notes", notes);
        model.addAttribute("example", example);
        model.addAttribute("note", note);
        model.addAttribute("errors", ContentAdminSupport.errorItems(team, phone, email, website, hours, notes, note));
        model.addAttribute("start", start);
        model.addAttribute("preview", preview);
        model.addAttribute("banner", banner);
        model.addAttribute("status", status);
        model.addAttribute("draft", latest.filter(v -> publishedNumber == null || v.version() > publishedNumber)
                .map(v -> support.waitingDraft(v, versionHref(borough.code(), v.version()))).orElse(null));
        model.addAttribute("historyHead", support.historyHead());
        model.addAttribute("history", support.historyRows(versions.history(ContentKind.CONTACT, borough.code(), LANGUAGE),
                publishedNumber, n -> versionHref(borough.code(), n)));
        return "pages/guidance/staff/contact";
    }

    /** The contact as the public borough page will list it: what it has, as plain text. */
    private ContactPreview preview(ContentAdminContactForm form) {
        List<SummaryRow> rows = new ArrayList<>();
        rows.add(SummaryRow.of(support.t("content.contact.team"), form.team()));
        addIfGiven(rows, "content.contact.phone", form.phone());
        addIfGiven(rows, "content.contact.email", form.email());
        addIfGiven(rows, "content.contact.website", form.website());
        addIfGiven(rows, "content.contact.hours", form.hours());
        addIfGiven(rows, "content.contact.notes", form.notes());
        return new ContactPreview(rows, form.example());
    }

    private void addIfGiven(List<SummaryRow> rows, String key, String value) {
        if (!value.isEmpty()) {
            rows.add(SummaryRow.of(support.t(key), value));
        }
    }

    private Borough borough(String code) {
        return found(boroughs.byCode(code));
    }

    static String editHref(String boroughCode) {
        return "/staff/content/contacts/" + boroughCode;
    }

    static String versionHref(String boroughCode, int version) {
        return editHref(boroughCode) + "/versions/" + version;
    }

    private static Map<String, ContentVersion> byBorough(List<ContentVersion> list) {
        Map<String, ContentVersion> map = new HashMap<>();
        list.forEach(v -> map.put(v.key(), v));
        return map;
    }
}
