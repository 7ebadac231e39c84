package uk.org.safeguard.intake.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.org.safeguard.geography.PostcodeLookup;
import uk.org.safeguard.geography.PostcodeResult;
import uk.org.safeguard.intake.SubmissionKind;
import uk.org.safeguard.web.DateField;
import uk.org.safeguard.web.ErrorItem;
import uk.org.safeguard.web.Field;
import uk.org.safeguard.web.Option;
import uk.org.safeguard.web.SummaryRow;

/**
 * The professional referral ({@code /refer}): the fields of {@link ReferralDetails} on a few question pages,
 * each page checking its own fields with {@link ReferralRules}, then the attachments step, check answers
 * and submit. The answers live in a draft ({@link Drafts}), kept even when they fail validation. Once
 * submitted, the referral waits for its referrer to confirm their email address by the link emailed to
 * them ({@link ReferralConfirmations}); only then is it routed.
 */
@Controller
class ReferralController {

    /** A question page and the form fields it asks, in order. */
    enum Step {
        PERSON("person", List.of("personName", "dob", "address", "postcode", "gender", "school")),
        YOU("you", List.of("referrerName", "organisation", "role", "email", "phone", "relationship")),
        CONCERN("concern", List.of("howConcernArose", "indicators", "ideology", "online", "contacts", "threats")),
        NEEDS("needs", List.of("send", "otherConcerns", "discussedPerson", "discussedParents", "agencies")),
        FEARS("fears", List.of("fears"));

        final String slug;
        final List<String> fields;

        Step(String slug, List<String> fields) {
            this.slug = slug;
            this.fields = fields;
        }

        String path() {
            return "/refer/" + slug;
        }

        static Optional<Step> of(String path) {
            for (Step step : values()) {
                if (step.path().equals(path)) {
                    return Optional.of(step);
                }
            }
            return Optional.empty();
        }

        static Step owning(String field) {
            for (Step step : values()) {
                if (step.fields.contains(field)) {
                    return step;
                }
            }
            return PERSON;
        }
    }

    /** Form field of each field {@link ReferralRules} names. */
    static final Map<String, String> FORM_FIELDS = Map.ofEntries(Map.entry("person", "personName"),
            Map.entry("person.fullName", "personName"), Map.entry("person.dateOfBirth", "dob"),
            Map.entry("person.address", "address"), Map.entry("person.postcode", "postcode"),
            Map.entry("person.gender", "gender"), Map.entry("person.schoolOrWorkplace", "school"),
            Map.entry("referrer.fullName", "referrerName"), Map.entry("referrer.organisation", "organisation"),
            Map.entry("referrer.role", "role"), Map.entry("referrer.email", "email"),
            Map.entry("referrer.phone", "phone"), Map.entry("relationship", "relationship"),
            Map.entry("howConcernArose", "howConcernArose"), Map.entry("indicators", "indicators"),
            Map.entry("ideologyOrGroup", "ideology"), Map.entry("onlineActivity", "online"),
            Map.entry("worryingContacts", "contacts"), Map.entry("threats", "threats"),
            Map.entry("sendOrDisability", "send"), Map.entry("otherSafeguardingConcerns", "otherConcerns"),
            Map.entry("discussedWithPerson", "discussedPerson"), Map.entry("discussedWithParents", "discussedParents"),
            Map.entry("otherAgencies", "agencies"), Map.entry("fears", "fears"));

    static final String ATTACHMENTS = "/refer/attachments";
    static final String CHECK = "/refer/check-answers";

    private final Drafts drafts;
    private final Submissions submissions;
    private final BoroughRouting routing;
    private final PostcodeLookup postcodes;
    private final AbuseGuard abuseGuard;
    private final ReferralConfirmations confirmations;
    private final ReportForms forms;
    private final Clock clock;

    ReferralController(Drafts drafts, Submissions submissions, BoroughRouting routing, PostcodeLookup postcodes,
            AbuseGuard abuseGuard, ReferralConfirmations confirmations, ReportForms forms, Clock clock) {
        this.drafts = drafts;
        this.submissions = submissions;
        this.routing = routing;
        this.postcodes = postcodes;
        this.abuseGuard = abuseGuard;
        this.confirmations = confirmations;
        this.forms = forms;
        this.clock = clock;
    }

    @GetMapping("/refer")
    String start() {
        return "pages/intake/refer/start";
    }

    @GetMapping({"/refer/person", "/refer/you", "/refer/concern", "/refer/needs", "/refer/fears"})
    String question(@RequestParam(name = "change", required = false) String change, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Step step = Step.of(request.getServletPath()).orElseThrow();
        Drafts.Draft draft = drafts.findOrStart(request, response, Journey.REFERRAL);
        return page(step, draft.answers(), Map.of(), change != null, model);
    }

