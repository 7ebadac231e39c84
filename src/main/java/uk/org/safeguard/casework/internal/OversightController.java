package uk.org.safeguard.casework.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.org.safeguard.identity.Permission;
import uk.org.safeguard.identity.StaffAccess;
import uk.org.safeguard.identity.StaffUser;
import uk.org.safeguard.web.Option;
import uk.org.safeguard.web.RouteRule;
import uk.org.safeguard.web.TableCell;

/** Oversight's dashboard of break-glass access: every grant, who, which case, why, and whether it has been reviewed. */
@Controller
class OversightController {

    private final BreakGlass breakGlass;
    private final StaffAccess staff;
    private final CaseworkTexts texts;
    private final Clock clock;

    OversightController(BreakGlass breakGlass, StaffAccess staff, CaseworkTexts texts, Clock clock) {
        this.breakGlass = breakGlass;
        this.staff = staff;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping("/staff/oversight/break-glass")
    String dashboard(@RequestParam(name = "reviewed", required = false) String reviewed, Model model) {
        staff.require(Permission.AUDIT_READ);
        Instant now = clock.instant();
        List<BreakGlass.Grant> grants = breakGlass.forOversight(200);
        List<List<TableCell>> rows = grants.stream().map(g -> List.of(
                TableCell.link(g.caseReference(), "/staff/audit?recordType=case&recordId=" + g.caseReference()),
                TableCell.of("account:" + g.accountId()), TableCell.of(CaseworkTexts.time(g.openedAt())),
                TableCell.of(g.activeAt(now) ? texts.t("casework.oversight.activeUntil", CaseworkTexts.clock(g.expiresAt()))
                        : texts.t("casework.oversight.ended")),
                TableCell.of(g.reason()),
                TableCell.of(g.reviewedBy() == null ? texts.t("casework.oversight.notReviewed")
                        : texts.t("casework.oversight.reviewedBy", g.reviewedBy(), CaseworkTexts.time(g.reviewedAt())))))
                .toList();
        List<Option> toReview = grants.stream().filter(g -> g.reviewedBy() == null)
                .map(g -> Option.of(String.valueOf(g.id()), texts.t("casework.oversight.option", g.caseReference(),
                        "account:" + g.accountId(), CaseworkTexts.time(g.openedAt())))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("toReview", toReview);
        model.addAttribute("notice", reviewed != null ? texts.t("casework.oversight.reviewedNotice") : null);
        return "pages/casework/oversight";
    }

    @PostMapping("/staff/oversight/break-glass")
    String review(@RequestParam(name = "grant", required = false) List<Long> grants) {
        StaffUser user = staff.require(Permission.AUDIT_READ);
        if (grants == null || grants.isEmpty()) {
            return "redirect:/staff/oversight/break-glass";
        }
        grants.forEach(id -> breakGlass.review(id, user.reference()));
        return "redirect:/staff/oversight/break-glass?reviewed";
    }

    @Bean
    static RouteRule oversightBreakGlassRoute() {
        return RouteRule.staff("/staff/oversight/break-glass", Permission.AUDIT_READ.authority());
    }
}
