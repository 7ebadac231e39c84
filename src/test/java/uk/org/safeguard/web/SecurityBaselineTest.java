package uk.org.safeguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import uk.org.safeguard.support.Http;
import uk.org.safeguard.support.IntegrationTest;
import uk.org.safeguard.support.TestPages;

@IntegrationTest
@Import(TestPages.class)
class SecurityBaselineTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/", "/no-such-page", "/test/boom", "/govuk/govuk-frontend.min.css", "/actuator/health"})
    void everyResponseCarriesTheSecurityHeaders(String path) {
        HttpResponse<String> response = new Http(port).get(path, "Accept", "text/html");
        String csp = header(response, "Content-Security-Policy");
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'").doesNotContain("unsafe-inline",
                "unsafe-eval", "http:", "https:", "*");
        assertThat(header(response, "Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(response, "X-Frame-Options")).isEqualTo("DENY");
        assertThat(header(response, "Permissions-Policy")).contains("camera=()", "microphone=()", "geolocation=()");
        assertThat(response.headers().firstValue("Strict-Transport-Security"))
                .as("HSTS is only sent over HTTPS").isEmpty();
    }

    @Test
    void behindAnHttpsProxyHstsIsSentAndTheSessionCookieIsSecure() {
        HttpResponse<String> response = new Http(port).get("/test/session", "X-Forwarded-Proto", "https");
        assertThat(header(response, "Strict-Transport-Security")).contains("max-age=31536000", "includeSubDomains");
        String cookie = sessionCookie(response);
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Secure");
    }

    @Test
    void overPlainHttpTheSessionCookieIsHttpOnlyAndLax() {
        String cookie = sessionCookie(new Http(port).get("/test/session"));
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void pagesLoadNothingFromAnotherOrigin() {
        String html = new Http(port).get("/").body();
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//")
                .doesNotContain("<script>").doesNotContain("style=\"");
    }

    @Test
    void metricsNeedTheMetricsAccount() {
        Http http = new Http(port);
        assertThat(http.get("/actuator/prometheus").statusCode()).isEqualTo(401);
        String credentials = java.util.Base64.getEncoder().encodeToString("metrics:wrong".getBytes());
        assertThat(http.get("/actuator/prometheus", "Authorization", "Basic " + credentials).statusCode())
                .isEqualTo(401);
        credentials = java.util.Base64.getEncoder().encodeToString("metrics:test-metrics-password".getBytes());
        HttpResponse<String> response = http.get("/actuator/prometheus", "Authorization", "Basic " + credentials);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes", "hikaricp_connections");
    }

    @Test
    void otherActuatorEndpointsAreClosed() {
        Http http = new Http(port);
        for (String path : List.of("/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump")) {
            assertThat(http.get(path).statusCode()).as(path).isIn(403, 404);
        }
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header"));
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SAFEGUARD_SESSION="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }
}
