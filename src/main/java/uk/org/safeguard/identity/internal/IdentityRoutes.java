package uk.org.safeguard.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.org.safeguard.identity.Permission;
import uk.org.safeguard.web.RouteRule;

/** The access rule of every route identity serves. */
@Configuration(proxyBeanMethods = false)
class IdentityRoutes {

    @Bean
    static RouteRule signInRoute() {
        return RouteRule.signInFlow("/sign-in");
    }

    @Bean
    static RouteRule twoFactorRoute() {
        return RouteRule.signInFlow("/sign-in/two-factor");
    }

    @Bean
    static RouteRule setUpTwoFactorRoute() {
        return RouteRule.signInFlow("/sign-in/set-up-two-factor");
    }

    @Bean
    static RouteRule forgotPasswordRoute() {
        return RouteRule.signInFlow("/sign-in/forgot-password");
    }

    @Bean
    static RouteRule resetPasswordRoute() {
        return RouteRule.signInFlow("/sign-in/reset-password/{token}");
    }

    @Bean
    static RouteRule signOutRoute() {
        return RouteRule.signInFlow("/sign-out");
    }

    @Bean
    static RouteRule staffHomeRoute() {
        return RouteRule.staff("/staff");
    }

    @Bean
    static RouteRule signOutEverywhereRoute() {
        return RouteRule.staff("/staff/sign-out-everywhere");
    }

    @Bean
    static RouteRule changePasswordRoute() {
        return RouteRule.staff("/staff/account/password");
    }

    @Bean
    static RouteRule resetAuthenticatorRoute() {
        return RouteRule.staff("/staff/account/authenticator");
    }

    @Bean
    static RouteRule accountsRoute() {
        return RouteRule.staff("/staff/admin/accounts", Permission.ACCOUNTS_MANAGE.authority());
    }

    @Bean
    static RouteRule auditSearchRoute() {
        return RouteRule.staff("/staff/audit", Permission.AUDIT_READ.authority());
    }
}
