package uk.org.safeguard.intake.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload larger than the server reads at all ({@code spring.servlet.multipart.max-file-size}) fails before
 * any controller is chosen, so only an advice sees it: on an attachments step, the person is sent back to
 * that step, which names the limit; elsewhere the usual handling applies. The form's CSRF token travels in
 * its address too, so the check passes even though the body was never read.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AttachmentsUploadLimit {

    static final String REFUSED_TOO_LARGE = "too-large";

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(MaxUploadSizeExceededException exception, HttpServletRequest request)
            throws MaxUploadSizeExceededException {
        return AttachmentsController.Step.of(request)
                .map(step -> "redirect:" + step.path() + "?refused=" + REFUSED_TOO_LARGE)
                .orElseThrow(() -> exception);
    }
}
