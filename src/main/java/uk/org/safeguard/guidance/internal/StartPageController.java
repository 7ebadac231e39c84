package uk.org.safeguard.guidance.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import uk.org.safeguard.web.NavigationEntry;
import uk.org.safeguard.web.PublicPageCache;
import uk.org.safeguard.web.RouteRule;

/** The start page: what Safeguard is for and where to turn. */
@Controller
class StartPageController {

    @GetMapping("/")
    String start(HttpServletRequest request) {
        PublicPageCache.shareable(request);
        return "pages/guidance/start";
    }

    @Bean
    static NavigationEntry startNavigation() {
        return new NavigationEntry("/", "guidance.nav.home", 0);
    }

    @Bean
    static RouteRule startRoute() {
        return RouteRule.publicRoute("/");
    }
}
