package uk.org.safeguard.intake.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.org.safeguard.web.ErrorItem;
import uk.org.safeguard.web.Field;
import uk.org.safeguard.web.RouteRule;
import uk.org.safeguard.web.SummaryRow;

/**
 * {@code /follow-up}: a reporter opens their submission with its reference and secret code, reads its
 * status updates and exchanges messages with the borough team, and closes it when done. Which submission
 * is open is kept only in the session, as its id (never the reference, the code or anything typed), so
 * it appears in no address.
 */
@Controller
class FollowUpController {

    /** The session attribute holding the open submission's id, as text. */
    static final String OPEN_SUBMISSION = "intake.followUp.submission";
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final FollowUp followUp;
    private final MessageSource messages;

    FollowUpController(FollowUp followUp, MessageSource messages) {
        this.followUp = followUp;
        this.messages = messages;
    }

    @GetMapping("/follow-up")
    String start(HttpServletRequest request, Model model) {
        if (openSubmission(request).isPresent()) {
            return "redirect:/follow-up/submission";
        }
        model.addAttribute("closed", request.getParameter("closed") != null);
        return startForm(model, Field.blank("reference"), Field.blank("code"), List.of());
    }

    @PostMapping("/follow-up")
    String check(@RequestParam(name = "reference", defaultValue = "") String reference,
            @RequestParam(name = "code", defaultValue = "") String code, HttpServletRequest request, Model model) {
        model.addAttribute("closed", false);
        if (reference.isBlank() || code.isBlank()) {
            Field referenceField = Field.of("reference", reference,
                    reference.isBlank() ? t("followup.error.referenceEmpty") : null);
            Field codeField = Field.of("code", code, code.isBlank() ? t("followup.error.codeEmpty") : null);
            List<ErrorItem> errors = new ArrayList<>();
            if (referenceField.hasError()) {
                errors.add(ErrorItem.of(referenceField));
            }
            if (codeField.hasError()) {
                errors.add(ErrorItem.of(codeField));
            }
            return startForm(model, referenceField, codeField, errors);
        }
        FollowUp.Attempt attempt = followUp.open(reference, code, request.getRemoteAddr());
        String error = switch (attempt.outcome()) {
            case OPENED -> null;
            case NO_MATCH -> t("followup.error.noMatch");
            case LOCKED -> t("followup.error.locked", FollowUp.LOCK.toMinutes());
            case TOO_MANY_FROM_ADDRESS -> t("followup.error.tooManyFromAddress", FollowUpAddressLimit.WINDOW.toMinutes());
        };
        if (error != null) {
            // The code is a secret: like a password, it is not shown again.
            Field referenceField = Field.of("reference", reference, error);
            return startForm(model, referenceField, Field.blank("code"), List.of(ErrorItem.of(referenceField)));
        }
        request.getSession(true);
        request.changeSessionId();
        request.getSession(true).setAttribute(OPEN_SUBMISSION, attempt.submissionId().toString());
        return "redirect:/follow-up/submission";
    }

    @GetMapping("/follow-up/submission")
    String submission(HttpServletRequest request, Model model) {
        Optional<UUID> open = openSubmission(request);
        if (open.isEmpty()) {
            return "redirect:/follow-up";
        }
        return submissionPage(request, open.get(), model, Field.blank("message"), request.getParameter("sent") != null);
    }

    @PostMapping("/follow-up/message")
    String send(@RequestParam(name = "message", defaultValue = "") String typed, HttpServletRequest request,
            Model model) {
        Optional<UUID> open = openSubmission(request);
        if (open.isEmpty()) {
            return "redirect:/follow-up";
        }
        String body = IntakeMessages.normalise(typed);
        String error = body.isBlank() ? t("followup.error.messageEmpty")
                : body.length() > IntakeMessages.MAX_LENGTH ? t("followup.error.messageTooLong", IntakeMessages.MAX_LENGTH)
                : null;
        if (error != null) {
            return submissionPage(request, open.get(), model, Field.of("message", typed, error), false);
        }
        if (!followUp.send(open.get(), body)) {
            return close(request);
        }
        return "redirect:/follow-up/submission?sent";
    }

    @PostMapping("/follow-up/close")
    String close(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(OPEN_SUBMISSION);
            request.changeSessionId();
        }
        return "redirect:/follow-up?closed";
    }

    private String startForm(Model model, Field reference, Field code, List<ErrorItem> errors) {
        model.addAttribute("reference", reference);
        model.addAttribute("code", code);
        model.addAttribute("errors", errors);
        return "pages/intake/followup/start";
    }

    private String submissionPage(HttpServletRequest request, UUID id, Model model, Field message, boolean sent) {
        Optional<FollowUp.View> found = followUp.view(id);
        if (found.isEmpty()) {
            return close(request);
        }
        FollowUp.View view = found.get();
        DateTimeFormatter format = dateTimeFormat();
        List<SummaryRow> history = view.history().stream()
                .map(s -> SummaryRow.of(format.format(s.at().atZone(LONDON)), t(s.status().messageKey()))).toList();
        List<IntakeViews.ThreadItem> thread = view.thread().stream()
                .map(m -> new IntakeViews.ThreadItem(m.author() == IntakeMessages.Author.REPORTER
                        ? t("followup.thread.you") : t("followup.thread.team"),
                        format.format(m.at().atZone(LONDON)), List.of(m.body().split("\n", -1)), false))
                .toList();
        List<SummaryRow> meanings = List.of(SubmissionStatus.RECEIVED, SubmissionStatus.BEING_LOOKED_AT,
                SubmissionStatus.CLOSED_INFORMED, SubmissionStatus.CLOSED_NO_ACTION, SubmissionStatus.AWAITING_CONFIRMATION)
                .stream().map(s -> SummaryRow.of(t(s.messageKey()), t("followup.meaning." + s.messageKey()
                        .substring("intake.status.".length())))).toList();
        model.addAttribute("current", t(view.current().messageKey()));
        model.addAttribute("closedStatus", view.current().closed());
        model.addAttribute("history", history);
        model.addAttribute("thread", thread);
        model.addAttribute("meanings", meanings);
        model.addAttribute("message", message);
        model.addAttribute("maxLength", IntakeMessages.MAX_LENGTH);
        model.addAttribute("sent", sent);
        model.addAttribute("errors", message.hasError() ? List.of(ErrorItem.of(message)) : List.of());
        return "pages/intake/followup/submission";
    }

    private static Optional<UUID> openSubmission(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object id = session == null ? null : session.getAttribute(OPEN_SUBMISSION);
        return id instanceof String text ? Optional.of(UUID.fromString(text)) : Optional.empty();
    }

    private static DateTimeFormatter dateTimeFormat() {
        return DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", formatting());
    }

    /** The page's language, with numbers in Western digits as on every page. */
    private static Locale formatting() {
        return new Locale.Builder().setLocale(LocaleContextHolder.getLocale()).setUnicodeLocaleKeyword("nu", "latn")
                .build();
    }

    private String t(String key, Object... args) {
        return messages.getMessage(key, args, formatting());
    }

    @Bean
    static RouteRule followUpRoute() {
        return RouteRule.publicRoute("/follow-up");
    }

    @Bean
    static RouteRule followUpSubmissionRoute() {
        return RouteRule.publicRoute("/follow-up/submission");
    }

    @Bean
    static RouteRule followUpMessageRoute() {
        return RouteRule.publicRoute("/follow-up/message");
    }

    @Bean
    static RouteRule followUpCloseRoute() {
        return RouteRule.publicRoute("/follow-up/close");
    }
}
