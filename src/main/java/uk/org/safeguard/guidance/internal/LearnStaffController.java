package uk.org.safeguard.guidance.internal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import uk.org.safeguard.identity.Permission;
import uk.org.safeguard.identity.StaffAccess;
import uk.org.safeguard.web.DateField;
import uk.org.safeguard.web.ErrorItem;
import uk.org.safeguard.web.RouteRule;
import uk.org.safeguard.web.TableCell;

/**
 * The programme's report of the learning modules for staff who read aggregates: completions, mean
 * confidence before and after, the change, and the share of knowledge-check answers that were right, per
 * module and for all of them, optionally between two dates; with small numbers suppressed
 * ({@link LearnStatistics}). The staff area is in English, so module names are the English titles.
 */
@Controller
class LearnStaffController {

    private static final Locale ENGLISH = Locale.ENGLISH;

    private final StaffAccess access;
    private final LearnResponses responses;
    private final PageContents contents;
    private final MessageSource messages;

    LearnStaffController(StaffAccess access, LearnResponses responses, PageContents contents, MessageSource messages) {
        this.access = access;
        this.responses = responses;
        this.contents = contents;
        this.messages = messages;
    }

    @GetMapping("/staff/learning")
    String report(HttpServletRequest request, Model model) {
        access.require(Permission.AGGREGATES_READ);
        LearnDateRange range = LearnDateRange.read(request::getParameter);
        DateField from = dateField(range.from);
        DateField to = dateField(range.to);
        List<ErrorItem> errors = new ArrayList<>();
        for (DateField date : List.of(from, to)) {
            if (date.hasError()) {
                errors.add(ErrorItem.of(date));
            }
        }
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("errors", errors);
        List<List<TableCell>> rows = new ArrayList<>();
        if (range.valid()) {
            for (LearnStatistics.Row row : LearnStatistics.rows(responses.totals(range.fromDate(), range.toDate()))) {
                rows.add(cells(row));
            }
        }
        model.addAttribute("rows", rows);
        model.addAttribute("period", !range.valid() ? null : period(range));
        return "pages/guidance/learn/staffReport";
    }

    private List<TableCell> cells(LearnStatistics.Row row) {
        String name = row.module() == null ? t("learn.staff.allModules")
                : contents.published(row.module().page(), "en").map(PageContents.Shown::title)
                        .orElse(row.module().slug());
        return switch (row.visibility()) {
            case SHOWN -> List.of(TableCell.of(name), TableCell.numeric(Long.toString(row.totals().completions())),
                    TableCell.numeric(String.format(ENGLISH, "%.1f", row.meanBefore())),
                    TableCell.numeric(String.format(ENGLISH, "%.1f", row.meanAfter())),
                    TableCell.numeric(String.format(ENGLISH, "%+.1f", row.change())),
                    TableCell.numeric(String.format(ENGLISH, "%.0f%%", row.percentCorrect())));
            case FEWER_THAN_TEN -> hidden(name, t("learn.staff.fewerThanTen"));
            case WITHHELD -> hidden(name, t("learn.staff.withheld"));
        };
    }

    private List<TableCell> hidden(String name, String count) {
        String notShown = t("learn.staff.notShown");
        return List.of(TableCell.of(name), TableCell.numeric(count), TableCell.numeric(notShown),
                TableCell.numeric(notShown), TableCell.numeric(notShown), TableCell.numeric(notShown));
    }

    private String period(LearnDateRange range) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("d MMMM yyyy", ENGLISH);
        if (range.fromDate() != null && range.toDate() != null) {
            return t("learn.staff.period.between", format.format(range.fromDate()), format.format(range.toDate()));
        }
        if (range.fromDate() != null) {
            return t("learn.staff.period.from", format.format(range.fromDate()));
        }
        if (range.toDate() != null) {
            return t("learn.staff.period.to", format.format(range.toDate()));
        }
        return t("learn.staff.period.all");
    }

    private DateField dateField(LearnDateRange.Typed date) {
        return new DateField(date.prefix(), date.prefix(), date.day(), date.month(), date.year(),
                date.errorKey() == null ? null : t(date.errorKey()), date.parts());
    }

    private String t(String key, Object... args) {
        return messages.getMessage(key, args, ENGLISH);
    }

    @Bean
    static RouteRule learningReportRoute() {
        return RouteRule.staff("/staff/learning", Permission.AGGREGATES_READ.authority());
    }
}
