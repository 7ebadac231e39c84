package uk.org.safeguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import uk.org.safeguard.support.BrowserTest;
import uk.org.safeguard.support.Http;

/**
 * Every public page in every language, in real Chromium: accessible (axe, in both directions), in the
 * language asked for ({@code lang}, {@code dir}, text that is not the English text), offering every
 * other language as an alternate and in the switcher, and the switcher keeps the person on the same page.
 */
class AllLanguagesBrowserTest extends BrowserTest {

    /**
     * Every public page. Add a page here when you add one: this list also drives
     * {@link PageWeightIntegrationTest}.
     */
    static final List<String> PUBLIC_PATHS = List.of("/", "/signs", "/what-happens-next", "/your-data",
            "/accessibility", "/cookies", "/check", "/check/danger", "/check/call-999", "/help", "/help/tower-hamlets",
            "/learn", "/learn/spotting-the-signs", "/follow-up", "/concern", "/report-hate");

    static final List<String> LANGUAGES = LanguageBundlesTest.languages();

    /** Headings that are the same word in English and that language (the rest of the page still differs). */
    static final Map<String, Set<String>> SAME_HEADING = Map.of("/cookies", Set.of("es", "fr", "pt"));

    private final Map<String, String[]> english = new HashMap<>();

    @TestFactory
    Stream<DynamicTest> everyPublicPageInEveryLanguage() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String path : PUBLIC_PATHS) {
            for (String language : LANGUAGES) {
                tests.add(dynamicTest(path + "?lang=" + language, () -> checkPage(path, language)));
            }
        }
        return tests.stream();
    }

    private void checkPage(String path, String language) {
        String address = path + "?lang=" + language;
        assertThat(new Http(port).get(address).statusCode()).as("GET %s", address).isEqualTo(200);
        WebDriver page = visit(address);

        WebElement html = page.findElement(By.tagName("html"));
        assertThat(html.getAttribute("lang")).isEqualTo(language);
        assertThat(html.getAttribute("dir"))
                .isEqualTo(Languages.isRightToLeft(Locale.forLanguageTag(language)) ? "rtl" : "ltr");

        Map<String, String> alternates = new LinkedHashMap<>();
        for (WebElement link : page.findElements(By.cssSelector("head link[rel=alternate][hreflang]"))) {
            alternates.put(link.getDomAttribute("hreflang"), link.getDomAttribute("href"));
        }
        Map<String, String> expected = new LinkedHashMap<>();
        LANGUAGES.forEach(code -> expected.put(code, path + "?lang=" + code));
        expected.put("x-default", path);
        assertThat(alternates).as("hreflang alternates").containsExactlyEntriesOf(expected);

        WebElement switcher = page.findElement(By.cssSelector("nav.app-language-switcher"));
        WebElement current = switcher.findElement(By.cssSelector("[aria-current]"));
        assertThat(current.getDomAttribute("lang")).isEqualTo(language);
        List<WebElement> links = switcher.findElements(By.cssSelector("a[hreflang]"));
        assertThat(links).extracting(a -> a.getDomAttribute("hreflang"))
                .containsExactlyElementsOf(LANGUAGES.stream().filter(code -> !code.equals(language)).toList());
        for (WebElement link : links) {
            String code = link.getDomAttribute("hreflang");
            assertThat(link.getDomAttribute("lang")).isEqualTo(code);
            assertThat(link.getDomAttribute("href")).isEqualTo(path + "?lang=" + code);
            assertThat(link.getDomAttribute("dir"))
                    .isEqualTo(Languages.isRightToLeft(Locale.forLanguageTag(code)) ? "rtl" : "ltr");
        }

        String heading = page.findElement(By.tagName("h1")).getText();
        String text = page.findElement(By.tagName("main")).getText();
        assertThat(heading).isNotBlank();
        if (language.equals("en")) {
            english.put(path, new String[] {heading, text});
        } else {
            String[] inEnglish = english(path);
            if (!SAME_HEADING.getOrDefault(path, Set.of()).contains(language)) {
                assertThat(heading).as("the heading of %s is translated", address).isNotEqualTo(inEnglish[0]);
            }
            assertThat(text).as("the text of %s is translated", address).isNotEqualTo(inEnglish[1]);
        }

        // Following the switcher to the next language lands on the same page in that language.
        String next = LANGUAGES.get((LANGUAGES.indexOf(language) + 1) % LANGUAGES.size());
        page.findElement(By.cssSelector("nav.app-language-switcher summary")).click();
        clickToLoad(page, By.cssSelector("nav.app-language-switcher a[hreflang=" + next + "]"));
        assertThat(page.getCurrentUrl()).isEqualTo(url(path + "?lang=" + next));
        assertThat(page.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(next);
    }

    /** The English heading and text of the page at {@code path}. */
    private String[] english(String path) {
        return english.computeIfAbsent(path, p -> {
            WebDriver page = browser();
            page.get(url(p + "?lang=en"));
            return new String[] {page.findElement(By.tagName("h1")).getText(), page.findElement(By.tagName("main")).getText()};
        });
    }

    @Test
    void theChoiceIsRememberedInOneStrictlyNecessaryCookieAndWorksWithoutJavaScript() {
        WebDriver page = browserWithoutJavaScript();
        page.get(url("/signs"));
        assertThat(page.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        page.findElement(By.cssSelector("nav.app-language-switcher summary")).click();
        clickToLoad(page, By.cssSelector("nav.app-language-switcher a[hreflang=ar]"));
        assertThat(page.getCurrentUrl()).isEqualTo(url("/signs?lang=ar"));
        assertThat(page.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");

        page.get(url("/"));
        assertThat(page.findElement(By.tagName("html")).getAttribute("lang")).as("remembered").isEqualTo("ar");
        Cookie cookie = page.manage().getCookieNamed("safeguard_lang");
        assertThat(cookie.getValue()).as("the language code and nothing else").isEqualTo("ar");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
        assertThat(page.manage().getCookies()).extracting(Cookie::getName)
                .as("only the cookies the cookies page lists").isSubsetOf("safeguard_lang", "SAFEGUARD_SESSION");

        page.get(url("/cookies?lang=bn"));
        page.get(url("/signs"));
        assertThat(page.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("bn");
        page.get(url("/?lang=en"));
        assertThat(page.manage().getCookieNamed("safeguard_lang").getValue()).isEqualTo("en");
    }

    @Test
    void theSwitcherIsOneLineUntilOpened() throws Exception {
        // One screenshot in Arabic (switcher open) and one in Bengali, to look at: target/screenshots.
        WebDriver page = visit("/?lang=ar");
        WebElement switcher = page.findElement(By.cssSelector("nav.app-language-switcher"));
        assertThat(switcher.getDomAttribute("aria-label")).isNotBlank();
        WebElement list = switcher.findElement(By.cssSelector(".app-language-switcher__list"));
        assertThat(list.isDisplayed()).isFalse();
        assertThat(switcher.findElement(By.tagName("summary")).getText()).contains("العربية");

        switcher.findElement(By.tagName("summary")).click();
        assertThat(list.isDisplayed()).isTrue();
        assertAccessible(page);
        screenshot(page, "languages-ar-switcher-open");

        RightToLeftBrowserTest.fullPageScreenshot(visit("/signs?lang=bn"), "languages-bn-signs");
    }
}
