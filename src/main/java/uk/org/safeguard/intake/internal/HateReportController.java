package uk.org.safeguard.intake.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.org.safeguard.geography.Boroughs;
import uk.org.safeguard.geography.PostcodeLookup;
import uk.org.safeguard.geography.PostcodeResult;
import uk.org.safeguard.intake.SubmissionKind;
import uk.org.safeguard.web.DateField;
import uk.org.safeguard.web.ErrorItem;
import uk.org.safeguard.web.Field;
import uk.org.safeguard.web.Option;
import uk.org.safeguard.web.SummaryRow;

/**
 * Reporting a hate incident or extremist content ({@code /report-hate}): short and anonymous unless the
 * person chooses to give contact details. What happened, where, when, contact, a description, then the
 * attachments step, check answers and submit. Reports go to the programme's queue, not to casework, and
 * their strands, type and month are counted without anything personal ({@code intake_hate_statistic}),
 * written in the submission's own transaction.
 */
@Controller
class HateReportController {

    /** The five monitored strands, then other and not sure. */
    static final List<String> STRANDS = List.of("disability", "race", "religion", "sexual-orientation",
            "transgender-identity", "other", "not-sure");
    /** Kinds of incident, from extreme violence to abusive literature and online content. */
    static final List<String> INCIDENT_TYPES = List.of("serious-violence", "physical-attack", "threat-of-violence",
            "damage-to-property", "verbal-abuse", "graffiti", "abusive-literature", "online-content", "other");
    static final int DESCRIPTION_MAX = 5000;
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()\\-]{7,20}");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** A question page and the form fields it asks, in order. */
    enum Step {
        WHAT("what", List.of("strands", "incidentType", "onlineAddress")),
        WHERE("where", List.of("where", "borough", "postcode")),
        WHEN("when", List.of("when", "whenNotSure")),
        CONTACT("contact", List.of("contactWanted", "contactName", "contactEmail", "contactPhone")),
        DESCRIPTION("description", List.of("description"));

        final String slug;
        final List<String> fields;

        Step(String slug, List<String> fields) {
            this.slug = slug;
            this.fields = fields;
        }

        String path() {
            return "/report-hate/" + slug;
        }

        static Optional<Step> of(String path) {
            for (Step step : values()) {
                if (step.path().equals(path)) {
                    return Optional.of(step);
                }
            }
            return Optional.empty();
        }
    }

    static final String ATTACHMENTS = "/report-hate/attachments";
    static final String CHECK = "/report-hate/check-answers";

    private final Drafts drafts;
    private final Submissions submissions;
    private final BoroughRouting routing;
    private final PostcodeLookup postcodes;
    private final Boroughs boroughs;
    private final AbuseGuard abuseGuard;
    private final ReportForms forms;
    private final JdbcClient jdbc;
    private final Clock clock;

    HateReportController(Drafts drafts, Submissions submissions, BoroughRouting routing, PostcodeLookup postcodes,
            Boroughs boroughs, AbuseGuard abuseGuard, ReportForms forms, JdbcClient jdbc, Clock clock) {
        this.drafts = drafts;
        this.submissions = submissions;
        this.routing = routing;
        this.postcodes = postcodes;
        this.boroughs = boroughs;
        this.abuseGuard = abuseGuard;
        this.forms = forms;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping("/report-hate")
    String start() {
        return "pages/intake/hate/start";
    }

    @GetMapping({"/report-hate/what", "/report-hate/where", "/report-hate/when", "/report-hate/contact",
            "/report-hate/description"})
    String question(@RequestParam(name = "change", required = false) String change, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Step step = Step.of(request.getServletPath()).orElseThrow();
        Drafts.Draft draft = drafts.findOrStart(request, response, Journey.HATE_REPORT);
        return page(step, draft.answers(), Map.of(), change != null, model);
    }

    @PostMapping({"/report-hate/what", "/report-hate/where", "/report-hate/when", "/report-hate/contact",
            "/report-hate/description"})
    String answer(@RequestParam MultiValueMap<String, String> form, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Step step = Step.of(request.getServletPath()).orElseThrow();
        boolean change = form.containsKey("change");
        Drafts.Draft draft = drafts.findOrStart(request, response, Journey.HATE_REPORT);
        Answers answers = draft.answers();
        ReportForms.read(form, answers, step.fields, Set.of("when"), Set.of("strands", "whenNotSure"));
        drafts.save(draft);
        Map<String, String> errors = problems(answers, step);
        if (!errors.isEmpty()) {
            return page(step, answers, errors, change, model);
        }
        if (change) {
            return "redirect:" + CHECK;
        }
        return "redirect:" + (step == Step.DESCRIPTION ? ATTACHMENTS : Step.values()[step.ordinal() + 1].path());
    }

    @GetMapping(CHECK)
    String check(HttpServletRequest request, Model model) {
        Optional<Drafts.Draft> draft = drafts.find(request, Journey.HATE_REPORT);
        if (draft.isEmpty()) {
            return "redirect:/report-hate";
        }
        return checkPage(draft.get().answers(), List.of(), abuseGuard.issueToken(), model);
    }

    @PostMapping(CHECK)
    String submit(@RequestParam(name = AbuseGuard.TOKEN_FIELD, required = false) String token,
            @RequestParam(name = AbuseGuard.NONCE_FIELD, required = false) String nonce,
            @RequestParam(name = AbuseGuard.HONEYPOT_FIELD, required = false) String honeypot,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect, Model model) {
        Optional<Drafts.Draft> found = drafts.find(request, Journey.HATE_REPORT);
        if (found.isEmpty()) {
            return "redirect:/report-hate";
        }
        Drafts.Draft draft = found.get();
        Answers answers = draft.answers();
        ReportForms.Gate gate = forms.gate(List.of(Step.values()), step -> problems(answers, step), Step::path,
                HateReportController::anchor, request.getRemoteAddr(), draft.id(), token, nonce, honeypot);
        if (!gate.passed()) {
            return checkPage(answers, gate.errors(), gate.token(), model);
        }
        HateReportDetails details = details(answers);
        String borough = switch (details.where()) {
            case "borough" -> routing.route(null, details.boroughCode());
            case "postcode" -> routing.route(details.postcode(), null);
            default -> null;
        };
        Receipt receipt = submissions.submitDraft(new NewSubmission(SubmissionKind.HATE_REPORT, Channel.PUBLIC, borough,
                false, details.contact() == null, ReportForms.language(), details, null, false, true), draft.id(),
                r -> count(r, details));
        drafts.discard(draft, request, response);
        redirect.addFlashAttribute("reference", receipt.reference());
        redirect.addFlashAttribute("followUpCode", receipt.followUpCode());
        return "redirect:/report-hate/confirmation";
    }

    @GetMapping("/report-hate/confirmation")
    String confirmation(Model model) {
        if (!model.containsAttribute("reference")) {
            return "pages/intake/hate/shownOnce";
        }
        return "pages/intake/hate/confirmation";
    }

    /** The non-personal counts of a report, in the transaction that stores it. */
    private void count(Receipt receipt, HateReportDetails details) {
        LocalDate month = details.occurredOn() == null ? null : details.occurredOn().withDayOfMonth(1);
        jdbc.sql("""
                INSERT INTO intake_hate_statistic (submission_id, strands, incident_type, occurred_month)
                VALUES (:id, :strands, :type, :month)""")
                .param("id", receipt.id())
                .param("strands", details.strands().toArray(String[]::new))
                .param("type", details.incidentType())
                .param("month", month == null ? null : Date.valueOf(month))
                .update();
    }

    HateReportDetails details(Answers a) {
        ReportForms.TypedDate when = ReportForms.readDate(a.get("when-day"), a.get("when-month"), a.get("when-year"));
        boolean notSure = !a.getAll("whenNotSure").isEmpty();
        boolean contact = "yes".equals(a.get("contactWanted"));
        String where = a.get("where");
        return new HateReportDetails(a.getAll("strands"), a.get("incidentType"),
                ReportForms.blankToNull(a.get("onlineAddress")), where,
                "borough".equals(where) ? ReportForms.blankToNull(a.get("borough")) : null,
                "postcode".equals(where) ? ReportForms.blankToNull(a.get("postcode")) : null,
                notSure ? null : when.date(), a.get("description"),
                contact ? new HateReportDetails.Contact(ReportForms.blankToNull(a.get("contactName")),
                        ReportForms.blankToNull(a.get("contactEmail")), ReportForms.blankToNull(a.get("contactPhone")))
                        : null);
    }

    /** The message key of each field of {@code step} in error, translated, in the page's order. */
    private Map<String, String> problems(Answers a, Step step) {
        Map<String, String> found = new LinkedHashMap<>();
        switch (step) {
            case WHAT -> {
                List<String> strands = a.getAll("strands");
                if (strands.isEmpty() || !Set.copyOf(STRANDS).containsAll(strands)) {
                    found.put("strands", "hate.error.strands");
                }
                if (!INCIDENT_TYPES.contains(a.get("incidentType"))) {
                    found.put("incidentType", "hate.error.incident-type");
                }
                String address = a.get("onlineAddress").strip();
                if (!address.isEmpty() && !webAddress(address)) {
                    found.put("onlineAddress", "hate.error.online-address");
                }
            }
            case WHERE -> {
                switch (a.get("where")) {
                    case "borough" -> {
                        if (boroughs.byCode(a.get("borough")).isEmpty()) {
                            found.put("borough", "hate.error.borough");
                        }
                    }
                    case "postcode" -> {
                        String postcode = a.get("postcode");
                        if (postcode.isBlank()) {
                            found.put("postcode", "hate.error.postcode-missing");
                        } else if (postcode.length() > 10 || postcodes.lookup(postcode) instanceof PostcodeResult.Invalid) {
                            found.put("postcode", "hate.error.postcode");
                        }
                    }
                    case "unknown" -> {
                    }
                    default -> found.put("where", "hate.error.where");
                }
            }
            case WHEN -> {
                if (a.getAll("whenNotSure").isEmpty()) {
                    ReportForms.TypedDate when = ReportForms.readDate(a.get("when-day"), a.get("when-month"),
                            a.get("when-year"));
                    if (when.problem() != null) {
                        found.put("when", "hate.error.when-" + when.problem());
                    } else if (when.date().isAfter(LocalDate.now(clock.withZone(LONDON)))) {
                        found.put("when", "hate.error.when-future");
                    } else if (when.date().getYear() < 1900) {
                        found.put("when", "hate.error.when-real");
                    }
                }
            }
            case CONTACT -> {
                String wanted = a.get("contactWanted");
                if (!wanted.equals("yes") && !wanted.equals("no")) {
                    found.put("contactWanted", "hate.error.contact-wanted");
                } else if (wanted.equals("yes")) {
                    if (codePoints(a.get("contactName")) > 200) {
                        found.put("contactName", "hate.error.contact-name-long");
                    }
                    String email = a.get("contactEmail").strip();
                    String phone = a.get("contactPhone").strip();
                    if (email.isEmpty() && phone.isEmpty()) {
                        found.put("contactEmail", "hate.error.contact-missing");
                    }
                    if (!email.isEmpty() && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
                        found.put("contactEmail", "hate.error.contact-email");
                    }
                    if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
                        found.put("contactPhone", "hate.error.contact-phone");
                    }
                }
            }
            case DESCRIPTION -> {
                String description = a.get("description");
                if (description.isBlank()) {
                    found.put("description", "hate.error.description");
                } else if (codePoints(description) > DESCRIPTION_MAX) {
                    found.put("description", "hate.error.description-long");
                }
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String field : step.fields) {
            if (found.containsKey(field)) {
                ordered.put(field, forms.t(found.get(field)));
            }
        }
        return ordered;
    }

    static boolean webAddress(String address) {
        if (address.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(address);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getHost().contains(".");
        } catch (URISyntaxException notAnAddress) {
            return false;
        }
    }

    private static int codePoints(String value) {
        return value.codePointCount(0, value.length());
    }

    private String page(Step step, Answers a, Map<String, String> errors, boolean change, Model model) {
        Map<String, Field> fields = new LinkedHashMap<>();
        List<ErrorItem> summary = new ArrayList<>();
        for (String name : step.fields) {
            if (name.equals("when")) {
                ReportForms.TypedDate typed = ReportForms.readDate(a.get("when-day"), a.get("when-month"),
                        a.get("when-year"));
                DateField when = new DateField("when", "when", a.get("when-day"), a.get("when-month"),
                        a.get("when-year"), errors.get("when"), typed.parts());
                model.addAttribute("when", when);
                if (when.hasError()) {
                    summary.add(ErrorItem.of(when));
                }
                continue;
            }
            String value = a.get(name);
            if (name.equals("contactWanted") && !a.has(name)) {
                value = "no"; // anonymous unless the person chooses otherwise
            }
            Field field = Field.of(name, value, errors.get(name));
            fields.put(name, field);
            if (field.hasError()) {
                summary.add(ErrorItem.of(field));
            }
        }
        switch (step) {
            case WHAT -> {
                List<Option> strandOptions = new ArrayList<>();
                for (String strand : STRANDS) {
                    if (strand.equals("not-sure")) {
                        strandOptions.add(Option.divider());
                        strandOptions.add(Option.exclusive(strand, forms.t("hate.strand." + strand)));
                    } else {
                        strandOptions.add(Option.of(strand, forms.t("hate.strand." + strand)));
                    }
                }
                model.addAttribute("strandOptions", strandOptions);
                model.addAttribute("strands", a.getAll("strands"));
                model.addAttribute("typeOptions", INCIDENT_TYPES.stream()
                        .map(type -> Option.of(type, forms.t("hate.type." + type)))
                        .toList());
            }
            case WHERE -> {
                List<Option> boroughOptions = new ArrayList<>();
                boroughOptions.add(Option.of("", forms.t("hate.where.borough.choose")));
                boroughs.all().forEach(b -> boroughOptions.add(Option.of(b.code(), b.name())));
                model.addAttribute("boroughOptions", boroughOptions);
                model.addAttribute("whereOptions", List.of(Option.of("borough", forms.t("hate.where.option.borough")),
                        Option.of("postcode", forms.t("hate.where.option.postcode")), Option.divider(),
                        Option.of("unknown", forms.t("hate.where.option.unknown"))));
            }
            case WHEN -> model.addAttribute("notSure", a.getAll("whenNotSure"));
            case CONTACT -> model.addAttribute("contactOptions", List.of(
                    Option.of("no", forms.t("hate.contact.option.no"), forms.t("hate.contact.option.no.hint")),
                    Option.of("yes", forms.t("hate.contact.option.yes"))));
            default -> {
            }
        }
        model.addAttribute("f", fields);
        model.addAttribute("errors", summary);
        model.addAttribute("action", step.path() + (change ? "?change" : ""));
        model.addAttribute("back", change ? CHECK
                : step == Step.WHAT ? "/report-hate" : Step.values()[step.ordinal() - 1].path());
        return "pages/intake/hate/" + step.slug;
    }

    private String checkPage(Answers a, List<ErrorItem> errors, String token, Model model) {
        HateReportDetails d = details(a);
        String notGiven = forms.t("hate.check.not-given");
        List<SummaryRow> rows = new ArrayList<>();
        rows.add(row("strands", String.join(", ", d.strands().stream()
                .map(s -> STRANDS.contains(s) ? forms.t("hate.strand." + s) : s).toList()), Step.WHAT, notGiven));
        rows.add(row("incidentType", INCIDENT_TYPES.contains(d.incidentType())
                ? forms.t("hate.type." + d.incidentType()) : d.incidentType(), Step.WHAT, notGiven));
        rows.add(row("onlineAddress", d.onlineAddress(), Step.WHAT, notGiven));
        String where = switch (d.where()) {
            case "borough" -> boroughs.byCode(d.boroughCode()).map(b -> b.name()).orElse("");
            case "postcode" -> d.postcode();
            case "unknown" -> forms.t("hate.where.option.unknown");
            default -> "";
        };
        rows.add(row("where", where, Step.WHERE, notGiven));
        String when = !a.getAll("whenNotSure").isEmpty() ? forms.t("hate.when.not-sure")
                : d.occurredOn() == null ? "" : ReportForms.format(d.occurredOn());
        rows.add(row("when", when, Step.WHEN, notGiven));
        if (d.contact() == null) {
            rows.add(row("contactWanted", forms.t("hate.contact.option.no"), Step.CONTACT, notGiven));
        } else {
            rows.add(row("contactName", d.contact().name(), Step.CONTACT, notGiven));
            rows.add(row("contactEmail", d.contact().email(), Step.CONTACT, notGiven));
            rows.add(row("contactPhone", d.contact().phone(), Step.CONTACT, notGiven));
        }
        rows.add(row("description", d.description(), Step.DESCRIPTION, notGiven));
        model.addAttribute("rows", rows);
        model.addAttribute("errors", errors);
        model.addAttribute("token", token);
        return "pages/intake/hate/checkAnswers";
    }

    private SummaryRow row(String field, String value, Step step, String notGiven) {
        String label = forms.t("hate.check." + field);
        return SummaryRow.withChange(label, value == null || value.isBlank() ? notGiven : value,
                step.path() + "?change#" + anchor(field), label);
    }

    private static String anchor(String field) {
        return field.equals("when") ? "when-day" : field;
    }
}
