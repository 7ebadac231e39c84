package uk.org.safeguard.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import uk.org.safeguard.support.IntegrationTest;

/**
 * A client that sends faster than its rate is told to wait (429, problem+json, Retry-After); another client
 * is not held back by it. The API's own filter with real keys, given a limiter of 0.5 a second with a burst
 * of 3 (the application's limiter allows 200 a second, too many to exceed reliably in a test, and a
 * Spring context of its own for a lower setting would cost a whole application start).
 */
@IntegrationTest
class ReferralsApiRateLimitIntegrationTest {

    @Autowired
    ApiClients clients;

    @Test
    void aClientOverItsRateGets429WithRetryAfter() throws Exception {
        String key = clients.create("Fast client", "system:test").key();
        String other = clients.create("Calm client", "system:test").key();
        ApiSecurityConfiguration.ApiKeyFilter filter = new ApiSecurityConfiguration.ApiKeyFilter(clients,
                new ApiRateLimiter(0.5, 3));

        List<Integer> statuses = new ArrayList<>();
        MockHttpServletResponse last = null;
        for (int i = 0; i < 5; i++) {
            last = send(filter, key);
            statuses.add(last.getStatus());
        }
        assertThat(statuses).containsExactly(200, 200, 200, 429, 429);
        assertThat(last.getContentType()).startsWith("application/problem+json");
        assertThat(last.getContentAsString()).contains("\"status\":429");
        assertThat(Long.parseLong(last.getHeader("Retry-After"))).isBetween(1L, 2L);
        assertThat(send(filter, other).getStatus()).as("another client is not held back").isEqualTo(200);
        assertThat(send(filter, "sgk_not-a-key").getStatus()).isEqualTo(401);
    }

    private static MockHttpServletResponse send(ApiSecurityConfiguration.ApiKeyFilter filter, String key)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/referrals");
        request.addHeader("Authorization", "Bearer " + key);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        if (chain.getRequest() != null) {
            assertThat(request.getAttribute(ApiSecurityConfiguration.CLIENT_ATTRIBUTE)).isNotNull();
        }
        return response;
    }
}
