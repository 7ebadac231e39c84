package uk.org.safeguard.casework.internal;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpSession;

import org.springframework.context.annotation.Bean;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import uk.org.safeguard.identity.Permission;
import uk.org.safeguard.identity.StaffAccess;
import uk.org.safeguard.identity.StaffUser;
import uk.org.safeguard.web.DateField;
import uk.org.safeguard.web.ErrorItem;
import uk.org.safeguard.web.Field;
import uk.org.safeguard.web.Option;
import uk.org.safeguard.web.RouteRule;
import uk.org.safeguard.web.TableCell;

/** The DPO's subject access pages: find the person's cases, decide item by item, download PDF and JSON. */
@Controller
class SubjectAccessController {

    private static final String SESSION = SubjectAccessController.class.getName() + ".request";
    private static final java.util.regex.Pattern REQUEST_REF = java.util.regex.Pattern.compile("[A-Za-z0-9-]{1,40}");

    /** The request being worked on: its reference and the cases found, kept in the session, never in a URL. */
    record Request(String requestRef, List<String> cases) implements Serializable {
    }

    private final SubjectAccess subjectAccess;
    private final StaffAccess staff;
    private final CaseworkTexts texts;

    SubjectAccessController(SubjectAccess subjectAccess, StaffAccess staff, CaseworkTexts texts) {
        this.subjectAccess = subjectAccess;
        this.staff = staff;
        this.texts = texts;
    }

    @GetMapping("/staff/subject-access")
    String start(Model model) {
        staff.require(Permission.SUBJECT_ACCESS_MANAGE);
        return searchForm(model, Field.blank("requestRef"), Field.blank("fullName"), DateField.blank("dob"), List.of());
    }

    @PostMapping("/staff/subject-access")
    String search(@RequestParam Map<String, String> form, HttpSession session, Model model) {
        StaffUser user = staff.require(Permission.SUBJECT_ACCESS_MANAGE);
        String requestRef = form.getOrDefault("requestRef", "").strip();
        String fullName = form.getOrDefault("fullName", "").strip();
        String day = form.getOrDefault("dob-day", "").strip();
        String month = form.getOrDefault("dob-month", "").strip();
        String year = form.getOrDefault("dob-year", "").strip();
        String refError = REQUEST_REF.matcher(requestRef).matches() ? null : texts.t("casework.sar.error.requestRef");
        String nameError = fullName.isEmpty() ? texts.t("casework.sar.error.name") : null;
        LocalDate dob = null;
        String dobError = null;
        try {
            dob = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            if (dob.isAfter(LocalDate.now())) {
                dobError = texts.t("casework.sar.error.dobFuture");
            }
        } catch (NumberFormatException | DateTimeException e) {
            dobError = texts.t("casework.sar.error.dob");
        }
        if (refError != null || nameError != null || dobError != null) {
            List<ErrorItem> errors = new ArrayList<>();
            if (refError != null) {
                errors.add(new ErrorItem("#requestRef", refError));
            }
            if (nameError != null) {
                errors.add(new ErrorItem("#fullName", nameError));
            }
            if (dobError != null) {
                errors.add(new ErrorItem("#dob-day", dobError));
            }
            return searchForm(model, Field.of("requestRef", requestRef, refError), Field.of("fullName", fullName, nameError),
                    DateField.of("dob", day, month, year, dobError), errors);
        }
        List<String> found = subjectAccess.find(fullName, dob, requestRef, user.reference());
        session.setAttribute(SESSION, new Request(requestRef, found));
        return "redirect:/staff/subject-access/review";
    }

    @GetMapping("/staff/subject-access/review")
    String review(HttpSession session, Model model) {
        StaffUser user = staff.require(Permission.SUBJECT_ACCESS_MANAGE);
        Request request = (Request) session.getAttribute(SESSION);
        if (request == null) {
            return start(model);
        }
        return reviewPage(model, request, subjectAccess.review(request.cases(), request.requestRef(), user.reference()),
                Map.of(), List.of());
    }

