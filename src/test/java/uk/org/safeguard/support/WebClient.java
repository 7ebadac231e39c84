package uk.org.safeguard.support;

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
 * One person's browser over plain HTTP, for integration tests: keeps its cookies, follows no redirects,
 * sends the CSRF token of the last form it read (unless the test gives one), and can post a name more
 * than once, as ticked checkboxes do.
 */
public class WebClient {

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private String csrfName = "_csrf";
    private String csrfToken = "";

    public WebClient(int port) {
        this.port = port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
        rememberCsrf(response.body());
        return response;
    }

    /** GETs a page that must be there, parsed. */
    public Document page(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + ": expected 200, got " + response.statusCode() + " "
                    + location(response));
        }
        return Jsoup.parse(response.body());
    }

    /** Posts the form fields given as name, value, name, value...; a name may repeat. */
    public HttpResponse<String> post(String path, String... nameValues) {
        List<String[]> form = new ArrayList<>();
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            form.add(new String[] {nameValues[i], nameValues[i + 1]});
        }
        if (form.stream().noneMatch(p -> p[0].equals(csrfName))) {
            form.add(new String[] {csrfName, csrfToken});
        }
        String body = form.stream()
                .map(p -> URLEncoder.encode(p[0], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(p[1], StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        rememberCsrf(response.body());
        return response;
    }

    /** A download: the body as bytes. */
    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The name of the CSRF field of the last form read. */
    public String csrfName() {
        return csrfName;
    }

    /** The value of the cookie called {@code name}, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    public static String location(HttpResponse<?> response) {
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
