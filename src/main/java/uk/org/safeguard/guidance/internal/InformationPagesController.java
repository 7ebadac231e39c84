package uk.org.safeguard.guidance.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import uk.org.safeguard.web.RouteRule;

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

    @Bean
    static RouteRule cookiesRoute() {
        return RouteRule.publicRoute("/cookies");
    }

    @Bean
    static RouteRule privacyNoticeRoute() {
        return RouteRule.publicRoute("/your-data");
    }

    @Bean
    static RouteRule accessibilityStatementRoute() {
        return RouteRule.publicRoute("/accessibility");
    }
}