    @PostMapping({"/refer/person", "/refer/you", "/refer/concern", "/refer/needs", "/refer/fears"})
    String answer(@RequestParam MultiValueMap<String, String> form, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Step step = Step.of(request.getServletPath()).orElseThrow();
        boolean change = form.containsKey("change");
        Drafts.Draft draft = drafts.findOrStart(request, response, Journey.REFERRAL);
        Answers answers = draft.answers();
        ReportForms.read(form, answers, step.fields, Set.of("dob"), Set.of("indicators"));
        drafts.save(draft);
        Map<String, String> errors = problems(answers, step);
        if (!errors.isEmpty()) {
            return page(step, answers, errors, change, model);
        }
        if (change) {
            return "redirect:" + CHECK;
        }
        return "redirect:" + (step == Step.FEARS ? ATTACHMENTS : Step.values()[step.ordinal() + 1].path());
    }

    @GetMapping(CHECK)
    String check(HttpServletRequest request, Model model) {
        Optional<Drafts.Draft> draft = drafts.find(request, Journey.REFERRAL);
        if (draft.isEmpty()) {
            return "redirect:/refer";
        }
        return checkPage(draft.get().answers(), List.of(), abuseGuard.issueToken(), model);
    }

    @PostMapping(CHECK)
    String submit(@RequestParam(name = AbuseGuard.TOKEN_FIELD, required = false) String token,
            @RequestParam(name = AbuseGuard.NONCE_FIELD, required = false) String nonce,
            @RequestParam(name = AbuseGuard.HONEYPOT_FIELD, required = false) String honeypot,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect, Model model) {
        Optional<Drafts.Draft> found = drafts.find(request, Journey.REFERRAL);
        if (found.isEmpty()) {
            return "redirect:/refer";
        }
        Drafts.Draft draft = found.get();
        Answers answers = draft.answers();
        ReportForms.Gate gate = forms.gate(List.of(Step.values()), step -> problems(answers, step), Step::path,
                ReferralController::anchor, request.getRemoteAddr(), draft.id(), token, nonce, honeypot);
        if (!gate.passed()) {
            return checkPage(answers, gate.errors(), gate.token(), model);
        }
        ReferralDetails details = details(answers);
        String linkToken = ReferralConfirmations.newToken();
        Receipt receipt = submissions.submitDraft(new NewSubmission(SubmissionKind.REFERRAL, Channel.PROFESSIONAL,
                routing.route(details.person().postcode(), null), false, false, ReportForms.language(), details, null,
                true, true), draft.id(), r -> confirmations.store(r.id(), linkToken));
        drafts.discard(draft, request, response);
        confirmations.send(details.referrer().email(), receipt.reference(), linkToken);
        redirect.addFlashAttribute("reference", receipt.reference());
        redirect.addFlashAttribute("followUpCode", receipt.followUpCode());
        return "redirect:/refer/confirmation";
    }

    @GetMapping("/refer/confirmation")
    String confirmation(Model model) {
        if (!model.containsAttribute("reference")) {
            return "pages/intake/refer/shownOnce";
        }
        return "pages/intake/refer/confirmation";
    }

    @GetMapping("/refer/confirm/{token}")
    String confirm(@PathVariable String token, Model model) {
        Optional<String> reference = confirmations.use(token);
        if (reference.isEmpty()) {
            return "pages/intake/refer/linkExpired";
        }
        model.addAttribute("reference", reference.get());
        return "pages/intake/refer/confirmed";
    }

    /** The referral as the answers so far make it: a date of birth only when it is a real one. */
    ReferralDetails details(Answers a) {
        LocalDate born = ReportForms.readDate(a.get("dob-day"), a.get("dob-month"), a.get("dob-year")).date();
        return new ReferralDetails(
                new ReferralDetails.Person(a.get("personName"), born, ReportForms.blankToNull(a.get("address")),
                        ReportForms.blankToNull(a.get("postcode")), ReportForms.blankToNull(a.get("gender")),
                        ReportForms.blankToNull(a.get("school"))),
                new ReferralDetails.Referrer(a.get("referrerName"), a.get("organisation"), a.get("role"),
                        a.get("email"), a.get("phone")),
                a.get("relationship"), a.get("howConcernArose"), a.getAll("indicators"),
                ReportForms.blankToNull(a.get("ideology")), ReportForms.blankToNull(a.get("online")),
                ReportForms.blankToNull(a.get("contacts")), ReportForms.blankToNull(a.get("threats")),
                ReportForms.blankToNull(a.get("send")), ReportForms.blankToNull(a.get("otherConcerns")),
                ReportForms.blankToNull(a.get("discussedPerson")), ReportForms.blankToNull(a.get("discussedParents")),
                ReportForms.blankToNull(a.get("agencies")), a.get("fears"));
    }

