package uk.org.safeguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.org.safeguard.web.ComponentRenderer.html;
import static uk.org.safeguard.web.ComponentRenderer.page;
import static uk.org.safeguard.web.ComponentRenderer.params;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import gg.jte.Content;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Our components against GOV.UK Frontend's own rendered examples: the fixtures.json shipped in the
 * 5.14.0 webjar holds the Nunjucks macros' output for each example. We render the same example and
 * compare element by element: tags, attributes with their exact values (class order included), and
 * text. Only whitespace between tags and the order of attributes are ignored.
 */
class GovukFixturesTest {

    private static final String FIXTURES = "META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/components/%s/fixtures.json";
    private static final PageContext PAGE = page();
    private static final String NI_HINT = "It’s on your National Insurance card, benefit letter, payslip or P60. For example, ‘QQ 12 34 56 C’.";
    private static final String DOB = "What is your date of birth?";
    private static final Content EMPTY = output -> { };

    static Stream<Arguments> examples() {
        List<List<TableCell>> rates = List.of(
                List.of(TableCell.of("January"), TableCell.numeric("£85"), TableCell.numeric("£95")),
                List.of(TableCell.of("February"), TableCell.numeric("£75"), TableCell.numeric("£55")),
                List.of(TableCell.of("March"), TableCell.numeric("£165"), TableCell.numeric("£125")));
        List<TableCell> rateHead = List.of(TableCell.of("Month you apply"), TableCell.numeric("Rate for bicycles"),
                TableCell.numeric("Rate for vehicles"));
        List<Option> yesNo = List.of(Option.of("yes", "Yes"), Option.of("no", "No"));
        String nationality = "We need to know your nationality so we can work out which elections you’re entitled to vote in. "
                + "If you can’t provide your nationality, you’ll have to send copies of identity documents through the post.";
        String lorem = "Nullam id dolor id nibh ultricies vehicula ut id elit.";
        return Stream.of(
                example("input", "with error and hint", "textInput", params("page", PAGE,
                        "field", Field.of("with-error-hint", null, "Enter a National Insurance number in the correct format"),
                        "label", "National insurance number", "hint", NI_HINT)),
                example("input", "with width-10 class", "textInput", params("page", PAGE,
                        "field", new Field("test-width-10", "input-width-10", null, null),
                        "label", "National insurance number", "hint", NI_HINT, "classes", "govuk-input--width-10")),
                example("input", "with label as page heading", "textInput", params("page", PAGE,
                        "field", new Field("test-name", "input-with-page-heading", null, null),
                        "label", "National Insurance number", "isPageHeading", true)),
                example("input", "with prefix and suffix and error", "textInput", params("page", PAGE,
                        "field", new Field("cost", "input-with-prefix-suffix", null, "Error message goes here"),
                        "label", "Cost per item, in pounds", "prefix", "£", "suffix", "per item")),
                example("textarea", "with error message", "textarea", params("page", PAGE,
                        "field", Field.of("no-ni-reason", null, "You must provide an explanation"),
                        "label", "Why can’t you provide a National Insurance number?")),
                example("textarea", "with default value", "textarea", params("page", PAGE,
                        "field", new Field("address", "full-address", "221B Baker Street\nLondon\nNW1 6XE\n", null), "label", "Full address")),
                example("textarea", "with label as page heading", "textarea", params("page", PAGE,
                        "field", new Field("address", "textarea-with-page-heading", null, null), "label", "Full address", "isPageHeading", true)),
                example("character-count", "with hint and error", "characterCount", params("page", PAGE,
                        "field", Field.of("with-error", null, "Please provide more detail"), "maxlength", 10,
                        "label", "Can you provide more detail?",
                        "hint", "Don't include personal or financial information, eg your National Insurance number or credit card details.")),
                example("character-count", "with default value", "characterCount", params("page", PAGE,
                        "field", new Field("default-value", "with-default-value", "221B Baker Street\nLondon\nNW1 6XE\n", null),
                        "maxlength", 100, "label", "Full address")),
                example("character-count", "with threshold", "characterCount", params("page", PAGE,
                        "field", Field.blank("with-threshold"), "maxlength", 10, "threshold", 75, "label", "Full address")),
                example("select", "with hint text and error message", "select", params("page", PAGE,
                        "field", Field.of("select-2", null, "Error message goes here"), "label", "Label text goes here",
                        "hint", "Hint text goes here", "options", List.of(Option.of("1", "GOV.UK frontend option 1"),
                                Option.of("2", "GOV.UK frontend option 2"), Option.of("3", "GOV.UK frontend option 3")))),
                example("radios", "with fieldset and error message", "radios", params("page", PAGE,
                        "field", Field.of("example", "no", "Please select an option"), "options", yesNo,
                        "legend", "Have you changed your name?")),
                example("radios", "inline", "radios", params("page", PAGE,
                        "field", Field.of("example", "no", null), "options", yesNo, "inline", true,
                        "legend", "Have you changed your name?",
                        "hint", "This includes changing your last name or spelling your name differently.")),
                example("radios", "with a divider", "radios", params("page", PAGE,
                        "field", new Field("example", "example-divider", null, null), "legend", "How do you want to sign in?",
                        "options", List.of(Option.of("government-gateway", "Use Government Gateway"), Option.of("govuk-verify", "Use GOV.UK Verify"),
                                Option.divider(), Option.of("create-account", "Create an account")))),
                example("checkboxes", "with divider and None", "checkboxes", params("page", PAGE,
                        "field", Field.blank("with-divider-and-none"), "legend", "Which types of waste do you transport regularly?",
                        "options", List.of(Option.of("animal", "Waste from animal carcasses"), Option.of("mines", "Waste from mines or quarries"),
                                Option.of("farm", "Farm or agricultural waste"), Option.divider(), Option.exclusive("none", "None of these")))),
                example("checkboxes", "with error message", "checkboxes", params("page", PAGE,
                        "field", Field.of("waste", null, "Please select an option"), "legend", "Which types of waste do you transport regularly?",
                        "options", List.of(Option.of("animal", "Waste from animal carcasses", lorem),
                                Option.of("mines", "Waste from mines or quarries", lorem), Option.of("farm", "Farm or agricultural waste", lorem)))),
                example("checkboxes", "with hint", "checkboxes", params("page", PAGE,
                        "field", Field.blank("nationality"), "legend", "What is your nationality?", "hint", "Select all that apply",
                        "options", List.of(Option.of("british", "British"), Option.of("irish", "Irish"), Option.of("other", "Citizen of another country")))),
                example("date-input", "with error on month input", "dateInput", params("page", PAGE,
                        "date", DateField.of("dob-month-error", null, null, null, "Error message goes here", DateField.Part.MONTH),
                        "legend", DOB, "hint", "For example, 31 3 1980")),
                example("date-input", "with error on day input", "dateInput", params("page", PAGE,
                        "date", DateField.of("dob-day-error", null, null, null, "Error message goes here", DateField.Part.DAY),
                        "legend", DOB, "hint", "For example, 31 3 1980")),
                example("date-input", "with optional form-group classes", "dateInput", params("page", PAGE,
                        "date", DateField.blank("dob"), "legend", DOB, "hint", "For example, 31 3 1980"), "extra-class"),
                example("error-summary", "default", "errorSummary", params("page", PAGE, "errors", List.of(
                        new ErrorItem("#example-error-1", "The date your passport was issued must be in the past"),
                        new ErrorItem("#example-error-2", "Enter a postcode, like AA1 1AA")))),
                example("table", "with head", "table", params("head", rateHead, "rows", rates)),
                example("table", "with head and caption", "table", params("head", rateHead, "rows", rates,
                        "caption", "Caption 1: Months and rates", "captionClasses", "govuk-table__caption--m", "firstCellIsHeader", true)),
                example("tag", "grey", "tag", params("text", "Grey", "colour", "grey")),
                example("panel", "default", "panel", params("title", "Application complete", "body", "Your reference number: HDJ2123F")),
                example("notification-banner", "default", "notificationBanner", params("page", PAGE,
                        "text", "This publication was withdrawn on 7 March 2014.")),
                example("notification-banner", "with type as success", "notificationBanner", params("page", PAGE,
                        "text", "Email sent to example@email.com", "success", true)),
                example("details", "default", "details", params("summary", "Help with nationality", "text", nationality)),
                example("inset-text", "default", "insetText", params("text",
                        "It can take up to 8 weeks to register a lasting power of attorney if there are no mistakes in the application.")),
                example("warning-text", "default", "warningText", params("page", PAGE, "text", "You can be fined up to £5,000 if you don’t register.")),
                example("button", "default", "button", params("text", "Save and continue")),
                example("button", "link", "button", params("text", "Link button", "href", "/")),
                example("button", "start", "button", params("text", "Start now button", "isStartButton", true)),
                example("button", "start link", "button", params("text", "Start now link button", "href", "/", "isStartButton", true)),
                example("button", "secondary", "button", params("text", "Secondary button", "name", "secondary", "variant", "secondary")),
                example("button", "warning", "button", params("text", "Warning button", "name", "Warning", "variant", "warning")),
                example("pagination", "default", "pagination", params("page", PAGE, "previousHref", "/previous", "nextHref", "/next",
                        "items", List.of(new PaginationLink(1, "/page/1", false), new PaginationLink(2, "/page/2", true),
                                new PaginationLink(3, "/page/3", false)))),
                example("pagination", "with many pages", "pagination", params("page", PAGE, "previousHref", "/previous", "nextHref", "/next",
                        "items", List.of(pageLink(1, false), PaginationLink.ellipsis(), pageLink(8, false), pageLink(9, false), pageLink(10, true),
                                pageLink(11, false), pageLink(12, false), PaginationLink.ellipsis(), pageLink(40, false)))),
                example("pagination", "first page", "pagination", params("page", PAGE, "nextHref", "/next",
                        "items", PaginationLink.around(1, 3, n -> "/page/" + n))),
                example("pagination", "last page", "pagination", params("page", PAGE, "previousHref", "/previous",
                        "items", PaginationLink.around(3, 3, n -> "/page/" + n))),
                example("pagination", "with prev and next only", "pagination", params("page", PAGE, "previousHref", "/previous", "nextHref", "/next")),
                example("pagination", "with previous only", "pagination", params("page", PAGE, "previousHref", "/previous")),
                example("back-link", "default", "backLink", params("page", PAGE, "href", "#")),
                example("fieldset", "default", "fieldset", params("legend", "What is your address?", "content", EMPTY)),
                example("fieldset", "as page heading l", "fieldset", params("legend", "What is your address?", "isPageHeading", true,
                        "content", EMPTY)),
                example("fieldset", "styled as medium text", "fieldset", params("legend", "What is your address?",
                        "legendClasses", "govuk-fieldset__legend--m", "content", EMPTY)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("examples")
    void rendersLikeGovukFrontend(String component, String fixture, String template, Map<String, Object> params,
            String extraFormGroupClass) {
        Element expected = Jsoup.parseBodyFragment(fixtureHtml(component, fixture)).body();
        Element actual = Jsoup.parseBodyFragment(html(template, params)).body();
        if (extraFormGroupClass != null) {
            // The fixture adds a class our component has no parameter for; take it off to compare the rest.
            expected.child(0).removeClass(extraFormGroupClass);
        }
        // Character count messages for the script come from our bundle, as the macro's *Text options allow.
        actual.select("[data-module=govuk-character-count]").forEach(element -> element.attributes().asList().stream()
                .map(Attribute::getKey).filter(key -> key.startsWith("data-i18n.")).toList().forEach(element::removeAttr));

        assertThat(canonical(actual)).isEqualTo(canonical(expected));
    }

    private static PaginationLink pageLink(int number, boolean current) {
        return new PaginationLink(number, "/page/" + number, current);
    }

    private static Arguments example(String component, String fixture, String template, Map<String, Object> params) {
        return example(component, fixture, template, params, null);
    }

    private static Arguments example(String component, String fixture, String template, Map<String, Object> params,
            String extraFormGroupClass) {
        return Arguments.of(component, fixture, template, params, extraFormGroupClass);
    }

    private static String fixtureHtml(String component, String name) {
        try (InputStream in = GovukFixturesTest.class.getClassLoader().getResourceAsStream(FIXTURES.formatted(component))) {
            assertThat(in).as("fixtures of " + component).isNotNull();
            JsonNode fixtures = JsonMapper.builder().build().readTree(in).get("fixtures");
            for (JsonNode fixture : fixtures) {
                if (fixture.get("name").asString().equals(name)) {
                    return fixture.get("html").asString();
                }
            }
            throw new AssertionError("No fixture '" + name + "' for " + component);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line per element (attributes sorted, whitespace collapsed) and per piece of text, indented by depth. */
    private static String canonical(Element root) {
        StringBuilder out = new StringBuilder();
        for (Node child : root.childNodes()) {
            write(child, 0, out);
        }
        return out.toString();
    }

    private static void write(Node node, int depth, StringBuilder out) {
        String indent = "  ".repeat(depth);
        if (node instanceof TextNode text) {
            String collapsed = collapse(text.getWholeText());
            if (!collapsed.isEmpty()) {
                out.append(indent).append('"').append(collapsed).append("\"\n");
            }
        } else if (node instanceof Element element) {
            out.append(indent).append('<').append(element.tagName());
            element.attributes().asList().stream().sorted(Comparator.comparing(Attribute::getKey))
                    .forEach(attribute -> out.append(' ').append(attribute.getKey()).append("=\"")
                            .append(collapse(attribute.getValue())).append('"'));
            out.append(">\n");
            for (Node child : element.childNodes()) {
                write(child, depth + 1, out);
            }
        }
    }

    private static String collapse(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}
