package uk.org.safeguard.intake.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser over plain HTTP for the attachments step: like {@code uk.org.safeguard.support.WebClient} (which
 * has no multipart uploads and no way to be given a cookie) but able to carry a journey's draft cookie and
 * to post one file as multipart form data.
 */
final class UploadClient {

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private String uploadAction;
    private String csrfName = "_csrf";
    private String csrfToken = "";

    UploadClient(int port) {
        this.port = port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Gives this browser a cookie, as the journey's earlier pages would have. */
    void setCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create("http://localhost:" + port + "/"), cookie);
    }

    HttpResponse<String> get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
        remember(response.body());
        return response;
    }

    Document page(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + ": expected 200, got " + response.statusCode());
        }
        return Jsoup.parse(response.body());
    }

    /** Posts the last upload form read with one file and the button pressed ({@code upload} or {@code continue}). */
    HttpResponse<String> upload(String fileName, String contentType, byte[] content, String action) {
        String boundary = "----safeguard" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "form-data; name=\"" + csrfName + "\"", null, csrfToken.getBytes(StandardCharsets.UTF_8));
        if (fileName != null) {
            part(body, boundary, "form-data; name=\"file\"; filename=\"" + fileName.replace("\"", "%22") + "\"",
                    contentType, content);
        }
        part(body, boundary, "form-data; name=\"action\"", null, action.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(uploadAction)).header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        remember(response.body());
        return response;
    }

    /** Posts an ordinary form (Remove) with the CSRF token of the last form read. */
    HttpResponse<String> post(String path, String... nameValues) {
        StringBuilder form = new StringBuilder(enc(csrfName) + "=" + enc(csrfToken));
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            form.append('&').append(enc(nameValues[i])).append('=').append(enc(nameValues[i + 1]));
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
        remember(response.body());
        return response;
    }

    String uploadAction() {
        return uploadAction;
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", "");
    }

    private static void part(ByteArrayOutputStream body, String boundary, String disposition, String contentType,
            byte[] content) {
        StringBuilder head = new StringBuilder("--").append(boundary).append("\r\nContent-Disposition: ")
                .append(disposition).append("\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        head.append("\r\n");
        body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private void remember(String html) {
        if (html == null || html.isEmpty()) {
            return;
        }
        Document page = Jsoup.parse(html);
        Element input = page.selectFirst("form input[type=hidden]");
        if (input != null) {
            csrfName = input.attr("name");
            csrfToken = input.attr("value");
        }
        Element form = page.selectFirst("form[enctype=multipart/form-data]");
        if (form != null) {
            uploadAction = form.attr("action");
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
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
