package uk.org.safeguard.intake.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.org.safeguard.geography.Borough;
import uk.org.safeguard.geography.Boroughs;
import uk.org.safeguard.identity.Permission;
import uk.org.safeguard.identity.StaffAccess;
import uk.org.safeguard.identity.StaffUser;
import uk.org.safeguard.web.ErrorItem;
import uk.org.safeguard.web.Field;
import uk.org.safeguard.web.Option;
import uk.org.safeguard.web.PaginationLink;
import uk.org.safeguard.web.RouteRule;
import uk.org.safeguard.web.SummaryRow;
import uk.org.safeguard.web.TableCell;

/**
 * The intake queue for staff ({@code /staff/intake}) and one submission ({@code /staff/intake/{reference}}):
 * its details, the status the reporter sees, the message thread and, for the city-wide queue, the borough
 * a lead sends it to. The staff area is in English.
 */
@Controller
class StaffIntakeController {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    private final StaffIntake intake;
    private final StaffAccess staff;
    private final Boroughs boroughs;
    private final MessageSource messages;

    StaffIntakeController(StaffIntake intake, StaffAccess staff, Boroughs boroughs, MessageSource messages) {
        this.intake = intake;
        this.staff = staff;
        this.boroughs = boroughs;
        this.messages = messages;
    }

