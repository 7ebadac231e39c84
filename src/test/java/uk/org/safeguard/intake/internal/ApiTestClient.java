package uk.org.safeguard.intake.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Sends JSON to the partner API in tests. */
final class ApiTestClient {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    private final int port;

    ApiTestClient(int port) {
        this.port = port;
    }

    HttpResponse<String> post(String path, String key, String idempotencyKey, String json) {
        List<String> headers = new ArrayList<>(List.of("Content-Type", "application/json", "Accept", "application/json"));
        if (key != null) {
            headers.addAll(List.of("Authorization", "Bearer " + key));
        }
        if (idempotencyKey != null) {
            headers.addAll(List.of("Idempotency-Key", idempotencyKey));
        }
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .headers(headers.toArray(String[]::new)).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> get(String path, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A complete, valid referral as JSON, for a person living at {@code postcode}, named {@code name}. */
    static String referral(String name, String postcode) {
        return """
                {"person": {"fullName": %s, "dateOfBirth": "2009-04-01", "address": "1 Example Street\\nLondon",
                            "postcode": %s, "gender": "male", "schoolOrWorkplace": "Example Academy"},
                 "referrer": {"fullName": "Sam Teacher", "organisation": "Example Academy", "role": "DSL",
                              "email": "dsl@example.org", "phone": "020 7946 0000"},
                 "relationship": "Teacher",
                 "howConcernArose": "Shared extremist videos in class",
                 "indicators": ["extremist-material", "changed-behaviour"],
                 "fears": "That he may be drawn into violence"}
                """.formatted(quote(name), quote(postcode));
    }

    static String quote(String s) {
        return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
