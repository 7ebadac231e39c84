package uk.org.safeguard.casework.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.org.safeguard.audit.AuditEvent;
import uk.org.safeguard.identity.Permission;
import uk.org.safeguard.identity.StaffAccess;
import uk.org.safeguard.identity.StaffUser;
import uk.org.safeguard.web.ErrorItem;
import uk.org.safeguard.web.Field;
import uk.org.safeguard.web.Option;
import uk.org.safeguard.web.RouteRule;
import uk.org.safeguard.web.TableCell;

/** The DPO's retention page: the rule for each outcome, and legal holds. */
@Controller
class RetentionController {

    private final RetentionPolicy policy;
    private final RetentionRules rules;
    private final CaseRecords records;
    private final StaffAccess staff;
    private final CaseworkTexts texts;

    RetentionController(RetentionPolicy policy, RetentionRules rules, CaseRecords records, StaffAccess staff,
            CaseworkTexts texts) {
        this.policy = policy;
        this.rules = rules;
        this.records = records;
        this.staff = staff;
        this.texts = texts;
    }

    @GetMapping("/staff/retention")
    String page(@RequestParam(name = "saved", required = false) String saved, Model model) {
        staff.require(Permission.RETENTION_MANAGE);
        return render(model, currentRuleFields(), Field.blank("reference"), Field.blank("holdReason"), List.of(),
                saved != null ? texts.t("casework.retention." + saved) : null);
    }

    @PostMapping("/staff/retention")
    String saveRules(@RequestParam Map<String, String> form, Model model) {
        StaffUser user = staff.require(Permission.RETENTION_MANAGE);
        Map<String, Field> fields = new LinkedHashMap<>();
        List<ErrorItem> errors = new ArrayList<>();
        Map<CaseOutcome, RetentionPolicy.Change> changes = new LinkedHashMap<>();
        for (RetentionRules.Rule rule : rules.all()) {
            String yearsName = "years-" + rule.outcome();
            String fromName = "from-" + rule.outcome();
            String yearsText = form.getOrDefault(yearsName, "").strip();
            String fromText = form.getOrDefault(fromName, "");
            String error = null;
            int years = 0;
            try {
                years = Integer.parseInt(yearsText);
                if (years < 1 || years > 100) {
                    error = texts.t("casework.retention.error.range", texts.t("casework.outcome." + rule.outcome()));
                }
            } catch (NumberFormatException e) {
                error = texts.t("casework.retention.error.number", texts.t("casework.outcome." + rule.outcome()));
            }
            RetentionRules.CountedFrom from = "LAST_REVIEW".equals(fromText) ? RetentionRules.CountedFrom.LAST_REVIEW
                    : RetentionRules.CountedFrom.CLOSURE;
            fields.put(yearsName, Field.of(yearsName, yearsText, error));
            fields.put(fromName, Field.of(fromName, from.name(), null));
            if (error != null) {
                errors.add(new ErrorItem("#" + yearsName, error));
            } else {
                changes.put(rule.outcome(), new RetentionPolicy.Change(years, from));
            }
        }
        if (!errors.isEmpty()) {
            return render(model, fields, Field.blank("reference"), Field.blank("holdReason"), errors, null);
        }
        policy.change(changes, user.reference());
        return "redirect:/staff/retention?saved=rulesSaved";
    }

    @PostMapping("/staff/retention/legal-holds")
    String placeHold(@RequestParam(name = "reference", defaultValue = "") String reference,
            @RequestParam(name = "holdReason", defaultValue = "") String reason, Model model) {
        StaffUser user = staff.require(Permission.RETENTION_MANAGE);
        String normalised = reference.strip().toUpperCase(java.util.Locale.ROOT);
        String referenceError = normalised.isEmpty() ? texts.t("casework.hold.error.reference")
                : records.find(normalised).isEmpty() ? texts.t("casework.hold.error.noCase") : null;
        String reasonError = reason.isBlank() ? texts.t("casework.hold.error.reason")
                : reason.strip().length() > AuditEvent.MAX_REASON ? texts.t("casework.hold.error.reasonLong") : null;
        if (referenceError != null || reasonError != null) {
            List<ErrorItem> errors = new ArrayList<>();
            if (referenceError != null) {
                errors.add(new ErrorItem("#reference", referenceError));
            }
            if (reasonError != null) {
                errors.add(new ErrorItem("#holdReason", reasonError));
            }
            return render(model, currentRuleFields(), Field.of("reference", reference, referenceError),
                    Field.of("holdReason", reason, reasonError), errors, null);
        }
        policy.placeHold(normalised, reason.strip(), user.reference());
        return "redirect:/staff/retention?saved=holdPlaced";
    }

    @PostMapping("/staff/retention/legal-holds/{reference}/release")
    String releaseHold(@PathVariable String reference) {
        StaffUser user = staff.require(Permission.RETENTION_MANAGE);
        policy.releaseHold(reference, user.reference());
        return "redirect:/staff/retention?saved=holdReleased";
    }

    private Map<String, Field> currentRuleFields() {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (RetentionRules.Rule rule : rules.all()) {
            fields.put("years-" + rule.outcome(), Field.of("years-" + rule.outcome(), String.valueOf(rule.years()), null));
            fields.put("from-" + rule.outcome(), Field.of("from-" + rule.outcome(), rule.countedFrom().name(), null));
        }
        return fields;
    }

    private String render(Model model, Map<String, Field> fields, Field reference, Field holdReason,
            List<ErrorItem> errors, String notice) {
        List<RuleRow> rows = rules.all().stream().map(rule -> new RuleRow(texts.t("casework.outcome." + rule.outcome()),
                fields.get("years-" + rule.outcome()), fields.get("from-" + rule.outcome()))).toList();
        List<List<TableCell>> holds = records.onLegalHold().stream().map(r -> List.of(TableCell.of(r.reference()),
                TableCell.of(CaseworkTexts.time(r.legalHoldSince())), TableCell.of(r.legalHoldReason()))).toList();
        model.addAttribute("rules", rows);
        model.addAttribute("fromOptions", List.of(Option.of("CLOSURE", texts.t("casework.retention.from.CLOSURE")),
                Option.of("LAST_REVIEW", texts.t("casework.retention.from.LAST_REVIEW"))));
        model.addAttribute("holds", holds);
        model.addAttribute("heldReferences", records.onLegalHold().stream().map(CaseRecord::reference).toList());
        model.addAttribute("reference", reference);
        model.addAttribute("holdReason", holdReason);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        return "pages/casework/retention";
    }

    @Bean
    static RouteRule retentionRoute() {
        return RouteRule.staff("/staff/retention", Permission.RETENTION_MANAGE.authority());
    }

    @Bean
    static RouteRule legalHoldsRoute() {
        return RouteRule.staff("/staff/retention/legal-holds", Permission.RETENTION_MANAGE.authority());
    }

    @Bean
    static RouteRule releaseHoldRoute() {
        return RouteRule.staff("/staff/retention/legal-holds/{reference}/release", Permission.RETENTION_MANAGE.authority());
    }
}
