package uk.org.safeguard.intake.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The partner API's OpenAPI description at {@code /v3/api-docs} (only the {@code /api/} paths, see
 * {@code springdoc.paths-to-match}): the bearer key scheme, and the referral's required fields. Those
 * are read from {@link ReferralRules} itself (the fields an empty referral is refused for, other than
 * for length), so the description cannot drift from what the API enforces.
 */
@ConditionalOnWebApplication
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "apiKey";

    @Bean
    OpenAPI safeguardApi() {
        return new OpenAPI()
                .info(new Info().title("Safeguard partner API").version("1")
                        .description("Professional referrals from schools' and councils' safeguarding systems. "
                                + "Ask the programme for an API key and send it as Authorization: Bearer <key>. "
                                + "Errors are application/problem+json; a 400 names each invalid field by its "
                                + "dotted path (person.fullName)."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("The API key issued with admin create-api-client (sgk_...)")));
    }

    /**
     * The description is JSON whatever the client asks for: someone opening it in a browser that asks
     * only for HTML reads the JSON rather than getting a 406.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiDocsAsJson() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                chain.doFilter(new HttpServletRequestWrapper(request) {
                    @Override
                    public String getHeader(String name) {
                        return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? MediaType.APPLICATION_JSON_VALUE
                                : super.getHeader(name);
                    }

                    @Override
                    public Enumeration<String> getHeaders(String name) {
                        return HttpHeaders.ACCEPT.equalsIgnoreCase(name)
                                ? Collections.enumeration(List.of(MediaType.APPLICATION_JSON_VALUE)) : super.getHeaders(name);
                    }
                }, response);
            }
        });
        registration.addUrlPatterns("/v3/api-docs");
        return registration;
    }

    @Bean
    OpenApiCustomizer referralRequiredFields() {
        return openApi -> {
            Map<String, Schema> schemas = openApi.getComponents() == null ? null : openApi.getComponents().getSchemas();
            if (schemas == null) {
                return;
            }
            Map<String, List<String>> required = requiredFields();
            required.forEach((schemaName, fields) -> {
                Schema<?> schema = schemas.get(schemaName);
                if (schema != null) {
                    schema.setRequired(new ArrayList<>(fields));
                }
            });
            Schema<?> referral = schemas.get("ReferralDetails");
            if (referral != null && referral.getProperties() != null) {
                Schema<?> indicators = referral.getProperties().get("indicators");
                if (indicators != null && indicators.getItems() != null) {
                    @SuppressWarnings("unchecked")
                    Schema<Object> items = (Schema<Object>) indicators.getItems();
                    items.setEnum(new ArrayList<>(ReferralRules.INDICATORS));
                }
            }
        };
    }

    /** Required fields by schema name, from the problems {@link ReferralRules} finds in an empty referral. */
    static Map<String, List<String>> requiredFields() {
        ReferralDetails empty = new ReferralDetails(new ReferralDetails.Person(null, null, null, null, null, null),
                new ReferralDetails.Referrer(null, null, null, null, null), null, null, null, null, null, null, null, null,
                null, null, null, null, null);
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        Map<String, String> schemaOf = Map.of("person", "Person", "referrer", "Referrer");
        Map<String, List<String>> required = new LinkedHashMap<>();
        for (ReferralRules.Problem problem : ReferralRules.check(empty, clock)) {
            String field = problem.field();
            int dot = field.indexOf('.');
            if (dot < 0) {
                add(required, "ReferralDetails", field);
            } else {
                add(required, "ReferralDetails", field.substring(0, dot));
                add(required, schemaOf.get(field.substring(0, dot)), field.substring(dot + 1));
            }
        }
        return required;
    }

    private static void add(Map<String, List<String>> required, String schema, String field) {
        List<String> fields = required.computeIfAbsent(schema, k -> new ArrayList<>());
        if (!fields.contains(field)) {
            fields.add(field);
        }
    }
}
