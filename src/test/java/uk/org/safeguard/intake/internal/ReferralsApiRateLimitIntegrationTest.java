package uk.org.safeguard.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import uk.org.safeguard.support.IntegrationTest;

/** A client that sends faster than its rate is told to wait; another client is not held back by it. */
@IntegrationTest
@TestPropertySource(properties = {"safeguard.intake.api.rate-per-second=0.5", "safeguard.intake.api.burst=3"})
class ReferralsApiRateLimitIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiClients clients;

    @Test
    void aClientOverItsRateGets429WithRetryAfter() {
        String key = clients.create("Fast client", "system:test").key();
        String other = clients.create("Calm client", "system:test").key();
        ApiTestClient api = new ApiTestClient(port);
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 5; i++) {
            last = api.post("/api/v1/referrals", key, null, ApiTestClient.referral("Rate", "E1 6AA"));
            statuses.add(last.statusCode());
        }
        assertThat(statuses).containsExactly(201, 201, 201, 429, 429);
        assertThat(last.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 2L);
        assertThat(api.get("/api/v1/referrals/SG-2345-6789", key).statusCode()).isEqualTo(429);
        assertThat(api.post("/api/v1/referrals", other, null, ApiTestClient.referral("Rate", "E1 6AA")).statusCode())
                .isEqualTo(201);
    }
}
