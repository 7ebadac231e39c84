package uk.org.safeguard.intake.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.org.safeguard.web.RouteRule;

/** The access rule of every route of the professional referral and the hate-incident report. */
@Configuration(proxyBeanMethods = false)
class ReferralAndHateRoutes {

    @Bean
    static RouteRule referStartRoute() {
        return RouteRule.publicRoute("/refer");
    }

    @Bean
    static RouteRule referPersonRoute() {
        return RouteRule.publicRoute("/refer/person");
    }

    @Bean
    static RouteRule referYouRoute() {
        return RouteRule.publicRoute("/refer/you");
    }

    @Bean
    static RouteRule referConcernRoute() {
        return RouteRule.publicRoute("/refer/concern");
    }

    @Bean
    static RouteRule referNeedsRoute() {
        return RouteRule.publicRoute("/refer/needs");
    }

    @Bean
    static RouteRule referFearsRoute() {
        return RouteRule.publicRoute("/refer/fears");
    }

    @Bean
    static RouteRule referCheckRoute() {
        return RouteRule.publicRoute("/refer/check-answers");
    }

    @Bean
    static RouteRule referConfirmationRoute() {
        return RouteRule.publicRoute("/refer/confirmation");
    }

    @Bean
    static RouteRule referConfirmEmailRoute() {
        return RouteRule.publicRoute("/refer/confirm/{token}");
    }

    @Bean
    static RouteRule hateStartRoute() {
        return RouteRule.publicRoute("/report-hate");
    }

    @Bean
    static RouteRule hateWhatRoute() {
        return RouteRule.publicRoute("/report-hate/what");
    }

    @Bean
    static RouteRule hateWhereRoute() {
        return RouteRule.publicRoute("/report-hate/where");
    }

    @Bean
    static RouteRule hateWhenRoute() {
        return RouteRule.publicRoute("/report-hate/when");
    }

    @Bean
    static RouteRule hateContactRoute() {
        return RouteRule.publicRoute("/report-hate/contact");
    }

    @Bean
    static RouteRule hateDescriptionRoute() {
        return RouteRule.publicRoute("/report-hate/description");
    }

    @Bean
    static RouteRule hateCheckRoute() {
        return RouteRule.publicRoute("/report-hate/check-answers");
    }

    @Bean
    static RouteRule hateConfirmationRoute() {
        return RouteRule.publicRoute("/report-hate/confirmation");
    }

    @Bean
    static RouteRule hateQueueRoute() {
        return RouteRule.staff("/staff/hate-reports", HateReportQueueController.PERMISSION.authority());
    }

    @Bean
    static RouteRule hateReportRoute() {
        return RouteRule.staff("/staff/hate-reports/{reference}", HateReportQueueController.PERMISSION.authority());
    }
}