    @GetMapping("/staff/intake")
    String queue(@RequestParam(name = "page", defaultValue = "1") String page,
            @RequestParam(name = "routed", required = false) String routed, Model model) {
        int requested;
        try {
            requested = Integer.parseInt(page);
        } catch (NumberFormatException e) {
            requested = 1;
        }
        StaffIntake.QueuePage queue = intake.queue(requested);
        List<List<TableCell>> rows = queue.rows().stream().map(r -> List.of(
                TableCell.link(r.reference(), "/staff/intake/" + r.reference()),
                TableCell.of(t("intakestaff.kind." + r.kind().name())),
                TableCell.of(boroughName(r.boroughCode())),
                TableCell.of(DATE.format(r.submittedAt().atZone(FollowUpController.LONDON))),
                r.urgent() ? TableCell.tag(t("intakestaff.urgent"), "red") : TableCell.of(""),
                TableCell.of(t("intakestaff.status." + r.status().name())),
                TableCell.numeric(String.valueOf(r.unread())))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("routed", routed != null);
        model.addAttribute("total", queue.total());
        model.addAttribute("pagination", queue.pages() > 1
                ? PaginationLink.around(queue.page(), queue.pages(), n -> "/staff/intake?page=" + n) : List.of());
        model.addAttribute("previousHref", queue.page() > 1 ? "/staff/intake?page=" + (queue.page() - 1) : null);
        model.addAttribute("nextHref", queue.page() < queue.pages() ? "/staff/intake?page=" + (queue.page() + 1) : null);
        return "pages/intake/staff/queue";
    }

    @GetMapping("/staff/intake/{reference}")
    String submission(@PathVariable String reference, @RequestParam(name = "done", required = false) String done,
            Model model, HttpServletResponse response) {
        String notice = done == null ? null : switch (done) {
            case "status" -> t("intakestaff.done.status");
            case "unchanged" -> t("intakestaff.done.unchanged");
            case "reply" -> t("intakestaff.done.reply");
            default -> null;
        };
        return inScope(response, () -> page(reference, model, Field.blank("status"), Field.blank("reply"),
                Field.blank("borough"), notice));
    }

    /** A submission's file, as a download (never shown inline: a PDF is kept as it was sent). */
    @GetMapping("/staff/intake/{reference}/attachments/{id}")
    org.springframework.http.ResponseEntity<byte[]> attachment(@PathVariable String reference, @PathVariable String id) {
        java.util.UUID attachmentId;
        try {
            attachmentId = java.util.UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw new StaffIntake.NotFound();
        }
        Attachments.StoredFile file = intake.attachment(reference, attachmentId);
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(file.mediaType()))
                .header("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
                        .filename(file.downloadName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .body(file.content());
    }

    @PostMapping("/staff/intake/{reference}/status")
    String changeStatus(@PathVariable String reference, @RequestParam(name = "status", defaultValue = "") String status,
            Model model, HttpServletResponse response) {
        return inScope(response, () -> changeStatus(reference, status, model));
    }

    private String changeStatus(String reference, String status, Model model) {
        Optional<SubmissionStatus> chosen = StaffIntake.parseStatus(status);
        if (chosen.isEmpty()) {
            return page(reference, model, Field.of("status", null, t("intakestaff.error.statusEmpty")),
                    Field.blank("reply"), Field.blank("borough"), null);
        }
        boolean changed = intake.changeStatus(reference, chosen.get());
        return "redirect:/staff/intake/" + reference + "?done=" + (changed ? "status" : "unchanged");
    }

    @PostMapping("/staff/intake/{reference}/reply")
    String reply(@PathVariable String reference, @RequestParam(name = "reply", defaultValue = "") String typed,
            Model model, HttpServletResponse response) {
        return inScope(response, () -> reply(reference, typed, model));
    }

    private String reply(String reference, String typed, Model model) {
        String body = IntakeMessages.normalise(typed);
        String error = body.isBlank() ? t("intakestaff.error.replyEmpty")
                : body.length() > IntakeMessages.MAX_LENGTH ? t("intakestaff.error.replyTooLong", IntakeMessages.MAX_LENGTH)
                : null;
        if (error != null) {
            return page(reference, model, Field.blank("status"), Field.of("reply", typed, error), Field.blank("borough"),
                    null);
        }
        intake.reply(reference, body);
        return "redirect:/staff/intake/" + reference + "?done=reply";
    }

    @PostMapping("/staff/intake/{reference}/borough")
    String route(@PathVariable String reference, @RequestParam(name = "borough", defaultValue = "") String borough,
            Model model, HttpServletResponse response) {
        return inScope(response, () -> route(reference, borough, model));
    }

    private String route(String reference, String borough, Model model) {
        if (boroughs.byCode(borough).isEmpty()) {
            return page(reference, model, Field.blank("status"), Field.blank("reply"),
                    Field.of("borough", borough, t("intakestaff.error.boroughEmpty")), null);
        }
        try {
            intake.route(reference, borough);
        } catch (StaffIntake.AlreadyRouted e) {
            return page(reference, model, Field.blank("status"), Field.blank("reply"),
                    Field.of("borough", borough, t("intakestaff.error.alreadyRouted")), null);
        }
        return "redirect:/staff/intake?routed";
    }

    /** Runs a handler; outside the member's boroughs it answers 403 with the denied page (the refusal is audited). */
    private static String inScope(HttpServletResponse response, java.util.function.Supplier<String> handler) {
        try {
            return handler.get();
        } catch (StaffIntake.Denied denied) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return "pages/intake/staff/denied";
        }
    }

    private String page(String reference, Model model, Field status, Field reply, Field borough, String notice) {
        StaffIntake.Opened opened = intake.view(reference);
        StaffUser user = staff.current().orElseThrow();
        StaffIntake.Row row = opened.row();
        List<SummaryRow> summary = List.of(
                SummaryRow.of(t("intakestaff.field.reference"), row.reference()),
                SummaryRow.of(t("intakestaff.field.kind"), t("intakestaff.kind." + row.kind().name())),
                SummaryRow.of(t("intakestaff.field.channel"), t("intakestaff.channel." + row.channel().name())),
                SummaryRow.of(t("intakestaff.field.borough"), boroughName(row.boroughCode())),
                SummaryRow.of(t("intakestaff.field.received"), time(row.submittedAt())),
                SummaryRow.of(t("intakestaff.field.urgent"), t(row.urgent() ? "intakestaff.yes" : "intakestaff.no")),
                SummaryRow.of(t("intakestaff.field.anonymous"), t(row.anonymous() ? "intakestaff.yes" : "intakestaff.no")),
                SummaryRow.of(t("intakestaff.field.language"), row.language()),
                SummaryRow.of(t("intakestaff.field.status"), t("intakestaff.status." + row.status().name())));
        List<SummaryRow> details = DetailRows.of(opened.details(), new DetailRows.Words(t("intakestaff.yes"),
                t("intakestaff.no"), t("intakestaff.notGiven"), t("intakestaff.details.value")));
        List<SummaryRow> history = opened.history().stream()
                .map(h -> SummaryRow.of(time(h.at()), t("intakestaff.status." + h.status().name()))).toList();
        List<IntakeViews.ThreadItem> thread = opened.thread().stream()
                .map(m -> new IntakeViews.ThreadItem(m.author() == IntakeMessages.Author.REPORTER
                        ? t("intakestaff.thread.reporter") : t("intakestaff.thread.staff", m.staffAccount()),
                        time(m.at()), List.of(m.body().split("\n", -1)), m.unread()))
                .toList();
        Field statusField = status.value() == null && !status.hasError()
                ? Field.of("status", row.status().name(), null) : status;
        List<Option> statusOptions = StaffIntake.settable().stream()
                .map(s -> Option.of(s.name(), t("intakestaff.status." + s.name()), t("intakestaff.statusHint." + s.name())))
                .toList();
        List<Option> boroughOptions = new ArrayList<>();
        boroughOptions.add(Option.of("", t("intakestaff.route.choose")));
        boroughs.all().forEach(b -> boroughOptions.add(Option.of(b.code(), b.name())));
        List<ErrorItem> errors = new ArrayList<>();
        for (Field field : List.of(status, reply, borough)) {
            if (field.hasError()) {
                errors.add(ErrorItem.of(field));
            }
        }
        model.addAttribute("reference", row.reference());
        model.addAttribute("summary", summary);
        model.addAttribute("details", details);
        model.addAttribute("history", history);
        model.addAttribute("thread", thread);
        model.addAttribute("files", opened.files().stream().map(f -> List.of(
                TableCell.link(f.name(), "/staff/intake/" + row.reference() + "/attachments/" + f.id()),
                TableCell.of(f.mediaType()), TableCell.numeric(String.format(Locale.UK, "%,d KB", (f.sizeBytes() + 1023) / 1024))))
                .toList());
        model.addAttribute("status", statusField);
        model.addAttribute("statusOptions", statusOptions);
        model.addAttribute("reply", reply);
        model.addAttribute("maxLength", IntakeMessages.MAX_LENGTH);
        model.addAttribute("borough", borough);
        model.addAttribute("boroughOptions", boroughOptions);
        model.addAttribute("mayWork", user.hasPermission(Permission.CASE_WORK));
        model.addAttribute("mayRoute", row.boroughCode() == null && user.hasPermission(Permission.CASE_ASSIGN));
        model.addAttribute("notice", notice);
        model.addAttribute("errors", errors);
        return "pages/intake/staff/submission";
    }

    private String boroughName(String code) {
        return code == null ? t("intakestaff.cityWide") : boroughs.byCode(code).map(Borough::name).orElse(code);
    }

    private static String time(Instant instant) {
        return TIME.format(instant.atZone(FollowUpController.LONDON));
    }

    private String t(String key, Object... args) {
        return messages.getMessage(key, args, Locale.UK);
    }

    @Bean
    static RouteRule intakeQueueRoute() {
        return RouteRule.staff("/staff/intake", Permission.CASE_READ.authority());
    }

    @Bean
    static RouteRule intakeSubmissionRoute() {
        return RouteRule.staff("/staff/intake/{reference}", Permission.CASE_READ.authority());
    }

    @Bean
    static RouteRule intakeAttachmentRoute() {
        return RouteRule.staff("/staff/intake/{reference}/attachments/{id}", Permission.CASE_READ.authority());
    }

    @Bean
    static RouteRule intakeStatusRoute() {
        return RouteRule.staff("/staff/intake/{reference}/status", Permission.CASE_WORK.authority());
    }

    @Bean
    static RouteRule intakeReplyRoute() {
        return RouteRule.staff("/staff/intake/{reference}/reply", Permission.CASE_WORK.authority());
    }

    @Bean
    static RouteRule intakeRouteRoute() {
        return RouteRule.staff("/staff/intake/{reference}/borough", Permission.CASE_ASSIGN.authority());
    }
}
