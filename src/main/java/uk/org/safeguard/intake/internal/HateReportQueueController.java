package uk.org.safeguard.intake.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import uk.org.safeguard.audit.AuditEvent;
import uk.org.safeguard.audit.AuditTrail;
import uk.org.safeguard.geography.Borough;
import uk.org.safeguard.geography.Boroughs;
import uk.org.safeguard.identity.Permission;
import uk.org.safeguard.identity.StaffAccess;
import uk.org.safeguard.identity.StaffUser;
import uk.org.safeguard.intake.SubmissionKind;
import uk.org.safeguard.web.SummaryRow;
import uk.org.safeguard.web.TableCell;

/**
 * The programme's queue of hate-incident reports ({@code /staff/hate-reports}), for staff who hold
 * {@link Permission#ENGAGEMENT_MANAGE} (the programme team). The list and the counts come from columns
 * that hold nothing personal (strands, type, month, borough); counts under 10 are shown as fewer than
 * 10. Opening a report decrypts what the person wrote, and is audited as {@code intake.viewed}.
 */
@Controller
class HateReportQueueController {

    static final Permission PERMISSION = Permission.ENGAGEMENT_MANAGE;
    static final int RECENT = 200;
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private final JdbcClient jdbc;
    private final StaffAccess staff;
    private final Submissions submissions;
    private final Boroughs boroughs;
    private final AuditTrail audit;
    private final ReportForms forms;

    HateReportQueueController(JdbcClient jdbc, StaffAccess staff, Submissions submissions, Boroughs boroughs,
            AuditTrail audit, ReportForms forms) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.submissions = submissions;
        this.boroughs = boroughs;
        this.audit = audit;
        this.forms = forms;
    }

    /** A count as staff see it: under 10 is fewer than 10. */
    String count(long n) {
        return n < 10 ? forms.t("hate.staff.fewer-than-10") : String.format(Locale.UK, "%,d", n);
    }

    @GetMapping("/staff/hate-reports")
    String queue(Model model) {
        staff.require(PERMISSION);
        List<List<TableCell>> byStrand = new ArrayList<>();
        Map<String, Long> strandCounts = new java.util.HashMap<>();
        jdbc.sql("SELECT s, count(*) FROM intake_hate_statistic, unnest(strands) AS s GROUP BY s")
                .query((rs, n) -> strandCounts.put(rs.getString(1), rs.getLong(2))).list();
        for (String strand : HateReportController.STRANDS) {
            byStrand.add(List.of(TableCell.of(forms.t("hate.strand." + strand)),
                    TableCell.numeric(count(strandCounts.getOrDefault(strand, 0L)))));
        }
        List<List<TableCell>> byMonth = jdbc.sql("""
                SELECT occurred_month, count(*) FROM intake_hate_statistic
                GROUP BY occurred_month ORDER BY occurred_month DESC NULLS LAST LIMIT 25""")
                .query((rs, n) -> {
                    java.sql.Date month = rs.getDate(1);
                    return List.of(TableCell.of(month == null ? forms.t("hate.staff.month-unknown")
                            : month.toLocalDate().format(MONTH)), TableCell.numeric(count(rs.getLong(2))));
                }).list();
        List<List<TableCell>> recent = jdbc.sql("""
                SELECT s.reference, s.submitted_at, h.strands, h.incident_type, s.borough_code
                FROM intake_submission s JOIN intake_hate_statistic h ON h.submission_id = s.id
                WHERE s.kind = 'HATE_REPORT' ORDER BY s.submitted_at DESC LIMIT :limit""")
                .param("limit", RECENT)
                .query((rs, n) -> List.of(
                        TableCell.link(rs.getString(1), "/staff/hate-reports/" + rs.getString(1)),
                        TableCell.of(rs.getTimestamp(2).toInstant().atZone(LONDON).format(DAY_TIME)),
                        TableCell.of(strands(rs.getArray(3))),
                        TableCell.of(forms.t("hate.type." + rs.getString(4))),
                        TableCell.of(boroughName(rs.getString(5)))))
                .list();
        model.addAttribute("byStrand", byStrand);
        model.addAttribute("byMonth", byMonth);
        model.addAttribute("recent", recent);
        return "pages/intake/hate/staffQueue";
    }

    @GetMapping("/staff/hate-reports/{reference}")
    String report(@PathVariable String reference, Model model) {
        StaffUser user = staff.require(PERMISSION);
        String canonical = Codes.normaliseReference(reference);
        if (canonical == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Map<String, Object> row = jdbc.sql("""
                SELECT id, submitted_at, language, anonymous, borough_code, details FROM intake_submission
                WHERE reference = :reference AND kind = 'HATE_REPORT'""")
                .param("reference", canonical).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        HateReportDetails d = submissions.details((UUID) row.get("id"), SubmissionKind.HATE_REPORT,
                (byte[]) row.get("details"), HateReportDetails.class);
        audit.record(AuditEvent.of(user.reference(), "intake.viewed", "submission", canonical)
                .withDetail("kind", SubmissionKind.HATE_REPORT.name()));
        List<SummaryRow> rows = new ArrayList<>();
        rows.add(SummaryRow.of(forms.t("hate.staff.report.received"),
                ((java.sql.Timestamp) row.get("submitted_at")).toInstant().atZone(LONDON).format(DAY_TIME)));
        rows.add(SummaryRow.of(forms.t("hate.check.strands"), String.join(", ",
                d.strands().stream().map(s -> forms.t("hate.strand." + s)).toList())));
        rows.add(SummaryRow.of(forms.t("hate.check.incidentType"), forms.t("hate.type." + d.incidentType())));
        rows.add(SummaryRow.of(forms.t("hate.check.onlineAddress"), orNot(d.onlineAddress())));
        rows.add(SummaryRow.of(forms.t("hate.staff.report.borough"), boroughName((String) row.get("borough_code"))));
        rows.add(SummaryRow.of(forms.t("hate.staff.report.postcode"), orNot(d.postcode())));
        rows.add(SummaryRow.of(forms.t("hate.check.when"), d.occurredOn() == null ? forms.t("hate.when.not-sure")
                : d.occurredOn().format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK))));
        rows.add(SummaryRow.of(forms.t("hate.check.description"), d.description()));
        boolean anonymous = d.contact() == null;
        rows.add(SummaryRow.of(forms.t("hate.staff.report.anonymous"),
                forms.t(anonymous ? "hate.staff.report.anonymous.yes" : "hate.staff.report.anonymous.no")));
        if (!anonymous) {
            rows.add(SummaryRow.of(forms.t("hate.check.contactName"), orNot(d.contact().name())));
            rows.add(SummaryRow.of(forms.t("hate.check.contactEmail"), orNot(d.contact().email())));
            rows.add(SummaryRow.of(forms.t("hate.check.contactPhone"), orNot(d.contact().phone())));
        }
        rows.add(SummaryRow.of(forms.t("hate.staff.report.language"), (String) row.get("language")));
        model.addAttribute("reference", canonical);
        model.addAttribute("rows", rows);
        return "pages/intake/hate/staffReport";
    }

    private String orNot(String value) {
        return value == null || value.isBlank() ? forms.t("hate.check.not-given") : value;
    }

    private String boroughName(String code) {
        return code == null ? forms.t("hate.staff.city-wide")
                : boroughs.byCode(code).map(Borough::name).orElse(code);
    }

    private String strands(Array array) throws SQLException {
        String[] codes = (String[]) array.getArray();
        return String.join(", ", Arrays.stream(codes).map(s -> forms.t("hate.strand." + s)).toList());
    }
}
