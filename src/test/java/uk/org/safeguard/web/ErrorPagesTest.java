package uk.org.safeguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import uk.org.safeguard.support.Http;
import uk.org.safeguard.support.IntegrationTest;
import uk.org.safeguard.support.TestPages;

@IntegrationTest
@Import(TestPages.class)
class ErrorPagesTest {

    @LocalServerPort
    int port;

    @Test
    void unknownUrlsGetTheGovukNotFoundPage() {
        HttpResponse<String> response = new Http(port).get("/no-such-page", "Accept", "text/html");
        assertThat(response.statusCode()).isEqualTo(404);
        Document page = Jsoup.parse(response.body());
        assertThat(page.title()).isEqualTo("Page not found – Safeguard");
        assertThat(page.select("h1.govuk-heading-l").text()).isEqualTo("Page not found");
        assertThat(page.select("header .govuk-service-navigation__service-name").text()).isEqualTo("Safeguard");
        assertThat(page.select("footer a[href=/accessibility]")).hasSize(1);
    }

    @Test
    void aServerErrorShowsTheProblemPageWithoutAnyDetail() {
        HttpResponse<String> response = new Http(port).get("/test/boom", "Accept", "text/html");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(Jsoup.parse(response.body()).select("h1").text())
                .isEqualTo("Sorry, there is a problem with the service");
        assertThat(response.body()).doesNotContain(TestPages.SECRET, "IllegalStateException", "Exception",
                "at uk.org", "trace");
    }

    @Test
    void anUnreachableDatabaseIsServiceUnavailable() {
        HttpResponse<String> response = new Http(port).get("/test/database-down", "Accept", "text/html");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo("Sorry, the service is unavailable");
        assertThat(response.body()).doesNotContain(TestPages.SECRET, "Exception");
    }

    @Test
    void apiClientsGetProblemJsonWithoutDetail() {
        HttpResponse<String> response = new Http(port).get("/test/boom", "Accept", "application/json");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":500").doesNotContain(TestPages.SECRET, "Exception");

        HttpResponse<String> missing = new Http(port).get("/api/v0/nothing", "Accept", "application/json");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("\"status\":404");
    }
}
