package uk.org.safeguard.web.internal;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import uk.org.safeguard.web.RouteRule;
import uk.org.safeguard.web.SecurityHeaders;

/**
 * The security baseline every response carries ({@link SecurityHeaders}), CSRF on every form, and the
 * public filter chain: it serves every request that no more specific chain (staff, metrics) claims,
 * applying the public and deny {@link RouteRule}s and letting anything else through so that unknown
 * addresses reach the "Page not found" page. Prometheus metrics need the {@code metrics} account,
 * which exists only when {@code SAFEGUARD_METRICS_PASSWORD} is set.
 */
@ConditionalOnWebApplication
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain metricsChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/prometheus")
                .authorizeHttpRequests(a -> a.anyRequest().hasRole("METRICS"))
                .httpBasic(Customizer.withDefaults())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(SecurityHeaders::apply);
        return http.build();
    }

    @Bean
    @Order(100)
    SecurityFilterChain publicChain(HttpSecurity http, ObjectProvider<RouteRule> rules) throws Exception {
        List<RouteRule> all = rules.orderedStream().toList();
        http.authorizeHttpRequests(a -> {
            a.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                    .requestMatchers("/actuator/**").denyAll();
            for (RouteRule rule : all) {
                switch (rule.access()) {
                    case PUBLIC -> a.requestMatchers(rule.pattern()).permitAll();
                    // Staff and sign-in routes belong to the staff chain, API routes to the API chain; reaching this
                    // chain means that chain is absent.
                    case DENY, STAFF, SIGN_IN_FLOW, API -> a.requestMatchers(rule.pattern()).denyAll();
                }
            }
            a.anyRequest().permitAll();
        })
                .requestCache(c -> c.disable())
                .csrf(c -> c.csrfTokenRepository(publicCsrfTokens()))
                .headers(SecurityHeaders::apply);
        return http.build();
    }

    /**
     * Public forms keep their CSRF token in a cookie of its own (HttpOnly, SameSite=Lax, Secure over
     * HTTPS) rather than in the server session, so a session that times out while someone is typing a
     * concern does not turn their next press of Continue into a refusal that loses what they wrote.
     */
    static CookieCsrfTokenRepository publicCsrfTokens() {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookieName("safeguard_csrf");
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").path("/"));
        return tokens;
    }

    /**
     * No observations of Spring Security's filters at all: they cost more than they tell (a partner API
     * request spent a tenth of its time in them) and the request metrics stay. The property
     * {@code management.observations.enable.spring.security=false} only silences them: the chain is still
     * wrapped filter by filter.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** The routes this module serves itself. */
    @Bean
    static RouteRule errorPageRoute() {
        return RouteRule.publicRoute("/error");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService metricsAccount(@Value("${safeguard.metrics.password:}") String password,
            PasswordEncoder encoder) {
        InMemoryUserDetailsManager accounts = new InMemoryUserDetailsManager();
        if (!password.isBlank()) {
            accounts.createUser(User.withUsername("metrics").password(encoder.encode(password)).roles("METRICS").build());
        }
        return accounts;
    }
}
