package uk.org.safeguard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.org.safeguard.support.Http;
import uk.org.safeguard.support.IntegrationTest;

@IntegrationTest
class OperationsTest {

    @LocalServerPort
    int port;

    @Test
    void livenessAndReadinessProbesAreUp() {
        Http http = new Http(port);
        assertThat(http.get("/actuator/health/liveness").body()).startsWith("{\"status\":\"UP\"");
        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness").body()).as("readiness follows the database")
                .endsWith(",\"status\":\"UP\"}").contains("\"db\":{\"status\":\"UP\"}");
        assertThat(http.get("/actuator/health").body()).doesNotContain("postgres", "jdbc");
    }

    @Test
    void buildInfoIsPublished() {
        assertThat(new Http(port).get("/actuator/info").body()).contains("\"artifact\":\"safeguard\"", "\"version\"");
    }
}