    /** The error message of each field of {@code step} in error, in the page's order. */
    private Map<String, String> problems(Answers answers, Step step) {
        Map<String, String> found = new LinkedHashMap<>();
        if (step == Step.PERSON) {
            ReportForms.TypedDate dob = ReportForms.readDate(answers.get("dob-day"), answers.get("dob-month"),
                    answers.get("dob-year"));
            if (dob.problem() != null && !dob.empty()) {
                found.put("dob", forms.t("referral.error.date-of-birth-" + dob.problem()));
            }
            String postcode = answers.get("postcode");
            if (!postcode.isBlank() && postcode.length() <= 10
                    && postcodes.lookup(postcode) instanceof PostcodeResult.Invalid) {
                found.put("postcode", forms.t("referral.error.postcode"));
            }
        }
        for (ReferralRules.Problem problem : ReferralRules.check(details(answers), clock)) {
            String field = FORM_FIELDS.getOrDefault(problem.field(), "personName");
            if (step.fields.contains(field)) {
                found.putIfAbsent(field, forms.t(problem.messageKey()));
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String field : step.fields) {
            if (found.containsKey(field)) {
                ordered.put(field, found.get(field));
            }
        }
        return ordered;
    }

    private String page(Step step, Answers answers, Map<String, String> errors, boolean change, Model model) {
        Map<String, Field> fields = new LinkedHashMap<>();
        List<ErrorItem> summary = new ArrayList<>();
        for (String name : step.fields) {
            if (name.equals("dob")) {
                ReportForms.TypedDate typed = ReportForms.readDate(answers.get("dob-day"), answers.get("dob-month"),
                        answers.get("dob-year"));
                DateField dob = new DateField("dob", "dob", answers.get("dob-day"), answers.get("dob-month"),
                        answers.get("dob-year"), errors.get("dob"), typed.parts());
                model.addAttribute("dob", dob);
                if (dob.hasError()) {
                    summary.add(ErrorItem.of(dob));
                }
                continue;
            }
            Field field = Field.of(name, answers.get(name), errors.get(name));
            fields.put(name, field);
            if (field.hasError()) {
                summary.add(ErrorItem.of(field));
            }
        }
        if (step == Step.CONCERN) {
            model.addAttribute("indicatorOptions", ReferralRules.INDICATORS.stream()
                    .map(code -> Option.of(code, forms.t("referral.indicator." + code))).toList());
            model.addAttribute("indicators", answers.getAll("indicators"));
        }
        model.addAttribute("f", fields);
        model.addAttribute("errors", summary);
        model.addAttribute("action", step.path() + (change ? "?change" : ""));
        model.addAttribute("change", change);
        model.addAttribute("back", change ? CHECK : step == Step.PERSON ? "/refer" : Step.values()[step.ordinal() - 1].path());
        return "pages/intake/refer/" + step.slug;
    }

    private String checkPage(Answers a, List<ErrorItem> errors, String token, Model model) {
        ReferralDetails details = details(a);
        Map<String, List<SummaryRow>> sections = new LinkedHashMap<>();
        for (Step step : Step.values()) {
            List<SummaryRow> rows = new ArrayList<>();
            for (String field : step.fields) {
                String value;
                if (field.equals("dob")) {
                    value = details.person().dateOfBirth() == null ? "" : ReportForms.format(details.person().dateOfBirth());
                } else if (field.equals("indicators")) {
                    value = String.join(", ", a.getAll("indicators").stream()
                            .map(code -> ReferralRules.INDICATORS.contains(code) ? forms.t("referral.indicator." + code) : code)
                            .toList());
                } else {
                    value = a.get(field);
                }
                String label = forms.t("referral.field." + field);
                rows.add(SummaryRow.withChange(label, value.isBlank() ? forms.t("referral.check.not-given") : value,
                        step.path() + "?change#" + anchor(field), label));
            }
            sections.put(forms.t("referral.section." + step.slug), rows);
        }
        model.addAttribute("sections", sections);
        model.addAttribute("errors", errors);
        model.addAttribute("token", token);
        return "pages/intake/refer/checkAnswers";
    }

    private static String anchor(String field) {
        return field.equals("dob") ? "dob-day" : field;
    }
}
