package uk.org.safeguard.casework.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import uk.org.safeguard.audit.AuditQueries;
import uk.org.safeguard.geography.Borough;
import uk.org.safeguard.geography.Boroughs;
import uk.org.safeguard.identity.Permission;
import uk.org.safeguard.identity.StaffAccess;
import uk.org.safeguard.identity.StaffUser;
import uk.org.safeguard.web.ErrorItem;
import uk.org.safeguard.web.Field;
import uk.org.safeguard.web.RouteRule;
import uk.org.safeguard.web.SummaryRow;
import uk.org.safeguard.web.TableCell;

/** The case list, the case page (with "who has seen this"), and break-glass access to a case outside one's scope. */
@Controller
class CaseController {

    private final CaseRecords records;
    private final CaseAccess access;
    private final BreakGlass breakGlass;
    private final StaffAccess staff;
    private final Boroughs boroughs;
    private final AuditQueries auditQueries;
    private final CaseworkTexts texts;

    CaseController(CaseRecords records, CaseAccess access, BreakGlass breakGlass, StaffAccess staff, Boroughs boroughs,
            AuditQueries auditQueries, CaseworkTexts texts) {
        this.records = records;
        this.access = access;
        this.breakGlass = breakGlass;
        this.staff = staff;
        this.boroughs = boroughs;
        this.auditQueries = auditQueries;
        this.texts = texts;
    }

    @GetMapping("/staff/cases")
    String list(Model model) {
        StaffUser user = staff.require(Permission.CASE_READ);
        List<List<TableCell>> rows = records.inBoroughs(user.boroughs(), 500).stream().map(r -> List.of(
                TableCell.link(r.reference(), "/staff/cases/" + r.reference()), TableCell.of(boroughName(r.boroughCode())),
                TableCell.of(status(r)), TableCell.of(CaseworkTexts.date(r.openedOn())),
                TableCell.of(r.onLegalHold() ? texts.t("casework.legalHold") : CaseworkTexts.date(r.deleteOn())))).toList();
        model.addAttribute("rows", rows);
        return "pages/casework/cases";
    }

    @GetMapping("/staff/cases/{reference}")
    String show(@PathVariable String reference, Model model, HttpServletResponse response) {
        try {
            return casePage(access.view(reference), model);
        } catch (CaseAccess.Denied denied) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("reference", reference);
            model.addAttribute("mayBreakGlass", denied.mayBreakGlass);
            return "pages/casework/denied";
        }
    }

    @GetMapping("/staff/break-glass/cases/{reference}")
    String breakGlassPage(@PathVariable String reference, Model model) {
        StaffUser user = staff.require(Permission.BREAK_GLASS_REQUEST);
        CaseRecord record = records.find(reference).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (access.inScope(user, record)) {
            return "redirect:/staff/cases/" + reference;
        }
        if (breakGlass.active(user.accountId(), reference).isPresent()) {
            return casePage(access.view(reference), model);
        }
        return reasonForm(model, reference, Field.blank("reason"));
    }

    @PostMapping("/staff/break-glass/cases/{reference}")
    String openBreakGlass(@PathVariable String reference, @RequestParam(name = "reason", defaultValue = "") String reason,
            Model model) {
        StaffUser user = staff.require(Permission.BREAK_GLASS_REQUEST);
        records.find(reference).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String given = reason.strip();
        String error = given.isEmpty() ? "casework.breakGlass.error.empty"
                : given.length() < BreakGlass.MIN_REASON ? "casework.breakGlass.error.short"
                : given.length() > BreakGlass.MAX_REASON ? "casework.breakGlass.error.long" : null;
        if (error != null) {
            return reasonForm(model, reference, Field.of("reason", reason, texts.t(error)));
        }
        breakGlass.open(user, reference, given);
        return "redirect:/staff/break-glass/cases/" + reference;
    }

    private String reasonForm(Model model, String reference, Field reason) {
        model.addAttribute("reference", reference);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", reason.error() == null ? List.of() : List.of(new ErrorItem("#reason", reason.error())));
        return "pages/casework/breakGlass";
    }

    private String casePage(CaseAccess.Opened opened, Model model) {
        CaseRecord record = opened.record();
        CaseDetails details = opened.details();
        List<SummaryRow> caseRows = new ArrayList<>();
        caseRows.add(SummaryRow.of(texts.t("casework.case.reference"), record.reference()));
        caseRows.add(SummaryRow.of(texts.t("casework.case.borough"), boroughName(record.boroughCode())));
        caseRows.add(SummaryRow.of(texts.t("casework.case.status"), status(record)));
        caseRows.add(SummaryRow.of(texts.t("casework.case.opened"), CaseworkTexts.date(record.openedOn())));
        if (record.closed()) {
            caseRows.add(SummaryRow.of(texts.t("casework.case.closed"), CaseworkTexts.date(record.closedOn())));
        }
        caseRows.add(SummaryRow.of(texts.t("casework.case.deletion"), record.onLegalHold()
                ? texts.t("casework.case.deletion.held", record.legalHoldReason())
                : record.deleteOn() == null ? texts.t("casework.case.deletion.open") : CaseworkTexts.date(record.deleteOn())));
        List<SummaryRow> personRows = List.of(
                SummaryRow.of(texts.t("casework.person.name"), details.fullName()),
                SummaryRow.of(texts.t("casework.person.dateOfBirth"), details.dateOfBirth() == null
                        ? texts.t("casework.unknown") : CaseworkTexts.date(details.dateOfBirth())),
                SummaryRow.of(texts.t("casework.person.address"), details.address()),
                SummaryRow.of(texts.t("casework.person.summary"), details.summary()),
                SummaryRow.of(texts.t("casework.person.reporter"), details.reporterName().isBlank()
                        ? texts.t("casework.person.anonymous") : details.reporterName() + (details.reporterContact().isBlank()
                        ? "" : ", " + details.reporterContact())));
        List<List<TableCell>> viewers = auditQueries.viewersOf("case", record.reference()).stream()
                .map(v -> List.of(TableCell.of(v.actor()), TableCell.of(CaseworkTexts.time(v.lastViewedAt())),
                        TableCell.numeric(String.valueOf(v.views())))).toList();
        Optional<BreakGlass.Grant> grant = opened.grant();
        model.addAttribute("reference", record.reference());
        model.addAttribute("caseRows", caseRows);
        model.addAttribute("personRows", personRows);
        model.addAttribute("viewers", viewers);
        model.addAttribute("breakGlassBanner", grant.map(g -> texts.t("casework.breakGlass.banner",
                CaseworkTexts.clock(g.expiresAt()), g.reason())).orElse(null));
        return "pages/casework/case";
    }

    private String status(CaseRecord record) {
        return record.closed() ? texts.t("casework.status.closed", texts.t("casework.outcome." + record.outcome().name()))
                : texts.t("casework.status.open");
    }

    private String boroughName(String code) {
        return boroughs.byCode(code).map(Borough::name).orElse(code);
    }

    @Bean
    static RouteRule casesRoute() {
        return RouteRule.staff("/staff/cases", Permission.CASE_READ.authority());
    }

    @Bean
    static RouteRule caseRoute() {
        return RouteRule.staff("/staff/cases/{reference}", Permission.CASE_READ.authority());
    }

    @Bean
    static RouteRule breakGlassRoute() {
        return RouteRule.staff("/staff/break-glass/cases/{reference}", Permission.BREAK_GLASS_REQUEST.authority());
    }
}
