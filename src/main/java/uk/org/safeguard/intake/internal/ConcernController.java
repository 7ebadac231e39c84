package uk.org.safeguard.intake.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.org.safeguard.geography.Borough;
import uk.org.safeguard.geography.Boroughs;
import uk.org.safeguard.intake.SubmissionKind;
import uk.org.safeguard.intake.internal.AbuseGuard.Verdict;
import uk.org.safeguard.intake.internal.ConcernQuestions.Step;
import uk.org.safeguard.intake.internal.Drafts.Draft;
import uk.org.safeguard.web.ErrorItem;
import uk.org.safeguard.web.Field;
import uk.org.safeguard.web.Option;
import uk.org.safeguard.web.SummaryRow;

import static uk.org.safeguard.intake.internal.ConcernQuestions.*;

/**
 * Sharing a concern without an account: a start page, one question a page, check answers, confirmation.
 * Every answer posted is kept in the journey's encrypted draft before it is checked, so nothing typed is
 * lost when it fails, and a person can save and come back with a code for 7 days. The reference and the
 * follow-up code are shown once, from a flash attribute, never in a URL. Nothing typed goes into the
 * HTTP session or a log.
 */
@Controller
class ConcernController {

    static final String CHECK_ANSWERS = "/concern/check-answers";
    static final String ATTACHMENTS = "/concern/attachments";
    private static final String CHANGE = "change";
    private static final String VIEWS = "pages/intake/concern/";

    private final Drafts drafts;
    private final ConcernQuestions questions;
    private final Submissions submissions;
    private final BoroughRouting routing;
    private final Boroughs boroughs;
    private final AbuseGuard abuseGuard;
    private final MessageSource messages;

    private final Attachments attachments;

    ConcernController(Drafts drafts, ConcernQuestions questions, Submissions submissions, BoroughRouting routing,
            Boroughs boroughs, AbuseGuard abuseGuard, MessageSource messages, Attachments attachments) {
        this.attachments = attachments;
        this.drafts = drafts;
        this.questions = questions;
        this.submissions = submissions;
        this.routing = routing;
        this.boroughs = boroughs;
        this.abuseGuard = abuseGuard;
        this.messages = messages;
    }

    @GetMapping("/concern")
    String start() {
        return VIEWS + "start";
    }

    @GetMapping({"/concern/about", "/concern/danger", "/concern/relationship", "/concern/age", "/concern/where",
            "/concern/noticed", "/concern/since", "/concern/online", "/concern/children", "/concern/others-know",
            "/concern/contact"})
    String question(@RequestParam(name = CHANGE, required = false) String change, HttpServletRequest request,
            Model model) {
        Step step = step(request);
        Answers answers = drafts.find(request, Journey.CONCERN).map(Draft::answers).orElseGet(Answers::new);
        return render(step, answers, Map.of(), "true".equals(change), model);
    }

    @PostMapping({"/concern/about", "/concern/danger", "/concern/relationship", "/concern/age", "/concern/where",
            "/concern/noticed", "/concern/since", "/concern/online", "/concern/children", "/concern/others-know",
            "/concern/contact"})
    String answer(@RequestParam(name = CHANGE, required = false) String changeParameter,
            @RequestParam(name = "action", required = false) String action, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Step step = step(request);
        boolean change = "true".equals(changeParameter);
        Draft draft = drafts.findOrStart(request, response, Journey.CONCERN);
        Answers answers = draft.answers();
        for (String name : step.single()) {
            String value = request.getParameter(name);
            answers.put(name, value == null ? "" : value);
        }
        for (String name : step.multiple()) {
            String[] values = request.getParameterValues(name);
            answers.putAll(name, values == null ? List.of() : Arrays.asList(values));
        }
        if ("save".equals(action)) {
            redirect.addFlashAttribute("resumeCode", drafts.saveForLater(draft));
            return "redirect:/concern/saved";
        }
        drafts.save(draft);
        Map<String, String> errors = questions.errors(step, answers);
        if (!errors.isEmpty()) {
            return render(step, answers, errors, change, model);
        }
        if (step == Step.DANGER_STEP && "yes".equals(answers.get(DANGER))) {
            return "redirect:/concern/call-999" + (change ? "?change=true" : "");
        }
        return "redirect:" + after(step, answers, change);
    }

    @GetMapping("/concern/call-999")
    String callNineNineNine(@RequestParam(name = CHANGE, required = false) String change, HttpServletRequest request,
            Model model) {
        Answers answers = drafts.find(request, Journey.CONCERN).map(Draft::answers).orElseGet(Answers::new);
        model.addAttribute("continueHref", after(Step.DANGER_STEP, answers, "true".equals(change)));
        return VIEWS + "call999";
    }

