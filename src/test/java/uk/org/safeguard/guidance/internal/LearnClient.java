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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One member of the public's browser over plain HTTP (a minimal copy of identity's package-private
 * {@code StaffClient}): keeps its cookies, follows no redirects, and sends the CSRF token of the last page
 * it read with every form it posts.
 */
class LearnClient {

    private final int port;
    private final HttpClient client;
    private String csrfName = "_csrf";
    private String csrfToken = "";

    LearnClient(int port) {
        this.port = port;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    HttpResponse<String> get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
        rememberCsrf(response.body());
        return response;
    }

    /** The page at {@code path}, which must answer 200. */
    Document page(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + " " + location(response));
        }
        return Jsoup.parse(response.body());
    }

    /** Posts a form of name, value pairs; a name may repeat. */
    HttpResponse<String> post(String path, String... nameValues) {
        List<String[]> form = new ArrayList<>();
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            form.add(new String[] {nameValues[i], nameValues[i + 1]});
        }
        form.add(new String[] {csrfName, csrfToken});
        String body = form.stream()
                .map(p -> URLEncoder.encode(p[0], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(p[1], StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        rememberCsrf(response.body());
        return response;
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", "");
    }

    private void rememberCsrf(String html) {
        if (html == null || html.isEmpty()) {
            return;
        }
        Element input = Jsoup.parse(html).selectFirst("form[method=post] input[type=hidden]");
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
