package uk.org.safeguard.intake.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import uk.org.safeguard.intake.internal.Attachments.AttachmentInfo;
import uk.org.safeguard.intake.internal.Attachments.Refusal;
import uk.org.safeguard.intake.internal.Attachments.Upload;
import uk.org.safeguard.intake.internal.Drafts.Draft;
import uk.org.safeguard.web.ErrorItem;
import uk.org.safeguard.web.Field;
import uk.org.safeguard.web.PageContext;

/**
 * The attachments step of each public journey, between its last question and its check-answers page: the
 * files already added (each with a Remove button), a file upload (one file at a time, posted as
 * multipart form data) and Continue. A refused file is named with its own error; the draft's answers and
 * its other files stay as they were. An upload too large for the server to read at all comes back here
 * too, with the limit named ({@link AttachmentsUploadLimit}).
 */
@Controller
class AttachmentsController {

    static final String FILE_FIELD = "file";

    private final Drafts drafts;
    private final Attachments attachments;

    AttachmentsController(Drafts drafts, Attachments attachments) {
        this.drafts = drafts;
        this.attachments = attachments;
    }

    /** Where each journey's attachments step sits. */
    enum Step {
        CONCERN(Journey.CONCERN, "/concern", "/concern/contact"),
        HATE_REPORT(Journey.HATE_REPORT, "/report-hate", "/report-hate/description"),
        REFERRAL(Journey.REFERRAL, "/refer", "/refer/fears");

        final Journey journey;
        final String start;
        final String back;

        Step(Journey journey, String start, String back) {
            this.journey = journey;
            this.start = start;
            this.back = back;
        }

        String path() {
            return start + "/attachments";
        }

        String checkAnswers() {
            return start + "/check-answers";
        }

        static Optional<Step> of(HttpServletRequest request) {
            String uri = request.getRequestURI().substring(request.getContextPath().length());
            for (Step step : values()) {
                if (uri.equals(step.path()) || uri.equals(step.path() + "/remove")) {
                    return Optional.of(step);
                }
            }
            return Optional.empty();
        }
    }

    @GetMapping({"/concern/attachments", "/report-hate/attachments", "/refer/attachments"})
    String page(@RequestParam(name = "refused", required = false) String refused, HttpServletRequest request,
            PageContext page, Model model) {
        Step step = Step.of(request).orElseThrow();
        Optional<Draft> draft = drafts.find(request, step.journey);
        if (draft.isEmpty()) {
            return "redirect:" + step.start;
        }
        Refusal refusal = AttachmentsUploadLimit.REFUSED_TOO_LARGE.equals(refused) ? Refusal.TOO_LARGE : null;
        return show(step, draft.get(), refusal, page, model);
    }

    @PostMapping({"/concern/attachments", "/report-hate/attachments", "/refer/attachments"})
    String upload(@RequestParam(name = FILE_FIELD, required = false) MultipartFile file,
            @RequestParam(name = "action", defaultValue = "upload") String action, HttpServletRequest request,
            PageContext page, Model model) throws IOException {
        Step step = Step.of(request).orElseThrow();
        Optional<Draft> found = drafts.find(request, step.journey);
        if (found.isEmpty()) {
            return "redirect:" + step.start;
        }
        Draft draft = found.get();
        boolean continuing = "continue".equals(action);
        boolean chosen = file != null && (file.getSize() > 0 || !isBlank(file.getOriginalFilename()));
        if (!chosen) {
            return continuing ? "redirect:" + step.checkAnswers() : show(step, draft, Refusal.NO_FILE, page, model);
        }
        Upload upload;
        try (InputStream content = file.getInputStream()) {
            upload = attachments.attach(draft.id(), file.getOriginalFilename(), file.getSize(), content);
        } catch (NoSuchElementException draftGone) {
            return "redirect:" + step.start;
        }
        if (!upload.accepted()) {
            return show(step, draft, upload.refusal(), page, model);
        }
        drafts.save(draft); // keeps the draft (and so its files) for as long as its answers
        return "redirect:" + (continuing ? step.checkAnswers() : step.path());
    }

    @PostMapping({"/concern/attachments/remove", "/report-hate/attachments/remove", "/refer/attachments/remove"})
    String remove(@RequestParam(name = "id", defaultValue = "") String id, HttpServletRequest request) {
        Step step = Step.of(request).orElseThrow();
        Optional<Draft> draft = drafts.find(request, step.journey);
        if (draft.isEmpty()) {
            return "redirect:" + step.start;
        }
        try {
            attachments.remove(draft.get().id(), UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
            // nothing to remove
        }
        return "redirect:" + step.path();
    }

    private String show(Step step, Draft draft, Refusal refusal, PageContext page, Model model) {
        List<AttachmentInfo> files = attachments.ofDraft(draft.id());
        String error = refusal == null ? null : page.t(refusal.messageKey(), refusal.messageArguments());
        Field field = Field.of(FILE_FIELD, null, error);
        model.addAttribute("action", step.path());
        model.addAttribute("backHref", step.back);
        model.addAttribute("file", field);
        model.addAttribute("errors", field.hasError() ? List.of(ErrorItem.of(field)) : List.<ErrorItem>of());
        model.addAttribute("files", files.stream().map(f -> new AttachmentView(f.id().toString(), f.name(), describe(page, f)))
                .toList());
        model.addAttribute("full", files.size() >= Attachments.MAX_FILES);
        model.addAttribute("maxFiles", Attachments.MAX_FILES);
        model.addAttribute("maxMegabytes", Attachments.MAX_MEGABYTES);
        return "pages/intake/attachments";
    }

    private static String describe(PageContext page, AttachmentInfo file) {
        String kind = page.t(switch (file.mediaType()) {
            case AttachmentContent.JPEG -> "attachments.kind.jpeg";
            case AttachmentContent.PNG -> "attachments.kind.png";
            default -> "attachments.kind.pdf";
        });
        String size = file.sizeBytes() >= 1024 * 1024
                ? page.t("attachments.size.mb", Math.round(file.sizeBytes() / 104857.6) / 10.0)
                : page.t("attachments.size.kb", Math.max(1, Math.round(file.sizeBytes() / 1024.0)));
        return page.t("attachments.description", kind, size);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
