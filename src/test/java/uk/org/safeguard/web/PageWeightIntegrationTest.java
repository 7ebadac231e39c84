package uk.org.safeguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.org.safeguard.support.IntegrationTest;

/**
 * Each public page, in every language, weighs under 100 KB as sent over the network (compressed, headers
 * included) with everything it loads: stylesheets and what they import or point at, scripts and the
 * modules they import, images and icons. Fonts are left out (the budget excludes cached fonts, and
 * Safeguard serves none). Everything comes from Safeguard itself: no third-party requests.
 */
@IntegrationTest
class PageWeightIntegrationTest {

    static final int BUDGET_BYTES = 100_000;

    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*(['\"]?)([^'\")]+)\\1\\s*\\)");
    private static final Pattern CSS_IMPORT = Pattern.compile("@import\\s+(['\"])([^'\"]+)\\1");
    private static final Pattern JS_IMPORT = Pattern.compile(
            "(?:\\bimport\\s*(?:[\\w*{}\\s,$]+\\s*from\\s*)?|\\bimport\\s*\\(\\s*|\\bexport\\s*[\\w*{}\\s,$]+\\s*from\\s*)(['\"])([^'\"]+)\\1");
    private static final Pattern FONT = Pattern.compile("(?i).*\\.(woff2?|ttf|otf|eot)(\\?.*)?$");
    private static final Set<String> TEXT_TYPES = Set.of("text/html", "text/css", "text/javascript",
            "application/javascript", "image/svg+xml");
    private static final Map<String, String> WEIGHTS = new TreeMap<>();

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    private final Map<URI, Fetched> fetched = new ConcurrentHashMap<>();

    @LocalServerPort
    int port;

    @TestFactory
    Stream<DynamicTest> everyPublicPageInEveryLanguageIsUnderBudgetAndAllFirstParty() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String path : AllLanguagesBrowserTest.PUBLIC_PATHS) {
            for (String language : AllLanguagesBrowserTest.LANGUAGES) {
                tests.add(dynamicTest(path + "?lang=" + language, () -> checkPage(path + "?lang=" + language)));
            }
        }
        return tests.stream();
    }

    @Test
    void textIsSentCompressed() {
        for (String path : List.of("/", "/govuk/govuk-frontend.min.css", "/govuk/govuk-frontend.min.js",
                "/static/css/safeguard.css", "/assets/images/favicon.ico")) {
            Fetched resource = fetch(URI.create("http://localhost:" + port + path));
            assertThat(resource.status()).as(path).isEqualTo(200);
            assertThat(resource.encoding()).as("Content-Encoding of %s (%s)", path, resource.type()).isEqualTo("gzip");
            assertThat(resource.transferred()).as("%s is sent in fewer bytes than it has", path)
                    .isLessThan(resource.body().length);
        }
    }

    @Test
    void theCheckCountsWhatItShould() {
        Document page = Jsoup.parse("""
                <html><head><link rel="stylesheet" href="/a.css"><link rel="icon" href="https://cdn.example/i.ico">
                <link rel="alternate" hreflang="fr" href="/?lang=fr"><script type="module" src="/m.mjs"></script></head>
                <body><img src="/i.png" srcset="/i2.png 2x, /i3.png 3x"><a href="https://www.gov.uk/">GOV.UK</a>
                <form action="https://elsewhere.example/post"></form></body></html>""", "http://localhost:1/");

        assertThat(resourcesOf(page)).extracting(URI::toString).containsExactlyInAnyOrder("http://localhost:1/a.css",
                "https://cdn.example/i.ico", "http://localhost:1/m.mjs", "http://localhost:1/i.png",
                "http://localhost:1/i2.png", "http://localhost:1/i3.png");
        assertThat(formTargetsOf(page)).extracting(URI::toString).containsExactly("https://elsewhere.example/post");
        assertThat(references("@import \"b.css\"; .x{background:url('/c.svg')} .y{mask:url(data:image/svg+xml,x)}"
                + " @font-face{src:url(/f.woff2)}", CSS_URL, CSS_IMPORT))
                .containsExactly("b.css", "/c.svg", "data:image/svg+xml,x", "/f.woff2");
        assertThat(references("import { initAll } from '/govuk/govuk-frontend.min.js'; import './x.mjs';"
                + " const m = import('/lazy.mjs'); export * from \"./y.mjs\";", JS_IMPORT))
                .containsExactly("/govuk/govuk-frontend.min.js", "./x.mjs", "/lazy.mjs", "./y.mjs");
    }

    @AfterAll
    static void report() {
        System.out.println("Page weights (transferred bytes, page + resources):");
        WEIGHTS.forEach((page, weight) -> System.out.println("  " + page + ": " + weight));
    }

    private void checkPage(String path) {
        URI address = URI.create("http://localhost:" + port + path);
        Fetched html = fetch(address);
        assertThat(html.status()).as("GET %s", path).isEqualTo(200);
        assertThat(html.encoding()).as("the page is sent compressed").isEqualTo("gzip");
        Document page = Jsoup.parse(new String(html.body(), StandardCharsets.UTF_8), address.toString());

        Set<URI> loaded = new LinkedHashSet<>();
        List<URI> fonts = new ArrayList<>();
        List<URI> queue = new ArrayList<>(resourcesOf(page));
        while (!queue.isEmpty()) {
            URI resource = queue.remove(0);
            if ("data".equals(resource.getScheme()) || loaded.contains(resource)) {
                continue;
            }
            if (FONT.matcher(resource.getPath() == null ? "" : resource.getPath()).matches()) {
                fonts.add(resource);
                continue;
            }
            loaded.add(resource);
            if (!isFirstParty(resource)) {
                continue;
            }
            Fetched content = fetch(resource);
            assertThat(content.status()).as("GET %s (from %s)", resource, path).isEqualTo(200);
            String type = content.type();
            if (TEXT_TYPES.contains(type) && content.body().length >= 1024) {
                assertThat(content.encoding()).as("%s (%s) is sent compressed", resource, type).isEqualTo("gzip");
            }
            if (type.equals("text/css")) {
                references(new String(content.body(), StandardCharsets.UTF_8), CSS_URL, CSS_IMPORT)
                        .forEach(reference -> queue.add(resource.resolve(reference)));
            } else if (type.equals("text/javascript") || type.equals("application/javascript")) {
                references(new String(content.body(), StandardCharsets.UTF_8), JS_IMPORT)
                        .forEach(reference -> queue.add(resource.resolve(reference)));
            }
        }

        List<URI> thirdParty = new ArrayList<>();
        Stream.of(loaded.stream(), fonts.stream(), formTargetsOf(page).stream()).flatMap(s -> s)
                .filter(uri -> !isFirstParty(uri)).forEach(thirdParty::add);
        assertThat(thirdParty).as("requests to anywhere but Safeguard from %s", path).isEmpty();

        long total = html.transferred() + loaded.stream().mapToLong(uri -> fetch(uri).transferred()).sum();
        assertThat(loaded).as("%s loads its stylesheet", path).anyMatch(uri -> uri.getPath().endsWith(".css"));
        WEIGHTS.put(path, total + " bytes in " + (loaded.size() + 1) + " requests: page " + html.transferred() + ", "
                + loaded.stream().map(uri -> uri.getPath() + " " + fetch(uri).transferred()).toList());
        assertThat(total).as("bytes transferred for %s and %s", path, loaded).isLessThan(BUDGET_BYTES);
    }

    /** What a browser loads for the page by itself: stylesheets, icons, scripts, images and other media. */
    static Set<URI> resourcesOf(Document page) {
        Set<URI> resources = new LinkedHashSet<>();
        for (Element link : page.select("link[href]")) {
            Set<String> rel = Set.of(link.attr("rel").toLowerCase().split("\\s+"));
            if (rel.stream().anyMatch(r -> Set.of("stylesheet", "icon", "apple-touch-icon", "preload", "modulepreload",
                    "manifest", "mask-icon").contains(r))) {
                resources.add(URI.create(link.absUrl("href")));
            }
        }
        for (Element element : page.select("script[src], img[src], iframe[src], embed[src], audio[src], video[src], "
                + "source[src], track[src], input[type=image][src]")) {
            resources.add(URI.create(element.absUrl("src")));
        }
        for (Element element : page.select("video[poster]")) {
            resources.add(URI.create(element.absUrl("poster")));
        }
        for (Element element : page.select("object[data]")) {
            resources.add(URI.create(element.absUrl("data")));
        }
        for (Element element : page.select("img[srcset], source[srcset]")) {
            for (String candidate : element.attr("srcset").split(",")) {
                String url = candidate.strip().split("\\s+")[0];
                if (!url.isEmpty()) {
                    resources.add(URI.create(page.location()).resolve(url));
                }
            }
        }
        for (Element style : page.select("style")) {
            references(style.data(), CSS_URL, CSS_IMPORT)
                    .forEach(reference -> resources.add(URI.create(page.location()).resolve(reference)));
        }
        return resources;
    }

    static List<URI> formTargetsOf(Document page) {
        return page.select("form[action]").stream().map(form -> URI.create(form.absUrl("action"))).toList();
    }

    static List<String> references(String text, Pattern... patterns) {
        List<int[]> positions = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (Pattern pattern : patterns) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                positions.add(new int[] {matcher.start(), found.size()});
                found.add(matcher.group(2).strip());
            }
        }
        positions.sort((a, b) -> Integer.compare(a[0], b[0]));
        return positions.stream().map(p -> found.get(p[1])).toList();
    }

    private boolean isFirstParty(URI uri) {
        return "http".equals(uri.getScheme()) && "localhost".equals(uri.getHost()) && uri.getPort() == port;
    }

    private Fetched fetch(URI uri) {
        return fetched.computeIfAbsent(uri, u -> {
            HttpRequest request = HttpRequest.newBuilder(u).timeout(Duration.ofSeconds(30))
                    .header("Accept-Encoding", "gzip").GET().build();
            try {
                HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
                return Fetched.of(response);
            } catch (IOException e) {
                throw new UncheckedIOException("GET " + u, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * A response as it crossed the network.
     *
     * @param transferred the bytes sent: status line, headers and the (compressed) body
     * @param body the body, uncompressed
     */
    record Fetched(int status, String type, String encoding, long transferred, byte[] body) {

        static Fetched of(HttpResponse<byte[]> response) throws IOException {
            long headers = ("HTTP/1.1 " + response.statusCode() + " \r\n\r\n").length();
            for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
                for (String value : header.getValue()) {
                    headers += (header.getKey() + ": " + value + "\r\n").getBytes(StandardCharsets.UTF_8).length;
                }
            }
            String encoding = response.headers().firstValue("Content-Encoding").orElse("");
            byte[] sent = response.body();
            byte[] body = sent;
            if (encoding.equals("gzip")) {
                try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(sent))) {
                    body = in.readAllBytes();
                }
            }
            String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip().toLowerCase();
            return new Fetched(response.statusCode(), type, encoding, headers + sent.length, body);
        }
    }
}