    @PostMapping("/staff/subject-access/review")
    String decide(@RequestParam Map<String, String> form, HttpSession session, Model model) {
        StaffUser user = staff.require(Permission.SUBJECT_ACCESS_MANAGE);
        Request request = (Request) session.getAttribute(SESSION);
        if (request == null) {
            return "redirect:/staff/subject-access";
        }
        List<SubjectAccess.CaseItems> cases = subjectAccess.undecided(request.cases());
        List<SubjectAccess.Decision> decisions = new ArrayList<>();
        List<ErrorItem> errors = new ArrayList<>();
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        for (SubjectAccess.CaseItems items : cases) {
            for (SubjectAccess.Line line : items.lines()) {
                if (line.item().thirdParty) {
                    decisions.add(line.decision());
                    continue;
                }
                String key = key(items.reference(), line.item());
                if (!"WITHHELD".equals(form.get("d-" + key))) {
                    decisions.add(new SubjectAccess.Decision(items.reference(), line.item(), SubjectAccess.Outcome.DISCLOSED,
                            null, null));
                    continue;
                }
                SubjectAccess.Exemption exemption = exemption(form.get("e-" + key));
                String reason = form.getOrDefault("r-" + key, "").strip();
                if (exemption == null) {
                    String message = texts.t("casework.sar.error.exemption", line.label(), items.reference());
                    fieldErrors.put("e-" + key, message);
                    errors.add(new ErrorItem("#e-" + key, message));
                }
                if (reason.isEmpty() || reason.length() > 300) {
                    String message = texts.t(reason.isEmpty() ? "casework.sar.error.reason" : "casework.sar.error.reasonLong",
                            line.label(), items.reference());
                    fieldErrors.put("r-" + key, message);
                    errors.add(new ErrorItem("#r-" + key, message));
                }
                decisions.add(new SubjectAccess.Decision(items.reference(), line.item(), SubjectAccess.Outcome.WITHHELD,
                        exemption, reason));
            }
        }
        if (!errors.isEmpty()) {
            // Shown again: a read of personal data like the first, so audited like it.
            return reviewPage(model, request, subjectAccess.review(request.cases(), request.requestRef(), user.reference()),
                    withErrors(form, fieldErrors), errors);
        }
        long id = subjectAccess.prepare(request.requestRef(), request.cases(), decisions, user.reference());
        session.removeAttribute(SESSION);
        return "redirect:/staff/subject-access/exports/" + id;
    }

