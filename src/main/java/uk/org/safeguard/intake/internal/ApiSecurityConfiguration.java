package uk.org.safeguard.intake.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import uk.org.safeguard.web.RouteRule;
import uk.org.safeguard.web.SecurityHeaders;

/**
 * The API filter chain: everything under {@code /api/v1/}, stateless (no session, no cookie, so no CSRF),
 * with the same security headers as every other response. Each request must carry an API client's key as
 * {@code Authorization: Bearer <key>} (401 otherwise) and stay within its client's rate (429 with
 * {@code Retry-After} otherwise); the client is then available to the controller as a request attribute.
 */
@ConditionalOnWebApplication
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    static final String CLIENT_ATTRIBUTE = ApiClients.ApiClient.class.getName();

    @Bean
    @Order(40)
    SecurityFilterChain apiChain(HttpSecurity http, ObjectProvider<RouteRule> rules, ApiClients clients,
            ApiRateLimiter limiter) throws Exception {
        List<RouteRule> api = rules.orderedStream().filter(r -> r.access() == RouteRule.Access.API).toList();
        http.securityMatcher("/api/v1/**")
                .authorizeHttpRequests(a -> {
                    // The key filter below has admitted the client; an unknown API address then gets a 404.
                    api.forEach(rule -> a.requestMatchers(rule.pattern()).permitAll());
                    a.anyRequest().permitAll();
                })
                .addFilterBefore(new ApiKeyFilter(clients, limiter), AuthorizationFilter.class)
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .anonymous(a -> a.disable())
                .logout(l -> l.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .headers(SecurityHeaders::apply);
        return http.build();
    }

    @Bean
    static RouteRule apiReferrals() {
        return RouteRule.api("/api/v1/referrals");
    }

    @Bean
    static RouteRule apiReferral() {
        return RouteRule.api("/api/v1/referrals/{reference}");
    }

    /** The OpenAPI description of the API is public. */
    @Bean
    static RouteRule apiDocs() {
        return RouteRule.publicRoute("/v3/api-docs");
    }

    /** Checks the bearer key and the client's rate before anything else under {@code /api/v1/}. */
    static final class ApiKeyFilter extends OncePerRequestFilter {

        private static final String BEARER = "Bearer ";

        private final ApiClients clients;
        private final ApiRateLimiter limiter;

        ApiKeyFilter(ApiClients clients, ApiRateLimiter limiter) {
            this.clients = clients;
            this.limiter = limiter;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            ApiClients.ApiClient client = authorization != null && authorization.regionMatches(true, 0, BEARER, 0,
                    BEARER.length()) ? clients.authenticate(authorization.substring(BEARER.length()).strip()).orElse(null)
                            : null;
            if (client == null) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                ApiProblem.of(HttpStatus.UNAUTHORIZED,
                        "Send a valid API key in the header Authorization: Bearer <key>").write(response);
                return;
            }
            long wait = limiter.take(client.id());
            if (wait > 0) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
                ApiProblem.of(HttpStatus.TOO_MANY_REQUESTS, "Too many requests from this client: try again after "
                        + wait + " second" + (wait == 1 ? "" : "s")).write(response);
                return;
            }
            request.setAttribute(CLIENT_ATTRIBUTE, client);
            chain.doFilter(request, response);
        }
    }
}
