package uk.org.safeguard.guidance.internal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * One person's browser over plain HTTP: keeps its cookies, follows no redirects, and sends the CSRF token
 * of the last page it read with every form it posts. A copy of identity's test client of the same name,
 * which is package-private there.
 */
class StaffClient {

    private final int port;
    private final HttpClient client;
    private String csrfName = "_csrf";
    private String csrfToken = "";

    StaffClient(int port) {
        this.port = port;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    HttpResponse<String> get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
        rememberCsrf(response.body());
        return response;
    }

    HttpResponse<String> post(String path, String... nameValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            form.put(nameValues[i], nameValues[i + 1]);
        }
        form.putIfAbsent(csrfName, csrfToken);
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        rememberCsrf(response.body());
        return response;
    }

    String csrfName() {
        return csrfName;
    }

    static String location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location").orElse("");
        return location.replaceFirst("^https?://[^/]+", "");
    }

    private void rememberCsrf(String html) {
        if (html == null || html.isEmpty()) {
            return;
        }
        Element input = Jsoup.parse(html).selectFirst("form input[type=hidden]");
        if (input != null) {
            csrfName = input.attr("name");
            csrfToken = input.attr("value");
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
