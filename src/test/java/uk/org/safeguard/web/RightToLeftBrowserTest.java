package uk.org.safeguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

import uk.org.safeguard.support.BrowserTest;

/**
 * GOV.UK Frontend has no right-to-left styles; Safeguard mirrors them for Arabic and Urdu. A test-only page
 * renders the components the public pages use, and the test measures where things land in Arabic (from the
 * right) against English (from the left), passes axe in both, and saves screenshots to look at.
 */
@Import(RightToLeftBrowserTest.ComponentsPage.class)
class RightToLeftBrowserTest extends BrowserTest {

    @Test
    void radiosAndCheckboxesHaveTheirBoxOnTheRightInArabicAndTheLeftInEnglish() throws Exception {
        WebDriver page = visit("/test/components?lang=ar");
        assertThat(page.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        for (String item : List.of(".govuk-radios__item", ".govuk-checkboxes__item",
                ".govuk-radios--small .govuk-radios__item", ".govuk-checkboxes--small .govuk-checkboxes__item")) {
            WebElement first = page.findElement(By.cssSelector(item));
            Rectangle box = first.getRect();
            Rectangle label = first.findElement(By.cssSelector("label")).getRect();
            Map<String, Object> before = pseudo(page, first.findElement(By.cssSelector("label")), "::before");
            double drawnRight = ((Number) before.get("right")).doubleValue();
            assertThat(label.getX() + label.getWidth()).as("%s: the label text ends left of the box", item)
                    .isLessThan(box.getX() + box.getWidth() - 20);
            assertThat(drawnRight).as("%s: the drawn box is at the item's right edge", item)
                    .isCloseTo(box.getX() + box.getWidth(), offset(3.0));
            Rectangle input = first.findElement(By.cssSelector("input")).getRect();
            assertThat(((Number) before.get("left")).doubleValue()).as("%s: the drawn box covers the real input", item)
                    .isCloseTo(input.getX(), offset(13.0));
        }
        fullPageScreenshot(page, "rtl-components-ar");

        WebDriver english = visit("/test/components?lang=en");
        WebElement first = english.findElement(By.cssSelector(".govuk-radios__item"));
        Map<String, Object> before = pseudo(english, first.findElement(By.cssSelector("label")), "::before");
        assertThat(((Number) before.get("left")).doubleValue()).as("in English the box is at the left")
                .isCloseTo(first.getRect().getX(), offset(3.0));
        fullPageScreenshot(english, "rtl-components-en");
    }

    @Test
    void bordersBarsAndIconsMoveToTheRight() {
        WebDriver page = visit("/test/components?lang=ar");
        assertThat(css(page, ".govuk-inset-text", "border-right-width")).isEqualTo("10px");
        assertThat(css(page, ".govuk-inset-text", "border-left-width")).isEqualTo("0px");
        assertThat(css(page, ".govuk-form-group--error", "border-right-width")).isEqualTo("5px");
        assertThat(css(page, ".govuk-form-group--error", "border-left-width")).isEqualTo("0px");
        assertThat(css(page, ".govuk-details__text", "border-right-width")).isEqualTo("5px");
        assertThat(css(page, ".govuk-list--bullet", "padding-right")).isEqualTo("20px");
        assertThat(css(page, ".govuk-list--bullet", "padding-left")).isEqualTo("0px");
        assertThat(css(page, ".govuk-table__header", "text-align")).isEqualTo("right");
        assertThat(css(page, ".govuk-grid-column-two-thirds", "float")).isEqualTo("right");

        WebElement warning = page.findElement(By.cssSelector(".govuk-warning-text"));
        Rectangle icon = warning.findElement(By.cssSelector(".govuk-warning-text__icon")).getRect();
        Rectangle text = warning.findElement(By.cssSelector(".govuk-warning-text__text")).getRect();
        assertThat(icon.getX() + icon.getWidth()).as("the warning icon sits at the right")
                .isCloseTo(text.getX() + text.getWidth(), org.assertj.core.api.Assertions.within(1));
        assertThat(css(page, ".govuk-warning-text__text", "padding-right")).isEqualTo("45px");

        WebElement back = page.findElement(By.cssSelector(".govuk-back-link"));
        Map<String, Object> chevron = pseudo(page, back, "::before");
        Rectangle link = back.getRect();
        assertThat(((Number) chevron.get("left")).doubleValue()).as("the back chevron is at the right of the link")
                .isGreaterThan(link.getX() + link.getWidth() / 2.0);
        assertThat(pseudoStyle(page, back, "::before", "transform"))
                .as("rotated 45deg (pointing right), not GOV.UK's 225deg").startsWith("matrix(0.707107, 0.707107");

        WebElement summary = page.findElement(By.cssSelector("main .govuk-details:not([open]) .govuk-details__summary"));
        Map<String, Object> arrow = pseudo(page, summary, "::before");
        assertThat(((Number) arrow.get("right")).doubleValue()).as("the closed details arrow is at the right")
                .isCloseTo(summary.getRect().getX() + summary.getRect().getWidth(), offset(1.0));
        assertThat(pseudoStyle(page, summary, "::before", "clip-path")).as("pointing left")
                .isEqualTo("polygon(100% 0px, 0px 50%, 100% 100%)");
    }

    @Test
    void phoneNumbersKeepTheirOrderInArabic() {
        WebDriver page = visit("/test/components?lang=ar");
        assertThat(page.findElement(By.id("phone-message")).getText()).contains("0800 789 321");
        assertThat(leftOf(page, "#phone-not-isolated", "0800")).as("without isolation the groups run from the right")
                .isGreaterThan(leftOf(page, "#phone-not-isolated", "321"));
        for (String[] check : new String[][] {{"#phone-message", "0800", "321"}, {"#phone-markdown p", "0800", "321"},
                {"#phone-markdown a", "0800", "3764"}}) {
            assertThat(leftOf(page, check[0], check[1])).as("%s: %s is left of %s, as it is dialled", check[0], check[1], check[2])
                    .isLessThan(leftOf(page, check[0], check[2]));
        }
    }

    @Test
    void theLayoutHoldsOnAPhoneInArabic() throws Exception {
        WebDriver page = browser();
        Dimension original = page.manage().window().getSize();
        try {
            page.manage().window().setSize(new Dimension(360, 800));
            visit("/test/components?lang=ar");
            Long overflow = (Long) ((JavascriptExecutor) page)
                    .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as("nothing sticks out sideways").isLessThanOrEqualTo(0L);
            fullPageScreenshot(page, "rtl-components-ar-phone");
        } finally {
            page.manage().window().setSize(original);
        }
    }

    /** A screenshot of the whole page: the window is made as tall as the page for the moment. */
    static void fullPageScreenshot(WebDriver page, String name) throws java.io.IOException {
        Dimension original = page.manage().window().getSize();
        Long height = (Long) ((JavascriptExecutor) page).executeScript("return document.documentElement.scrollHeight;");
        try {
            page.manage().window().setSize(new Dimension(original.getWidth(), (int) Math.min(height + 150, 8000)));
            screenshot(page, name);
        } finally {
            page.manage().window().setSize(original);
        }
    }

    /** Where on the screen {@code text} (its last occurrence) starts inside the element. */
    private static double leftOf(WebDriver page, String selector, String text) {
        return ((Number) ((JavascriptExecutor) page).executeScript("""
                const root = document.querySelector(arguments[0]);
                const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                let found = null, at = -1;
                while (walker.nextNode()) {
                    const i = walker.currentNode.data.lastIndexOf(arguments[1]);
                    if (i >= 0) { found = walker.currentNode; at = i; }
                }
                const range = document.createRange();
                range.setStart(found, at);
                range.setEnd(found, at + arguments[1].length);
                return range.getBoundingClientRect().left;
                """, selector, text)).doubleValue();
    }

    private static String css(WebDriver page, String selector, String property) {
        return page.findElement(By.cssSelector(selector)).getCssValue(property);
    }

    /** The page-relative box of a pseudo-element, from its computed left and width within the element. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> pseudo(WebDriver page, WebElement element, String which) {
        return (Map<String, Object>) ((JavascriptExecutor) page).executeScript("""
                const el = arguments[0], s = getComputedStyle(el, arguments[1]);
                const parent = getComputedStyle(el).position !== 'static' ? el : el.offsetParent;
                const p = parent.getBoundingClientRect();
                const ps = getComputedStyle(parent);
                const sides = ['Left', 'Right'].map(x => parseFloat(s['border' + x + 'Width']) + parseFloat(s['padding' + x]));
                const width = (parseFloat(s.width) || 0) + (s.boxSizing === 'border-box' ? 0 : sides[0] + sides[1]);
                let left;
                if (s.left !== 'auto') { left = p.left + parseFloat(ps.borderLeftWidth) + parseFloat(s.left); }
                else { left = p.right - parseFloat(ps.borderRightWidth) - parseFloat(s.right) - width; }
                return {left: left + scrollX, right: left + width + scrollX};
                """, element, which);
    }

    private static String pseudoStyle(WebDriver page, WebElement element, String which, String property) {
        return (String) ((JavascriptExecutor) page).executeScript(
                "return getComputedStyle(arguments[0], arguments[1]).getPropertyValue(arguments[2]);", element, which, property);
    }

    /** A test-only page with the components public pages use, rendered through the real layout. */
    @TestConfiguration(proxyBeanMethods = false)
    @Import(ComponentsPage.Route.class)
    static class ComponentsPage {

        @Controller
        static class Route {

            private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

            @GetMapping("/test/components")
            ResponseEntity<String> components(PageContext page) {
                boolean arabic = "ar".equals(page.lang());
                String body = "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">"
                        + render("backLink", "page", page, "href", "/")
                        + "<h1 class=\"govuk-heading-xl\">" + (arabic ? "صفحة المكونات" : "Components") + "</h1>"
                        + render("errorSummary", "page", page, "errors", List.of(new ErrorItem("#name", t(arabic, "أدخل اسمك", "Enter your name"))))
                        + "<p class=\"govuk-body\" id=\"phone-message\">"
                        + HtmlUtils.htmlEscape(Languages.isolatePhoneNumbers(t(arabic, "الخط الساخن: 0800 789 321",
                                "Hotline: 0800 789 321"))) + "</p>"
                        + "<p class=\"govuk-body\" id=\"phone-not-isolated\">" + t(arabic, "الخط الساخن: 0800 789 321",
                                "Hotline: 0800 789 321") + "</p>"
                        + "<div id=\"phone-markdown\">" + SafeMarkdown.toHtml(t(arabic,
                                "اتصل بالخط الساخن على 0800 789 321 أو [0800 011 3764](tel:08000113764).",
                                "Call the hotline on 0800 789 321 or [0800 011 3764](tel:08000113764).")) + "</div>"
                        + render("warningText", "page", page, "text", t(arabic, "إذا كان شخص ما في خطر مباشر، اتصل بالرقم 999.", "If someone is in immediate danger, call 999."))
                        + render("insetText", "text", t(arabic, "العلامات ليست دليلاً.", "Signs are not proof."))
                        + "<ul class=\"govuk-list govuk-list--bullet\"><li>" + t(arabic, "الأول", "First") + "</li><li>"
                        + t(arabic, "الثاني", "Second") + "</li></ul>"
                        + "<ol class=\"govuk-list govuk-list--number\"><li>" + t(arabic, "الأول", "First") + "</li><li>"
                        + t(arabic, "الثاني", "Second") + "</li></ol>"
                        + render("textInput", "page", page, "field", Field.of("name", "", t(arabic, "أدخل اسمك", "Enter your name")),
                                "label", t(arabic, "الاسم", "Name"))
                        + render("textInput", "page", page, "field", Field.blank("email"), "label", t(arabic, "البريد الإلكتروني", "Email"),
                                "type", "email")
                        + render("textInput", "page", page, "field", Field.blank("weight"), "label", t(arabic, "الوزن", "Weight"),
                                "prefix", "~", "suffix", "kg", "classes", "govuk-input--width-5")
                        + render("radios", "page", page, "field", Field.of("contact", "yes", null),
                                "options", List.of(Option.of("yes", t(arabic, "نعم", "Yes"), t(arabic, "سنتصل بك", "We will call you")),
                                        Option.of("no", t(arabic, "لا", "No"))),
                                "legend", t(arabic, "هل يمكننا الاتصال بك؟", "Can we contact you?"), "hint", t(arabic, "اختر واحدا", "Choose one"))
                        + render("radios", "page", page, "field", Field.of("small", "b", null),
                                "options", List.of(Option.of("a", t(arabic, "أ", "A")), Option.of("b", t(arabic, "ب", "B"))),
                                "legend", t(arabic, "صغير", "Small"), "small", true, "inline", true)
                        + render("checkboxes", "page", page, "field", Field.blank("ways"), "values", List.of("phone"),
                                "options", List.of(Option.of("phone", t(arabic, "الهاتف", "Phone"), t(arabic, "في النهار", "In the day")),
                                        Option.of("post", t(arabic, "البريد", "Post")), Option.divider(),
                                        Option.exclusive("none", t(arabic, "لا شيء", "None"))),
                                "legend", t(arabic, "كيف؟", "How?"))
                        + render("checkboxes", "page", page, "field", Field.blank("filters"), "values", List.of("x"),
                                "options", List.of(Option.of("x", t(arabic, "س", "X")), Option.of("y", t(arabic, "ص", "Y"))),
                                "legend", t(arabic, "مرشحات", "Filters"), "small", true)
                        + render("dateInput", "page", page, "date", DateField.blank("when"), "legend", t(arabic, "متى؟", "When?"))
                        + render("select", "page", page, "field", Field.blank("borough"), "label", t(arabic, "الحي", "Borough"),
                                "options", List.of(Option.of("", t(arabic, "اختر", "Choose")), Option.of("th", "Tower Hamlets")))
                        + render("details", "summary", t(arabic, "مساعدة", "Help"), "text", t(arabic, "نص المساعدة", "Help text"))
                        + render("details", "summary", t(arabic, "مفتوح", "Open"), "text", t(arabic, "نص", "Text"), "open", true)
                        + render("table", "caption", t(arabic, "الأرقام", "Numbers"),
                                "head", List.of(TableCell.of(t(arabic, "الخدمة", "Service")), TableCell.numeric(t(arabic, "الرقم", "Number"))),
                                "rows", List.of(List.of(TableCell.of(t(arabic, "الشرطة", "Police")), TableCell.numeric("999")),
                                        List.of(TableCell.of(t(arabic, "غير طارئ", "Not an emergency")), TableCell.numeric("101"))))
                        + render("summaryList", "page", page, "rows", List.of(
                                SummaryRow.withChange(t(arabic, "الاسم", "Name"), "Sam", "#name", t(arabic, "الاسم", "name")),
                                SummaryRow.of(t(arabic, "الحي", "Borough"), "Tower Hamlets")))
                        + render("notificationBanner", "page", page, "text", t(arabic, "إشعار", "Notice"))
                        + render("button", "text", t(arabic, "ابدأ الآن", "Start now"), "href", "#", "isStartButton", true)
                        + render("pagination", "page", page, "items", PaginationLink.around(2, 3, n -> "?p=" + n),
                                "previousHref", "?p=1", "nextHref", "?p=3")
                        + "</div></div>";
                StringOutput output = new StringOutput();
                Map<String, Object> layout = new HashMap<>();
                layout.put("page", page);
                layout.put("title", arabic ? "صفحة المكونات" : "Components");
                layout.put("content", (gg.jte.Content) out -> out.writeContent(body));
                TEMPLATES.render("layout/page.jte", layout, output);
                return ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                        .body(output.toString());
            }

            private static String t(boolean arabic, String ar, String en) {
                return arabic ? ar : en;
            }

            private static String render(String component, Object... namesAndValues) {
                return ComponentRenderer.html(component, ComponentRenderer.params(namesAndValues));
            }
        }
    }
}
