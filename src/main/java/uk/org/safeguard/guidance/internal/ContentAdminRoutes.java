package uk.org.safeguard.guidance.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.org.safeguard.identity.Permission;
import uk.org.safeguard.web.RouteRule;

/** The staff content pages are for staff who may edit public content (the programme team, administrators). */
@Configuration(proxyBeanMethods = false)
class ContentAdminRoutes {

    private static RouteRule contentManagers(String pattern) {
        return RouteRule.staff(pattern, Permission.CONTENT_MANAGE.authority());
    }

    @Bean
    static RouteRule contentOverviewRoute() {
        return contentManagers(ContentAdminController.OVERVIEW);
    }

    @Bean
    static RouteRule contentPageRoute() {
        return contentManagers(ContentAdminController.PAGE);
    }

    @Bean
    static RouteRule contentPageVersionRoute() {
        return contentManagers(ContentAdminController.VERSION);
    }

    @Bean
    static RouteRule contentPagePublishRoute() {
        return contentManagers(ContentAdminController.PUBLISH);
    }

    @Bean
    static RouteRule contentContactsRoute() {
        return contentManagers(ContentAdminContactsController.CONTACTS);
    }

    @Bean
    static RouteRule contentContactRoute() {
        return contentManagers(ContentAdminContactsController.CONTACT);
    }

    @Bean
    static RouteRule contentContactVersionRoute() {
        return contentManagers(ContentAdminContactsController.VERSION);
    }

    @Bean
    static RouteRule contentContactPublishRoute() {
        return contentManagers(ContentAdminContactsController.PUBLISH);
    }
}
