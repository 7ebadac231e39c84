package uk.org.safeguard.identity.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import uk.org.safeguard.audit.AuditEntry;
import uk.org.safeguard.audit.AuditEvent;
import uk.org.safeguard.audit.AuditPage;
import uk.org.safeguard.audit.AuditQueries;
import uk.org.safeguard.audit.AuditTrail;
import uk.org.safeguard.identity.Permission;
import uk.org.safeguard.identity.StaffUser;
import uk.org.safeguard.identity.StaffAccess;
import uk.org.safeguard.web.DateField;
import uk.org.safeguard.web.ErrorItem;
import uk.org.safeguard.web.Field;
import uk.org.safeguard.web.PaginationLink;
import uk.org.safeguard.web.TableCell;

/**
 * Oversight's search of the audit trail by record, actor, action and date. It lives in identity, not
 * audit, because identity already records its events in the audit trail (identity depends on audit's
 * API); the page needs identity's {@link StaffAccess} and {@link Permission}, so hosting it in audit would
 * make the two modules depend on each other. Searching is itself recorded ({@code audit.searched}),
 * since the trail shows who looked at whose records.
 */
@Controller
class AuditSearchController {

    static final int PAGE_SIZE = 50;
    static final String SEARCHED = "audit.searched";

    private final StaffAccess access;
    private final AuditQueries queries;
    private final AuditTrail trail;
    private final Texts texts;

    AuditSearchController(StaffAccess access, AuditQueries queries, AuditTrail trail, Texts texts) {
        this.access = access;
        this.queries = queries;
        this.trail = trail;
        this.texts = texts;
    }

    @GetMapping("/staff/audit")
    String search(HttpServletRequest request, Model model) {
        StaffUser user = access.require(Permission.AUDIT_READ);
        AuditSearchForm form = AuditSearchForm.read(request::getParameter);
        List<Field> textFields = new ArrayList<>();
        form.text.forEach((name, value) -> textFields.add(texts.field(name, value, form.textErrors.get(name))));
        DateField from = dateField(form.from);
        DateField to = dateField(form.to);
        List<ErrorItem> errors = new ArrayList<>(Texts.errors(textFields.get(0), textFields.get(1), textFields.get(2),
                textFields.get(3)));
        for (DateField date : List.of(from, to)) {
            if (date.hasError()) {
                errors.add(ErrorItem.of(date));
            }
        }
        model.addAttribute("recordType", textFields.get(0));
        model.addAttribute("recordId", textFields.get(1));
        model.addAttribute("actor", textFields.get(2));
        model.addAttribute("action", textFields.get(3));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("errors", errors);
        if (!form.valid()) {
            model.addAttribute("searched", false);
            model.addAttribute("rows", List.of());
            model.addAttribute("total", 0L);
            model.addAttribute("pagination", List.of());
            model.addAttribute("previousHref", null);
            model.addAttribute("nextHref", null);
            return "pages/identity/auditSearch";
        }
        int pageNumber = pageNumber(request.getParameter("page"));
        AuditPage results = queries.search(form.search(), pageNumber - 1, PAGE_SIZE);
        recordSearch(user, form.filters(), pageNumber);

        DateTimeFormatter time = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", LocaleContextHolder.getLocale())
                .withZone(AuditSearchForm.LONDON);
        List<List<TableCell>> rows = results.entries().stream().map(e -> row(e, time)).toList();
        String base = "/staff/audit?" + form.queryParameters().stream()
                .map(p -> encode(p[0]) + "=" + encode(p[1]) + "&").collect(Collectors.joining());
        int totalPages = results.totalPages();
        model.addAttribute("searched", true);
        model.addAttribute("rows", rows);
        model.addAttribute("total", results.total());
        model.addAttribute("pagination", totalPages > 1 && pageNumber <= totalPages
                ? PaginationLink.around(pageNumber, totalPages, n -> base + "page=" + n) : List.of());
        model.addAttribute("previousHref", pageNumber > 1 && pageNumber <= totalPages ? base + "page=" + (pageNumber - 1) : null);
        model.addAttribute("nextHref", pageNumber < totalPages ? base + "page=" + (pageNumber + 1) : null);
        return "pages/identity/auditSearch";
    }

    private void recordSearch(StaffUser user, Map<String, String> filters, int pageNumber) {
        AuditEvent event = AuditEvent.of(user.reference(), SEARCHED);
        for (Map.Entry<String, String> filter : filters.entrySet()) {
            event = event.withDetail(filter.getKey(), filter.getValue());
        }
        trail.record(event.withDetail("page", Integer.toString(pageNumber)));
    }

    private List<TableCell> row(AuditEntry entry, DateTimeFormatter time) {
        String record = entry.recordType() == null ? ""
                : entry.recordId() == null ? entry.recordType() : entry.recordType() + " " + entry.recordId();
        return List.of(TableCell.of(time.format(entry.occurredAt())), TableCell.of(entry.actor()),
                TableCell.of(entry.action()), TableCell.of(record),
                TableCell.of(entry.reason() == null ? "" : entry.reason()));
    }

    private DateField dateField(AuditSearchForm.TypedDate date) {
        String error = date.errorKey() == null ? null : texts.t(date.errorKey());
        return new DateField(date.prefix(), date.prefix(), date.day(), date.month(), date.year(), error, date.parts());
    }

    private static int pageNumber(String text) {
        if (text == null || !text.matches("\\d{1,6}")) {
            return 1;
        }
        return Math.max(1, Integer.parseInt(text));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
