package uk.org.safeguard.intake.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.org.safeguard.web.RouteRule;

/** The access rules of the attachments steps of the public journeys. */
@Configuration(proxyBeanMethods = false)
class AttachmentsRoutes {

    @Bean
    static RouteRule concernAttachmentsRoute() {
        return RouteRule.publicRoute("/concern/attachments");
    }

    @Bean
    static RouteRule concernAttachmentsRemoveRoute() {
        return RouteRule.publicRoute("/concern/attachments/remove");
    }

    @Bean
    static RouteRule hateReportAttachmentsRoute() {
        return RouteRule.publicRoute("/report-hate/attachments");
    }

    @Bean
    static RouteRule hateReportAttachmentsRemoveRoute() {
        return RouteRule.publicRoute("/report-hate/attachments/remove");
    }

    @Bean
    static RouteRule referralAttachmentsRoute() {
        return RouteRule.publicRoute("/refer/attachments");
    }

    @Bean
    static RouteRule referralAttachmentsRemoveRoute() {
        return RouteRule.publicRoute("/refer/attachments/remove");
    }
}