    @GetMapping(CHECK_ANSWERS)
    String checkAnswers(HttpServletRequest request, Model model) {
        Optional<Draft> draft = drafts.find(request, Journey.CONCERN);
        if (draft.isEmpty()) {
            return "redirect:/concern";
        }
        Optional<Step> missing = questions.firstIncomplete(draft.get().answers());
        if (missing.isPresent()) {
            return "redirect:" + missing.get().path();
        }
        return checkAnswersPage(draft.get(), abuseGuard.issueToken(), null, model);
    }

    @PostMapping(CHECK_ANSWERS)
    String submit(@RequestParam(name = AbuseGuard.TOKEN_FIELD, required = false) String token,
            @RequestParam(name = AbuseGuard.NONCE_FIELD, required = false) String nonce,
            @RequestParam(name = AbuseGuard.HONEYPOT_FIELD, required = false) String honeypot,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Optional<Draft> found = drafts.find(request, Journey.CONCERN);
        if (found.isEmpty()) {
            return "redirect:/concern";
        }
        Draft draft = found.get();
        Optional<Step> missing = questions.firstIncomplete(draft.answers());
        if (missing.isPresent()) {
            return "redirect:" + missing.get().path();
        }
        Verdict verdict = abuseGuard.check(request.getRemoteAddr(), token, nonce, honeypot, draft.createdAt());
        if (!verdict.accepted()) {
            String again = verdict == Verdict.TOO_QUICK ? token : abuseGuard.issueToken();
            return checkAnswersPage(draft, again, verdict.messageKey(), model);
        }
        Answers answers = draft.answers();
        ConcernDetails details = ConcernQuestions.details(answers);
        String borough = details.whereUnknown() ? null : routing.route(details.postcode(), details.boroughCode());
        String language = LocaleContextHolder.getLocale().toLanguageTag();
        Receipt receipt = submissions.submitDraft(new NewSubmission(SubmissionKind.CONCERN, Channel.PUBLIC, borough,
                details.immediateDanger(), details.anonymous(), language, details, null, false, true), draft.id());
        drafts.discard(draft, request, response);
        redirect.addFlashAttribute("reference", receipt.reference());
        redirect.addFlashAttribute("followUpCode", receipt.followUpCode());
        redirect.addFlashAttribute("urgent", details.immediateDanger());
        return "redirect:/concern/confirmation";
    }

    @GetMapping("/concern/confirmation")
    String confirmation(Model model) {
        Object reference = model.getAttribute("reference");
        Object code = model.getAttribute("followUpCode");
        if (!(reference instanceof String) || !(code instanceof String)) {
            return VIEWS + "confirmationGone";
        }
        model.addAttribute("urgent", Boolean.TRUE.equals(model.getAttribute("urgent")));
        return VIEWS + "confirmation";
    }

