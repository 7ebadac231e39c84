package uk.org.safeguard.intake.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.org.safeguard.web.RouteRule;

/** The routes of the public concern journey: open to everyone, no account needed. */
@Configuration(proxyBeanMethods = false)
class ConcernRoutes {

    @Bean
    static RouteRule concernRoute() {
        return RouteRule.publicRoute("/concern");
    }

    @Bean
    static RouteRule concernAboutRoute() {
        return RouteRule.publicRoute("/concern/about");
    }

    @Bean
    static RouteRule concernDangerRoute() {
        return RouteRule.publicRoute("/concern/danger");
    }

    @Bean
    static RouteRule concernCallNineNineNineRoute() {
        return RouteRule.publicRoute("/concern/call-999");
    }

    @Bean
    static RouteRule concernRelationshipRoute() {
        return RouteRule.publicRoute("/concern/relationship");
    }

    @Bean
    static RouteRule concernAgeRoute() {
        return RouteRule.publicRoute("/concern/age");
    }

    @Bean
    static RouteRule concernWhereRoute() {
        return RouteRule.publicRoute("/concern/where");
    }

    @Bean
    static RouteRule concernNoticedRoute() {
        return RouteRule.publicRoute("/concern/noticed");
    }

    @Bean
    static RouteRule concernSinceRoute() {
        return RouteRule.publicRoute("/concern/since");
    }

    @Bean
    static RouteRule concernOnlineRoute() {
        return RouteRule.publicRoute("/concern/online");
    }

    @Bean
    static RouteRule concernChildrenRoute() {
        return RouteRule.publicRoute("/concern/children");
    }

    @Bean
    static RouteRule concernOthersKnowRoute() {
        return RouteRule.publicRoute("/concern/others-know");
    }

    @Bean
    static RouteRule concernContactRoute() {
        return RouteRule.publicRoute("/concern/contact");
    }

    @Bean
    static RouteRule concernCheckAnswersRoute() {
        return RouteRule.publicRoute("/concern/check-answers");
    }

    @Bean
    static RouteRule concernConfirmationRoute() {
        return RouteRule.publicRoute("/concern/confirmation");
    }

    @Bean
    static RouteRule concernConfirmationSaveRoute() {
        return RouteRule.publicRoute("/concern/confirmation/save");
    }

    @Bean
    static RouteRule concernSavedRoute() {
        return RouteRule.publicRoute("/concern/saved");
    }

    @Bean
    static RouteRule concernResumeRoute() {
        return RouteRule.publicRoute("/concern/resume");
    }
}
