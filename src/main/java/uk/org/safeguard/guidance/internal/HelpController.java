package uk.org.safeguard.guidance.internal;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import uk.org.safeguard.geography.Borough;
import uk.org.safeguard.geography.BoroughShare;
import uk.org.safeguard.geography.Boroughs;
import uk.org.safeguard.geography.PostcodeLookup;
import uk.org.safeguard.geography.PostcodeResult;
import uk.org.safeguard.web.ErrorItem;
import uk.org.safeguard.web.Field;
import uk.org.safeguard.web.NavigationEntry;
import uk.org.safeguard.web.PublicPageCache;
import uk.org.safeguard.web.RouteRule;

/**
 * "Find help near you": a postcode (full, sector or district) or a borough chosen from the list leads to
 * the borough's page of contacts. The postcode travels in the query string of {@code /help} because the
 * form is a plain GET; it is never logged and never carried on to the borough page's address.
 */
@Controller
class HelpController {

    /** A share of an area's postcodes small enough to send someone straight to the borough holding the rest. */
    static final double NEGLIGIBLE_SHARE = 0.01;

    static final String CITY_OF_LONDON = "E09000001";

    private final PostcodeLookup lookup;
    private final Boroughs boroughs;
    private final BoroughContacts contacts;
    private final MessageSource messages;

    HelpController(PostcodeLookup lookup, Boroughs boroughs, BoroughContacts contacts, MessageSource messages) {
        this.lookup = lookup;
        this.boroughs = boroughs;
        this.contacts = contacts;
        this.messages = messages;
    }

    @GetMapping("/help")
    ModelAndView find(@RequestParam(name = "postcode", required = false) String postcode, Model model,
            HttpServletRequest request) {
        if (postcode == null) {
            PublicPageCache.shareable(request);
            return form(model, Field.blank("postcode"));
        }
        if (postcode.isBlank()) {
            return form(model, Field.of("postcode", postcode, t("help.error.blank")));
        }
        PostcodeResult result = lookup.lookup(postcode);
        if (result instanceof PostcodeResult.InLondon inLondon) {
            return redirectTo(inLondon.borough());
        }
        if (result instanceof PostcodeResult.Partial partial) {
            if (!partial.unknownUnit() && partial.shares().size() == 1
                    && partial.outsideLondonShare() < NEGLIGIBLE_SHARE) {
                return redirectTo(partial.shares().get(0).borough());
            }
            return choose(model, partial, postcode);
        }
        if (result instanceof PostcodeResult.NotInLondon notInLondon) {
            model.addAttribute("postcode", notInLondon.normalised());
            return new ModelAndView("pages/guidance/help/notInLondon");
        }
        return form(model, Field.of("postcode", postcode, t("help.error.invalid")));
    }

    @GetMapping("/help/{slug}")
    String borough(@PathVariable String slug, Model model, HttpServletRequest request) {
        Borough borough = boroughs.bySlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        PublicPageCache.shareable(request);
        model.addAttribute("borough", borough);
        model.addAttribute("contact", contacts.published(borough.code()).map(HelpContact::of).orElse(null));
        model.addAttribute("cityOfLondon", CITY_OF_LONDON.equals(borough.code()));
        return "pages/guidance/help/borough";
    }

    private ModelAndView form(Model model, Field postcode) {
        model.addAttribute("postcode", postcode);
        model.addAttribute("errors", postcode.hasError() ? List.of(ErrorItem.of(postcode)) : List.of());
        model.addAttribute("boroughs", boroughs.all());
        return new ModelAndView("pages/guidance/help/index");
    }

    private ModelAndView choose(Model model, PostcodeResult.Partial partial, String typed) {
        HelpChoice.Outside outside = partial.outsideLondonShare() < NEGLIGIBLE_SHARE ? HelpChoice.Outside.NONE
                : partial.outsideLondonShare() >= 0.5 ? HelpChoice.Outside.MOST : HelpChoice.Outside.PART;
        List<Borough> choices = partial.shares().stream().map(BoroughShare::borough).toList();
        model.addAttribute("choice", new HelpChoice(partial.area(), choices,
                partial.unknownUnit() ? displayed(typed) : null, outside));
        return new ModelAndView("pages/guidance/help/choose");
    }

    /** A full postcode as it is written, {@code E1 6ZZ}, from however it was typed (the lookup has read it as one). */
    private static String displayed(String typed) {
        String compact = typed.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        return compact.length() > 3 ? compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3)
                : compact;
    }

    /** 303 to the borough's page, carrying nothing of what was typed (no model attributes in the address). */
    private static ModelAndView redirectTo(Borough borough) {
        RedirectView view = new RedirectView("/help/" + borough.slug(), true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExposeModelAttributes(false);
        return new ModelAndView(view);
    }

    private String t(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    @Bean
    static NavigationEntry helpNavigation() {
        return new NavigationEntry("/help", "help.nav", 10);
    }

    @Bean
    static RouteRule helpRoute() {
        return RouteRule.publicRoute("/help");
    }

    @Bean
    static RouteRule helpBoroughRoute() {
        return RouteRule.publicRoute("/help/{slug}");
    }
}