    /** The reference and code as a small text file to keep; only for a pair that opens a submission. */
    @PostMapping("/concern/confirmation/save")
    ResponseEntity<byte[]> saveReceipt(@RequestParam(name = "reference", required = false) String reference,
            @RequestParam(name = "code", required = false) String code) {
        if (reference == null || code == null || submissions.open(reference, code).isEmpty()) {
            return ResponseEntity.notFound().cacheControl(CacheControl.noStore()).build();
        }
        String text = String.join("\r\n", t("intake.concern.receipt.file.heading"), "",
                t("intake.concern.confirmation.reference") + ": " + Codes.normaliseReference(reference),
                t("intake.concern.confirmation.code") + ": " + code.strip(), "",
                t("intake.concern.receipt.file.keep"), t("intake.concern.receipt.file.followUp"), "");
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("safeguard-concern.txt").build().toString())
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(text.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/concern/saved")
    String saved(Model model) {
        if (!(model.getAttribute("resumeCode") instanceof String)) {
            model.addAttribute("resumeCode", null);
        }
        return VIEWS + "saved";
    }

    @GetMapping("/concern/resume")
    String resume(Model model) {
        return resumePage(Field.blank("code"), model);
    }

    @PostMapping("/concern/resume")
    String resumeWith(@RequestParam(name = "code", required = false) String code, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        if (code == null || code.isBlank()) {
            return resumePage(Field.of("code", code, t("intake.concern.resume.error")), model);
        }
        Optional<Draft> draft = drafts.resume(code, Journey.CONCERN, request, response);
        if (draft.isEmpty()) {
            return resumePage(Field.of("code", code, t("intake.concern.resume.notFound")), model);
        }
        return "redirect:" + questions.firstIncomplete(draft.get().answers()).map(Step::path).orElse(CHECK_ANSWERS);
    }

    /** Where a valid answer goes: on to the next question, or, when changing an answer, back to check answers. */
    private String after(Step step, Answers answers, boolean change) {
        if (change) {
            return questions.firstIncomplete(answers).map(Step::path).orElse(CHECK_ANSWERS);
        }
        return ConcernQuestions.next(step, answers).map(Step::path).orElse(ATTACHMENTS);
    }

    private static Step step(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return Step.ofPath(path).orElseThrow();
    }

    // Pages

    private String render(Step step, Answers answers, Map<String, String> errorKeys, boolean change, Model model) {
        boolean self = aboutThemselves(answers);
        String p = step.messages();
        String back = change ? CHECK_ANSWERS : ConcernQuestions.previous(step, answers).map(Step::path).orElse("/concern");
        model.addAttribute("backHref", back);
        model.addAttribute("action", step.path());
        model.addAttribute("change", change);
        List<ErrorItem> errors = new ArrayList<>();
        errorKeys.forEach((id, key) -> errors.add(new ErrorItem("#" + id, t(key))));
        model.addAttribute("errors", errors);
        switch (step) {
            case ABOUT_STEP -> {
                List<Option> options = List.of(Option.of(SOMEONE_ELSE, t(p + "someoneElse")),
                        Option.of(MYSELF, t(p + "myself"), t(p + "myself.hint")));
                return choice(model, field(ABOUT, answers, errorKeys), t(p + "title"), null, options);
            }
            case DANGER_STEP -> {
                return choice(model, field(DANGER, answers, errorKeys), t(p + "title"), t(p + "hint"),
                        options(p, DANGER_VALUES));
            }
            case RELATIONSHIP_STEP -> {
                choice(model, field(RELATIONSHIP, answers, errorKeys), t(p + "title"), null,
                        options(p, RELATIONSHIP_VALUES));
                extra(model, field(RELATIONSHIP_OTHER, answers, errorKeys), t(p + "otherText"), null, false);
                return VIEWS + "choice";
            }
            case AGE_STEP -> {
                List<Option> options = new ArrayList<>(options(p, AGE_VALUES.subList(0, AGE_VALUES.size() - 1)));
                options.add(Option.divider());
                options.add(Option.of("dont-know", t(p + "dont-know")));
                return choice(model, field(AGE, answers, errorKeys), t(p + (self ? "title.self" : "title")),
                        t(p + "hint"), options);
            }
            case WHERE_STEP -> {
                model.addAttribute("title", t(p + (self ? "title.self" : "title")));
                model.addAttribute("self", self);
                model.addAttribute("postcode", field(POSTCODE, answers, errorKeys));
                model.addAttribute("borough", field(BOROUGH, answers, errorKeys));
                model.addAttribute("unknown", field(WHERE_UNKNOWN, answers, errorKeys));
                model.addAttribute("unknownValues", answers.getAll(WHERE_UNKNOWN));
                List<Option> boroughOptions = new ArrayList<>();
                boroughOptions.add(Option.of("", t(p + "borough.none")));
                for (Borough borough : boroughs.all()) {
                    boroughOptions.add(Option.of(borough.code(), borough.name()));
                }
                model.addAttribute("boroughOptions", boroughOptions);
                return VIEWS + "where";
            }
            case NOTICED_STEP -> {
                model.addAttribute("title", t(p + (self ? "title.self" : "title")));
                List<String> legends = new ArrayList<>();
                List<Field> fields = new ArrayList<>();
                List<List<Option>> groupOptions = new ArrayList<>();
                boolean first = true;
                for (Map.Entry<String, List<String>> group : NOTICED_GROUPS.entrySet()) {
                    legends.add(t(p + group.getKey()));
                    String id = first ? NOTICED : NOTICED + "-" + group.getKey();
                    fields.add(new Field(NOTICED, id, null, first && errorKeys.containsKey(NOTICED)
                            ? t(errorKeys.get(NOTICED)) : null));
                    groupOptions.add(options(p, group.getValue()));
                    first = false;
                }
                model.addAttribute("legends", legends);
                model.addAttribute("groups", fields);
                model.addAttribute("groupOptions", groupOptions);
                model.addAttribute("values", answers.getAll(NOTICED));
                model.addAttribute("details", field(NOTICED_DETAILS, answers, errorKeys));
                model.addAttribute("maxlength", LONG_TEXT);
                return VIEWS + "noticed";
            }
            case SINCE_STEP -> {
                List<Option> options = new ArrayList<>(options(p, SINCE_VALUES.subList(0, SINCE_VALUES.size() - 1)));
                options.add(Option.divider());
                options.add(Option.of("dont-know", t(p + "dont-know")));
                return choice(model, field(SINCE, answers, errorKeys), t(p + "title"), null, options);
            }
            case ONLINE_STEP -> {
                List<Option> options = new ArrayList<>(options(p, ONLINE_VALUES));
                options.add(Option.divider());
                options.add(Option.exclusive(ONLINE_NONE, t(p + ONLINE_NONE)));
                checkboxes(model, field(ONLINE, answers, errorKeys), answers.getAll(ONLINE), t(p + "title"),
                        t(p + "hint"), options);
                extra(model, field(ONLINE_DETAILS, answers, errorKeys), t(p + "details"), t(p + "details.hint"), true);
                return VIEWS + "choice";
            }
            case CHILDREN_STEP -> {
                return choice(model, field(CHILDREN, answers, errorKeys), t(p + "title"), t(p + "hint"),
                        options(p, CHILDREN_VALUES));
            }
            case OTHERS_KNOW_STEP -> {
                List<Option> options = new ArrayList<>(options(p, OTHERS_KNOW_VALUES));
                options.add(Option.divider());
                options.add(Option.exclusive(NOBODY, t(p + NOBODY)));
                checkboxes(model, field(OTHERS_KNOW, answers, errorKeys), answers.getAll(OTHERS_KNOW), t(p + "title"),
                        t(p + "hint"), options);
                return VIEWS + "choice";
            }
            case CONTACT_STEP -> {
                model.addAttribute("title", t(p + "title"));
                Field named = field(NAMED, answers, errorKeys);
                if (!answers.has(NAMED)) {
                    named = Field.of(NAMED, "no", null); // anonymous unless the person chooses otherwise
                }
                model.addAttribute("named", named);
                model.addAttribute("namedOptions", options(p, NAMED_VALUES));
                model.addAttribute("name", field(NAME, answers, errorKeys));
                model.addAttribute("email", field(EMAIL, answers, errorKeys));
                model.addAttribute("phone", field(PHONE, answers, errorKeys));
                model.addAttribute("bestTime", field(BEST_TIME, answers, errorKeys));
                return VIEWS + "contact";
            }
        }
        throw new IllegalStateException("No page for " + step);
    }

    private String choice(Model model, Field field, String legend, String hint, List<Option> options) {
        model.addAttribute("title", legend);
        model.addAttribute("legend", legend);
        model.addAttribute("hint", hint);
        model.addAttribute("field", field);
        model.addAttribute("options", options);
        model.addAttribute("multiple", false);
        model.addAttribute("values", List.of());
        return VIEWS + "choice";
    }

    private void checkboxes(Model model, Field field, List<String> values, String legend, String hint,
            List<Option> options) {
        choice(model, field, legend, hint, options);
        model.addAttribute("multiple", true);
        model.addAttribute("values", values);
    }

    private static void extra(Model model, Field field, String label, String hint, boolean longText) {
        model.addAttribute("extra", field);
        model.addAttribute("extraLabel", label);
        model.addAttribute("extraHint", hint);
        model.addAttribute("extraLong", longText);
        model.addAttribute("maxlength", longText ? LONG_TEXT : SHORT_TEXT);
    }

    private Field field(String name, Answers answers, Map<String, String> errorKeys) {
        String error = errorKeys.containsKey(name) ? t(errorKeys.get(name)) : null;
        return Field.of(name, answers.has(name) ? answers.get(name) : null, error);
    }

    private List<Option> options(String prefix, List<String> values) {
        return values.stream().map(v -> Option.of(v, t(prefix + v))).toList();
    }

    private String checkAnswersPage(Drafts.Draft draft, String token, String errorKey, Model model) {
        Answers a = draft.answers();
        boolean self = aboutThemselves(a);
        List<SummaryRow> concern = new ArrayList<>();
        row(concern, "about", label(Step.ABOUT_STEP, a.get(ABOUT).equals(MYSELF) ? "myself" : "someoneElse"),
                Step.ABOUT_STEP);
        row(concern, "danger", label(Step.DANGER_STEP, a.get(DANGER)), Step.DANGER_STEP);
        if (!self) {
            String relationship = label(Step.RELATIONSHIP_STEP, a.get(RELATIONSHIP));
            if ("other".equals(a.get(RELATIONSHIP))) {
                relationship = relationship + ": " + a.get(RELATIONSHIP_OTHER);
            }
            row(concern, "relationship", relationship, Step.RELATIONSHIP_STEP);
        }
        row(concern, self ? "age.self" : "age", label(Step.AGE_STEP, a.get(AGE)), Step.AGE_STEP);
        row(concern, self ? "where.self" : "where", where(a, self), Step.WHERE_STEP);
        row(concern, "noticed", labels(Step.NOTICED_STEP, a.getAll(NOTICED).stream()
                .filter(NOTICED_VALUES::contains).toList()), Step.NOTICED_STEP);
        row(concern, "noticedDetails", orNotGiven(a.get(NOTICED_DETAILS)), Step.NOTICED_STEP);
        row(concern, "since", label(Step.SINCE_STEP, a.get(SINCE)), Step.SINCE_STEP);
        row(concern, "online", labels(Step.ONLINE_STEP, a.getAll(ONLINE)), Step.ONLINE_STEP);
        row(concern, "onlineDetails", orNotGiven(a.get(ONLINE_DETAILS)), Step.ONLINE_STEP);
        row(concern, "children", label(Step.CHILDREN_STEP, a.get(CHILDREN)), Step.CHILDREN_STEP);
        row(concern, "othersKnow", labels(Step.OTHERS_KNOW_STEP, a.getAll(OTHERS_KNOW)), Step.OTHERS_KNOW_STEP);
        List<String> files = attachments.ofDraft(draft.id()).stream().map(Attachments.AttachmentInfo::name).toList();
        String filesLabel = t("attachments.added.heading");
        concern.add(SummaryRow.withChange(filesLabel, files.isEmpty() ? t("intake.concern.answer.none")
                : String.join(", ", files), ATTACHMENTS + "?change=true", filesLabel));

        List<SummaryRow> you = new ArrayList<>();
        if ("yes".equals(a.get(NAMED))) {
            row(you, "contact", label(Step.CONTACT_STEP, "yes"), Step.CONTACT_STEP);
            row(you, "name", a.get(NAME), Step.CONTACT_STEP);
            row(you, "email", orNotGiven(a.get(EMAIL).strip()), Step.CONTACT_STEP);
            row(you, "phone", orNotGiven(a.get(PHONE).strip()), Step.CONTACT_STEP);
            row(you, "bestTime", orNotGiven(a.get(BEST_TIME)), Step.CONTACT_STEP);
        } else {
            row(you, "contact", t("intake.concern.check.anonymous"), Step.CONTACT_STEP);
        }
        model.addAttribute("concernRows", concern);
        model.addAttribute("youRows", you);
        model.addAttribute("token", token);
        model.addAttribute("errors", errorKey == null ? List.<ErrorItem>of()
                : List.of(new ErrorItem("#send", t(errorKey))));
        return VIEWS + "checkAnswers";
    }

    private void row(List<SummaryRow> rows, String key, String value, Step step) {
        String label = t("intake.concern.check." + key);
        rows.add(SummaryRow.withChange(label, value, step.path() + "?change=true", label));
    }

    private String where(Answers a, boolean self) {
        if (!a.getAll(WHERE_UNKNOWN).isEmpty()) {
            return t("intake.concern.where." + (self ? "unknown.self" : "unknown"));
        }
        List<String> parts = new ArrayList<>();
        if (!a.get(POSTCODE).isBlank()) {
            parts.add(a.get(POSTCODE).strip());
        }
        if (!a.get(BOROUGH).isBlank()) {
            boroughs.byCode(a.get(BOROUGH)).ifPresent(b -> parts.add(b.name()));
        }
        return String.join(", ", parts);
    }

    private String label(Step step, String value) {
        return t(step.messages() + value);
    }

    private String labels(Step step, List<String> values) {
        if (values.isEmpty()) {
            return t("intake.concern.answer.none");
        }
        return values.stream().map(v -> label(step, v)).collect(Collectors.joining(", "));
    }

    private String orNotGiven(String value) {
        return value == null || value.isBlank() ? t("intake.concern.check.notGiven") : value;
    }

    private String resumePage(Field field, Model model) {
        model.addAttribute("code", field);
        model.addAttribute("errors", field.hasError() ? List.of(ErrorItem.of(field)) : List.<ErrorItem>of());
        return VIEWS + "resume";
    }

    private String t(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
