package uk.org.safeguard.guidance.internal;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

import uk.org.safeguard.web.NavigationEntry;
import uk.org.safeguard.web.PublicPageCache;
import uk.org.safeguard.web.RouteRule;

/**
 * The guidance pages whose text is content staff edit (the signs, what happens next, the privacy notice,
 * the accessibility statement) and the cookies page, whose table describes the cookies the code sets.
 */
@Controller
class InformationPagesController {

    private final PageContents contents;

    InformationPagesController(PageContents contents) {
        this.contents = contents;
    }

    @GetMapping("/signs")
    String signs(Locale locale, Model model, HttpServletRequest request) {
        PublicPageCache.shareable(request);
        return show(GuidancePage.SIGNS, locale, model);
    }

    @GetMapping("/what-happens-next")
    String whatHappensNext(Locale locale, Model model, HttpServletRequest request) {
        PublicPageCache.shareable(request);
        return show(GuidancePage.WHAT_HAPPENS_NEXT, locale, model);
    }

    @GetMapping("/your-data")
    String privacyNotice(Locale locale, Model model, HttpServletRequest request) {
        PublicPageCache.shareable(request);
        return show(GuidancePage.YOUR_DATA, locale, model);
    }

    @GetMapping("/accessibility")
    String accessibilityStatement(Locale locale, Model model, HttpServletRequest request) {
        PublicPageCache.shareable(request);
        return show(GuidancePage.ACCESSIBILITY, locale, model);
    }

    @GetMapping("/cookies")
    String cookies(HttpServletRequest request) {
        PublicPageCache.shareable(request);
        return "pages/guidance/cookies";
    }

    private String show(GuidancePage page, Locale locale, Model model) {
        String language = locale.getLanguage();
        PageContents.Shown shown = contents.published(page, language)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("content", ContentView.of(shown, language));
        return "pages/guidance/content";
    }

    @Bean
    static NavigationEntry signsNavigation() {
        return new NavigationEntry("/signs", "guidance.nav.signs", 30);
    }

    @Bean
    static RouteRule signsRoute() {
        return RouteRule.publicRoute("/signs");
    }

    @Bean
    static RouteRule whatHappensNextRoute() {
        return RouteRule.publicRoute("/what-happens-next");
    }

    @Bean
    static RouteRule privacyNoticeRoute() {
        return RouteRule.publicRoute("/your-data");
    }

    @Bean
    static RouteRule accessibilityStatementRoute() {
        return RouteRule.publicRoute("/accessibility");
    }

    @Bean
    static RouteRule cookiesRoute() {
        return RouteRule.publicRoute("/cookies");
    }
}
