package uk.org.safeguard.guidance.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The pages the footer links to on every page: cookies, the privacy notice and the accessibility statement. */
@Controller
class InformationPagesController {

    @GetMapping("/cookies")
    String cookies() {
        return "pages/guidance/cookies";
    }

    @GetMapping("/your-data")
    String privacyNotice() {
        return "pages/guidance/your-data";
    }

    @GetMapping("/accessibility")
    String accessibilityStatement() {
        return "pages/guidance/accessibility";
    }
}
