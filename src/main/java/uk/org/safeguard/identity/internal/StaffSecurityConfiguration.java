package uk.org.safeguard.identity.internal;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

import uk.org.safeguard.identity.StaffAccess;
import uk.org.safeguard.web.RouteRule;
import uk.org.safeguard.web.SecurityHeaders;

/**
 * The staff filter chain: everything under {@code /staff}, the sign-in pages and {@code /sign-out}.
 * Authorisation comes only from the {@link RouteRule}s that modules declare; a staff route with no rule
 * still needs a fully signed-in member of staff. Someone who is not signed in is sent to {@code /sign-in};
 * someone who has given only the password is sent on to the second factor; anyone else without the
 * route's permission gets the 403 page.
 */
@ConditionalOnWebApplication
@Configuration(proxyBeanMethods = false)
class StaffSecurityConfiguration {

    static final String[] STAFF_PATHS = {"/staff", "/staff/**", "/sign-in", "/sign-in/**", "/sign-out"};

    @Bean
    @Order(50)
    SecurityFilterChain staffChain(HttpSecurity http, ObjectProvider<RouteRule> rules, StaffSessions sessions,
            Accounts accounts, IdentityClock clock, IdentityProperties properties, IdentityAudit audit)
            throws Exception {
        List<RouteRule> all = rules.orderedStream().toList();
        http.securityMatcher(STAFF_PATHS)
                .authorizeHttpRequests(a -> {
                    for (RouteRule rule : all) {
                        switch (rule.access()) {
                            case PUBLIC, SIGN_IN_FLOW -> a.requestMatchers(rule.pattern()).permitAll();
                            case DENY -> a.requestMatchers(rule.pattern()).denyAll();
                            case STAFF -> {
                                if (rule.permission() == null) {
                                    a.requestMatchers(rule.pattern()).hasAuthority(StaffAccess.SIGNED_IN_AUTHORITY);
                                } else {
                                    a.requestMatchers(rule.pattern())
                                            .hasAllAuthorities(StaffAccess.SIGNED_IN_AUTHORITY, rule.permission());
                                }
                            }
                        }
                    }
                    a.anyRequest().hasAuthority(StaffAccess.SIGNED_IN_AUTHORITY);
                })
                .securityContext(c -> c.securityContextRepository(sessions.repository()))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/sign-in"))
                        .accessDeniedHandler(secondFactorFirst()))
                .addFilterBefore(new StaffSessionFilter(sessions, accounts, clock, properties, audit),
                        AuthorizationFilter.class)
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .headers(SecurityHeaders::apply);
        return http.build();
    }

    /** Someone half-way through signing in goes on to the second factor instead of seeing a 403. */
    private static AccessDeniedHandler secondFactorFirst() {
        AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
        return (request, response, denied) -> {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)
                    && StaffSessions.hasAuthority(authentication, StaffSessions.PASSWORD_FACTOR)
                    && !StaffSessions.hasAuthority(authentication, StaffAccess.SIGNED_IN_AUTHORITY)) {
                response.sendRedirect(request.getContextPath() + "/sign-in/two-factor");
                return;
            }
            forbidden.handle(request, response, denied);
        };
    }
}