    @GetMapping("/staff/subject-access/exports/{id}")
    String export(@PathVariable String id, Model model) {
        staff.require(Permission.SUBJECT_ACCESS_MANAGE);
        SubjectAccess.Export export = subjectAccess.export(exportId(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<List<TableCell>> rows = export.decisions().stream().map(d -> List.of(TableCell.of(d.caseReference()),
                TableCell.of(texts.t("casework.sar.item." + d.item())),
                TableCell.of(texts.t("casework.sar.outcome." + d.outcome())),
                TableCell.of(d.exemption() == null ? "" : texts.t("casework.sar.exemption." + d.exemption())),
                TableCell.of(d.reason() == null ? "" : d.reason()))).toList();
        model.addAttribute("export", new SubjectAccessView(export.id(), export.requestRef()));
        model.addAttribute("rows", rows);
        return "pages/casework/subjectAccessExport";
    }

    @GetMapping("/staff/subject-access/exports/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String id) {
        StaffUser user = staff.require(Permission.SUBJECT_ACCESS_MANAGE);
        SubjectAccess.Export export = subjectAccess.export(exportId(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return download(subjectAccess.pdf(export, user.reference()), MediaType.APPLICATION_PDF,
                "subject-access-" + export.requestRef() + ".pdf");
    }

    @GetMapping("/staff/subject-access/exports/{id}/json")
    ResponseEntity<byte[]> json(@PathVariable String id) {
        StaffUser user = staff.require(Permission.SUBJECT_ACCESS_MANAGE);
        SubjectAccess.Export export = subjectAccess.export(exportId(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return download(subjectAccess.json(export, user.reference()), MediaType.APPLICATION_JSON,
                "subject-access-" + export.requestRef() + ".json");
    }

    private static long exportId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }

    private String searchForm(Model model, Field requestRef, Field fullName, DateField dob, List<ErrorItem> errors) {
        model.addAttribute("requestRef", requestRef);
        model.addAttribute("fullName", fullName);
        model.addAttribute("dob", dob);
        model.addAttribute("errors", errors);
        return "pages/casework/subjectAccess";
    }

    private String reviewPage(Model model, Request request, List<SubjectAccess.CaseItems> cases, Map<String, Field> typed,
            List<ErrorItem> errors) {
        List<ReviewCase> reviewCases = cases.stream().map(c -> new ReviewCase(c.reference(), c.lines().stream()
                .map(line -> {
                    String key = key(c.reference(), line.item());
                    return new ReviewItem(line.label(), line.value(), line.item().thirdParty,
                            typed.getOrDefault("d-" + key, Field.of("d-" + key, "DISCLOSED", null)),
                            typed.getOrDefault("e-" + key, Field.blank("e-" + key)),
                            typed.getOrDefault("r-" + key, Field.blank("r-" + key)));
                }).toList())).toList();
        List<Option> disclosure = List.of(Option.of("DISCLOSED", texts.t("casework.sar.outcome.DISCLOSED")),
                Option.of("WITHHELD", texts.t("casework.sar.outcome.WITHHELD")));
        List<Option> exemptions = new ArrayList<>();
        exemptions.add(Option.of("", texts.t("casework.sar.chooseExemption")));
        for (SubjectAccess.Exemption e : SubjectAccess.Exemption.values()) {
            exemptions.add(Option.of(e.name(), texts.t("casework.sar.exemption." + e)));
        }
        model.addAttribute("requestRef", request.requestRef());
        model.addAttribute("cases", reviewCases);
        model.addAttribute("disclosure", disclosure);
        model.addAttribute("exemptions", exemptions);
        model.addAttribute("errors", errors);
        return "pages/casework/subjectAccessReview";
    }

    private static Map<String, Field> withErrors(Map<String, String> form, Map<String, String> fieldErrors) {
        Map<String, Field> fields = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("d-") || name.startsWith("e-") || name.startsWith("r-")) {
                fields.put(name, Field.of(name, value, fieldErrors.get(name)));
            }
        });
        fieldErrors.forEach((name, error) -> fields.putIfAbsent(name, Field.of(name, "", error)));
        return fields;
    }

    private static SubjectAccess.Exemption exemption(String value) {
        for (SubjectAccess.Exemption e : SubjectAccess.Exemption.values()) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        return null;
    }

    private static String key(String reference, SubjectAccess.Item item) {
        return reference + "-" + item.name();
    }

    @Bean
    static RouteRule subjectAccessRoute() {
        return RouteRule.staff("/staff/subject-access", Permission.SUBJECT_ACCESS_MANAGE.authority());
    }

    @Bean
    static RouteRule subjectAccessReviewRoute() {
        return RouteRule.staff("/staff/subject-access/review", Permission.SUBJECT_ACCESS_MANAGE.authority());
    }

    @Bean
    static RouteRule subjectAccessExportRoute() {
        return RouteRule.staff("/staff/subject-access/exports/{id}", Permission.SUBJECT_ACCESS_MANAGE.authority());
    }

    @Bean
    static RouteRule subjectAccessPdfRoute() {
        return RouteRule.staff("/staff/subject-access/exports/{id}/pdf", Permission.SUBJECT_ACCESS_MANAGE.authority());
    }

    @Bean
    static RouteRule subjectAccessJsonRoute() {
        return RouteRule.staff("/staff/subject-access/exports/{id}/json", Permission.SUBJECT_ACCESS_MANAGE.authority());
    }
}
