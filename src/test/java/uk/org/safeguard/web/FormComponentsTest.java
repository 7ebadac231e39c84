package uk.org.safeguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.org.safeguard.web.ComponentRenderer.html;
import static uk.org.safeguard.web.ComponentRenderer.page;
import static uk.org.safeguard.web.ComponentRenderer.params;
import static uk.org.safeguard.web.ComponentRenderer.render;

import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The form components: labels tied to inputs, hints and errors tied by aria-describedby, answers kept and escaped. */
class FormComponentsTest {

    private static final PageContext PAGE = page();
    private static final String HOSTILE = "\"><script>alert(1)</script><b>x</b>";

    @Nested
    class TextInput {

        @Test
        void labelPointsAtTheInputAndNothingDescribesItWithoutHintOrError() {
            Element body = render("textInput", params("page", PAGE, "field", Field.blank("fullName"), "label", "Full name"));

            Element group = body.selectFirst("div.govuk-form-group");
            Element input = body.selectFirst("input");
            Element label = body.selectFirst("label");
            assertThat(group.className()).isEqualTo("govuk-form-group");
            assertThat(label.className()).isEqualTo("govuk-label");
            assertThat(label.attr("for")).isEqualTo("fullName").isEqualTo(input.id());
            assertThat(label.text()).isEqualTo("Full name");
            assertThat(input.className()).isEqualTo("govuk-input");
            assertThat(input.attr("name")).isEqualTo("fullName");
            assertThat(input.attr("type")).isEqualTo("text");
            assertThat(input.hasAttr("value")).isFalse();
            assertThat(input.hasAttr("aria-describedby")).isFalse();
            assertThat(body.select(".govuk-hint, .govuk-error-message")).isEmpty();
        }

        @Test
        void hintAndErrorAreLinkedAndTheErrorCarriesAHiddenPrefix() {
            Element body = render("textInput", params("page", PAGE, "field", Field.of("postcode", "SW1", "Enter a full postcode"),
                    "label", "Postcode", "hint", "For example, SW1A 2AA"));

            Element input = body.selectFirst("input");
            assertThat(body.selectFirst("div.govuk-form-group").className()).isEqualTo("govuk-form-group govuk-form-group--error");
            assertThat(input.className()).isEqualTo("govuk-input govuk-input--error");
            assertThat(input.attr("aria-describedby")).isEqualTo("postcode-hint postcode-error");
            assertThat(body.getElementById("postcode-hint").className()).isEqualTo("govuk-hint");
            assertThat(body.getElementById("postcode-hint").text()).isEqualTo("For example, SW1A 2AA");
            Element error = body.getElementById("postcode-error");
            assertThat(error.tagName()).isEqualTo("p");
            assertThat(error.className()).isEqualTo("govuk-error-message");
            assertThat(error.selectFirst("span.govuk-visually-hidden").text()).isEqualTo("Error:");
            assertThat(error.text()).isEqualTo("Error: Enter a full postcode");
            assertThat(input.attr("value")).isEqualTo("SW1");
        }

        @Test
        void onlyTheErrorDescribesTheInputWhenThereIsNoHint() {
            Element body = render("textInput", params("page", PAGE, "field", Field.of("email", "", "Enter an email address"), "label", "Email"));

            assertThat(body.selectFirst("input").attr("aria-describedby")).isEqualTo("email-error");
            assertThat(body.selectFirst("input").attr("value")).isEmpty();
        }

        @Test
        void onlyTheHintDescribesTheInputWhenThereIsNoError() {
            Element body = render("textInput", params("page", PAGE, "field", Field.blank("email"), "label", "Email", "hint", "We will reply here"));

            assertThat(body.selectFirst("input").attr("aria-describedby")).isEqualTo("email-hint");
            assertThat(body.selectFirst("div.govuk-form-group").hasClass("govuk-form-group--error")).isFalse();
        }

        @Test
        void submittedValueIsKeptAndEscaped() {
            String html = html("textInput", params("page", PAGE, "field", Field.of("name", HOSTILE, "Too long"), "label", HOSTILE));
            Element body = Jsoup.parseBodyFragment(html).body();

            assertThat(body.selectFirst("input").attr("value")).isEqualTo(HOSTILE);
            assertThat(body.selectFirst("label").text()).isEqualTo(HOSTILE);
            assertThat(body.select("script, b")).isEmpty();
            assertThat(html).doesNotContain("<script>");
        }

        @Test
        void errorTextIsEscaped() {
            Element body = render("textInput", params("page", PAGE, "field", Field.of("name", null, "<i>bad</i>"), "label", "Name"));

            assertThat(body.select("i")).isEmpty();
            assertThat(body.getElementById("name-error").text()).isEqualTo("Error: <i>bad</i>");
        }

        @Test
        void idCanDifferFromName() {
            Element body = render("textInput", params("page", PAGE, "field", new Field("contact.email", "contact-email", null, "Enter an email address"),
                    "label", "Email", "hint", "Optional"));

            Element input = body.selectFirst("input");
            assertThat(input.id()).isEqualTo("contact-email");
            assertThat(input.attr("name")).isEqualTo("contact.email");
            assertThat(body.selectFirst("label").attr("for")).isEqualTo("contact-email");
            assertThat(input.attr("aria-describedby")).isEqualTo("contact-email-hint contact-email-error");
        }

        @Test
        void labelCanBeThePageHeading() {
            Element body = render("textInput", params("page", PAGE, "field", Field.blank("name"), "label", "What is your name?", "isPageHeading", true));

            Element label = body.selectFirst("h1.govuk-label-wrapper > label");
            assertThat(label).isNotNull();
            assertThat(label.className()).isEqualTo("govuk-label govuk-label--l");
            assertThat(body.select("h1")).hasSize(1);
        }

        @Test
        void labelClassesReplaceTheHeadingDefault() {
            Element body = render("textInput", params("page", PAGE, "field", Field.blank("name"), "label", "Name",
                    "isPageHeading", true, "labelClasses", "govuk-label--xl"));

            assertThat(body.selectFirst("label").className()).isEqualTo("govuk-label govuk-label--xl");
        }

        @Test
        void inputAttributesArePassedThrough() {
            Element input = render("textInput", params("page", PAGE, "field", Field.blank("phone"), "label", "Phone",
                    "type", "tel", "autocomplete", "tel", "inputmode", "numeric", "spellcheck", false,
                    "classes", "govuk-input--width-20")).selectFirst("input");

            assertThat(input.attr("type")).isEqualTo("tel");
            assertThat(input.attr("autocomplete")).isEqualTo("tel");
            assertThat(input.attr("inputmode")).isEqualTo("numeric");
            assertThat(input.attr("spellcheck")).isEqualTo("false");
            assertThat(input.className()).isEqualTo("govuk-input govuk-input--width-20");
        }

        @Test
        void prefixAndSuffixWrapTheInputAndAreHiddenFromScreenReaders() {
            Element body = render("textInput", params("page", PAGE, "field", Field.of("cost", "12", "Enter a cost"), "label", "Cost",
                    "prefix", "£", "suffix", "per item"));

            Element wrapper = body.selectFirst("div.govuk-input__wrapper");
            assertThat(wrapper.children().eachAttr("class"))
                    .containsExactly("govuk-input__prefix", "govuk-input govuk-input--error", "govuk-input__suffix");
            assertThat(wrapper.selectFirst(".govuk-input__prefix").attr("aria-hidden")).isEqualTo("true");
            assertThat(wrapper.selectFirst(".govuk-input__prefix").text()).isEqualTo("£");
            assertThat(wrapper.selectFirst(".govuk-input__suffix").attr("aria-hidden")).isEqualTo("true");
        }
    }

    @Nested
    class Textarea {

        @Test
        void contentIsKeptAndEscaped() {
            String value = "line one\n</textarea><script>alert(1)</script>";
            String html = html("textarea", params("page", PAGE, "field", Field.of("details", value, null), "label", "Details"));
            Element body = Jsoup.parseBodyFragment(html).body();

            Element textarea = body.selectFirst("textarea");
            assertThat(textarea.val()).isEqualTo(value);
            assertThat(body.select("script")).isEmpty();
            assertThat(textarea.className()).isEqualTo("govuk-textarea");
            assertThat(textarea.attr("rows")).isEqualTo("5");
            assertThat(body.selectFirst("label").attr("for")).isEqualTo(textarea.id()).isEqualTo("details");
        }

        @Test
        void errorAndHintAreLinked() {
            Element body = render("textarea", params("page", PAGE, "field", Field.of("details", null, "Enter details"), "label", "Details",
                    "hint", "Do not include names", "rows", 8));

            Element textarea = body.selectFirst("textarea");
            assertThat(textarea.className()).isEqualTo("govuk-textarea govuk-textarea--error");
            assertThat(textarea.attr("aria-describedby")).isEqualTo("details-hint details-error");
            assertThat(textarea.attr("rows")).isEqualTo("8");
            assertThat(body.selectFirst(".govuk-form-group").hasClass("govuk-form-group--error")).isTrue();
            assertThat(body.getElementById("details-error").text()).isEqualTo("Error: Enter details");
        }
    }

    @Nested
    class CharacterCount {

        @Test
        void wrapperCarriesTheModuleAndLimitAndTheFallbackHintSaysTheLimit() {
            Element body = render("characterCount", params("page", PAGE, "field", Field.of("story", "Some words", null),
                    "label", "What happened?", "maxlength", 1200));

            Element wrapper = body.selectFirst("div.govuk-form-group");
            assertThat(wrapper.className()).isEqualTo("govuk-form-group govuk-character-count");
            assertThat(wrapper.attr("data-module")).isEqualTo("govuk-character-count");
            assertThat(wrapper.attr("data-maxlength")).isEqualTo("1200");
            assertThat(wrapper.hasAttr("data-threshold")).isFalse();
            Element textarea = body.selectFirst("textarea");
            assertThat(textarea.className()).isEqualTo("govuk-textarea govuk-js-character-count");
            assertThat(textarea.attr("aria-describedby")).isEqualTo("story-info");
            assertThat(textarea.val()).isEqualTo("Some words");
            Element info = body.getElementById("story-info");
            assertThat(info.className()).isEqualTo("govuk-hint govuk-character-count__message");
            assertThat(info.text()).isEqualTo("You can enter up to 1200 characters");
            assertThat(info.elementSiblingIndex()).isGreaterThan(textarea.elementSiblingIndex());
        }

        @Test
        void countMessagesForTheScriptComeFromTheBundle() {
            Element wrapper = render("characterCount", params("page", PAGE, "field", Field.blank("story"), "label", "Story",
                    "maxlength", 10, "threshold", 75)).selectFirst("div.govuk-character-count");

            assertThat(wrapper.attr("data-threshold")).isEqualTo("75");
            assertThat(wrapper.attr("data-i18n.characters-under-limit.other")).isEqualTo("You have %{count} characters remaining");
            assertThat(wrapper.attr("data-i18n.characters-under-limit.one")).isEqualTo("You have %{count} character remaining");
            assertThat(wrapper.attr("data-i18n.characters-at-limit")).isEqualTo("You have 0 characters remaining");
            assertThat(wrapper.attr("data-i18n.characters-over-limit.one")).isEqualTo("You have %{count} character too many");
            assertThat(wrapper.attr("data-i18n.characters-over-limit.other")).isEqualTo("You have %{count} characters too many");
        }

        @Test
        void errorAndHintFollowTheCountInDescribedBy() {
            Element body = render("characterCount", params("page", PAGE, "field", Field.of("story", HOSTILE, "Story must be 10 characters or fewer"),
                    "label", "Story", "hint", "Include dates", "maxlength", 10));

            assertThat(body.selectFirst("div.govuk-form-group").className())
                    .isEqualTo("govuk-form-group govuk-form-group--error govuk-character-count");
            Element textarea = body.selectFirst("textarea");
            assertThat(textarea.className()).isEqualTo("govuk-textarea govuk-textarea--error govuk-js-character-count");
            assertThat(textarea.attr("aria-describedby")).isEqualTo("story-info story-hint story-error");
            assertThat(textarea.val()).isEqualTo(HOSTILE);
            assertThat(body.select("script")).isEmpty();
            assertThat(body.getElementById("story-error").text()).isEqualTo("Error: Story must be 10 characters or fewer");
        }
    }

    @Nested
    class Select {

        private final List<Option> boroughs = List.of(Option.of("", "Choose a borough"), Option.of("camden", "Camden"),
                Option.of("hackney", "Hackney"), Option.of("<lambeth>", "<b>Lambeth</b>"));

        @Test
        void theSubmittedOptionIsSelected() {
            Element body = render("select", params("page", PAGE, "field", Field.of("borough", "hackney", null),
                    "label", "Borough", "options", boroughs));

            Element select = body.selectFirst("select");
            assertThat(select.className()).isEqualTo("govuk-select");
            assertThat(body.selectFirst("label").attr("for")).isEqualTo(select.id()).isEqualTo("borough");
            assertThat(select.attr("name")).isEqualTo("borough");
            assertThat(select.select("option[selected]").eachAttr("value")).containsExactly("hackney");
            assertThat(select.select("option").eachAttr("value")).containsExactly("", "camden", "hackney", "<lambeth>");
            assertThat(select.select("option").last().text()).isEqualTo("<b>Lambeth</b>");
            assertThat(body.select("b")).isEmpty();
        }

        @Test
        void nothingIsSelectedWithoutAValue() {
            Element body = render("select", params("page", PAGE, "field", Field.blank("borough"), "label", "Borough", "options", boroughs));

            assertThat(body.select("option[selected]")).isEmpty();
        }

        @Test
        void errorHighlightsTheSelect() {
            Element body = render("select", params("page", PAGE, "field", Field.of("borough", "", "Choose a borough"),
                    "label", "Borough", "options", boroughs, "hint", "Where they live"));

            Element select = body.selectFirst("select");
            assertThat(select.className()).isEqualTo("govuk-select govuk-select--error");
            assertThat(select.attr("aria-describedby")).isEqualTo("borough-hint borough-error");
            assertThat(body.selectFirst(".govuk-form-group").hasClass("govuk-form-group--error")).isTrue();
            assertThat(select.select("option[selected]").eachAttr("value")).containsExactly("");
        }
    }

    @Nested
    class Radios {

        private final List<Option> options = List.of(Option.of("yes", "Yes"), Option.of("no", "No", "You can still tell us later"),
                Option.divider(), Option.of("unsure", "I am not sure"));

        @Test
        void itemsAreInAFieldsetWithTheLegendAndTheirOwnLabels() {
            Element body = render("radios", params("page", PAGE, "field", Field.blank("known"), "options", options,
                    "legend", "Do you know their name?"));

            Element fieldset = body.selectFirst("div.govuk-form-group > fieldset.govuk-fieldset");
            assertThat(fieldset.hasAttr("aria-describedby")).isFalse();
            assertThat(fieldset.hasAttr("role")).isFalse();
            assertThat(fieldset.selectFirst("legend.govuk-fieldset__legend").text()).isEqualTo("Do you know their name?");
            Element radios = fieldset.selectFirst("div.govuk-radios");
            assertThat(radios.attr("data-module")).isEqualTo("govuk-radios");
            Elements inputs = radios.select("input.govuk-radios__input");
            assertThat(inputs.eachAttr("type")).containsOnly("radio");
            assertThat(inputs.eachAttr("name")).containsOnly("known");
            assertThat(inputs.eachAttr("id")).containsExactly("known", "known-2", "known-4");
            assertThat(inputs.eachAttr("value")).containsExactly("yes", "no", "unsure");
            for (Element input : inputs) {
                Element label = input.nextElementSibling();
                assertThat(label.className()).isEqualTo("govuk-label govuk-radios__label");
                assertThat(label.attr("for")).isEqualTo(input.id());
            }
            assertThat(radios.select("input[checked]")).isEmpty();
        }

        @Test
        void dividerSaysOrAndItemHintsDescribeTheirItem() {
            Element body = render("radios", params("page", PAGE, "field", Field.blank("known"), "options", options, "legend", "Known?"));

            assertThat(body.selectFirst("div.govuk-radios > div.govuk-radios__divider").text()).isEqualTo("or");
            Element no = body.getElementById("known-2");
            assertThat(no.attr("aria-describedby")).isEqualTo("known-2-item-hint");
            Element hint = body.getElementById("known-2-item-hint");
            assertThat(hint.className()).isEqualTo("govuk-hint govuk-radios__hint");
            assertThat(hint.text()).isEqualTo("You can still tell us later");
            assertThat(body.getElementById("known").hasAttr("aria-describedby")).isFalse();
        }

        @Test
        void theSubmittedValueIsChecked() {
            Element body = render("radios", params("page", PAGE, "field", Field.of("known", "unsure", null), "options", options, "legend", "Known?"));

            assertThat(body.select("input[checked]").eachAttr("value")).containsExactly("unsure");
        }

        @Test
        void errorAndHintDescribeTheFieldsetAndTheFirstRadioTakesTheFieldId() {
            Field field = Field.of("known", null, "Select yes if you know their name");
            Element body = render("radios", params("page", PAGE, "field", field, "options", options, "legend", "Known?",
                    "hint", "Their full name or part of it"));

            assertThat(body.selectFirst("div.govuk-form-group").className()).isEqualTo("govuk-form-group govuk-form-group--error");
            Element fieldset = body.selectFirst("fieldset");
            assertThat(fieldset.attr("aria-describedby")).isEqualTo("known-hint known-error");
            assertThat(fieldset.getElementById("known-hint").text()).isEqualTo("Their full name or part of it");
            assertThat(fieldset.getElementById("known-error").text()).isEqualTo("Error: Select yes if you know their name");
            assertThat(fieldset.getElementById("known-error").selectFirst(".govuk-visually-hidden").text()).isEqualTo("Error:");
            assertThat(body.selectFirst("input").id()).isEqualTo(ErrorItem.of(field).href().substring(1));
        }

        @Test
        void legendCanBeThePageHeading() {
            Element body = render("radios", params("page", PAGE, "field", Field.blank("known"), "options", options,
                    "legend", "Do you know their name?", "isPageHeading", true));

            Element legend = body.selectFirst("legend");
            assertThat(legend.className()).isEqualTo("govuk-fieldset__legend govuk-fieldset__legend--l");
            assertThat(legend.selectFirst("h1.govuk-fieldset__heading").text()).isEqualTo("Do you know their name?");
        }

        @Test
        void inlineAndSmallAddTheirModifiers() {
            Element body = render("radios", params("page", PAGE, "field", Field.blank("known"), "options", options, "legend", "Known?",
                    "inline", true, "small", true));

            assertThat(body.selectFirst("div[data-module=govuk-radios]").className())
                    .isEqualTo("govuk-radios govuk-radios--inline govuk-radios--small");
        }

        @Test
        void labelsAndValuesAreEscaped() {
            Element body = render("radios", params("page", PAGE, "field", Field.of("x", HOSTILE, null),
                    "options", List.of(Option.of(HOSTILE, HOSTILE, HOSTILE)), "legend", HOSTILE));

            assertThat(body.select("script, b")).isEmpty();
            assertThat(body.selectFirst("input").attr("value")).isEqualTo(HOSTILE);
            assertThat(body.selectFirst("input").hasAttr("checked")).isTrue();
            assertThat(body.selectFirst("legend").text()).isEqualTo(HOSTILE);
        }
    }

    @Nested
    class Checkboxes {

        private final List<Option> options = List.of(Option.of("online", "Online", "Social media, forums or games"),
                Option.of("school", "At school"), Option.of("home", "At home"), Option.divider(),
                Option.exclusive("none", "None of these"));

        @Test
        void everySubmittedValueIsChecked() {
            Element body = render("checkboxes", params("page", PAGE, "field", Field.blank("where"), "options", options,
                    "values", Set.of("online", "home"), "legend", "Where have you noticed changes?"));

            Elements inputs = body.select("div.govuk-checkboxes[data-module=govuk-checkboxes] input.govuk-checkboxes__input");
            assertThat(inputs.eachAttr("type")).containsOnly("checkbox");
            assertThat(inputs.eachAttr("name")).containsOnly("where");
            assertThat(inputs.eachAttr("id")).containsExactly("where", "where-2", "where-3", "where-5");
            assertThat(body.select("input[checked]").eachAttr("value")).containsExactly("online", "home");
            for (Element input : inputs) {
                assertThat(input.nextElementSibling().attr("for")).isEqualTo(input.id());
                assertThat(input.nextElementSibling().className()).isEqualTo("govuk-label govuk-checkboxes__label");
            }
        }

        @Test
        void nothingIsCheckedByDefault() {
            Element body = render("checkboxes", params("page", PAGE, "field", Field.blank("where"), "options", options, "legend", "Where?"));

            assertThat(body.select("input[checked]")).isEmpty();
        }

        @Test
        void noneOptionIsExclusiveAfterAnOrDivider() {
            Element body = render("checkboxes", params("page", PAGE, "field", Field.blank("where"), "options", options, "legend", "Where?"));

            assertThat(body.select("[data-behaviour]").eachAttr("value")).containsExactly("none");
            assertThat(body.getElementById("where-5").attr("data-behaviour")).isEqualTo("exclusive");
            Element divider = body.selectFirst("div.govuk-checkboxes__divider");
            assertThat(divider.text()).isEqualTo("or");
            assertThat(divider.nextElementSibling().selectFirst("input").val()).isEqualTo("none");
        }

        @Test
        void itemHintsDescribeOnlyTheirItemAndTheGroupHintAndErrorDescribeTheFieldset() {
            Element body = render("checkboxes", params("page", PAGE, "field", Field.of("where", null, "Select where you noticed changes"),
                    "options", options, "legend", "Where?", "hint", "Select all that apply"));

            assertThat(body.selectFirst("div.govuk-form-group").hasClass("govuk-form-group--error")).isTrue();
            assertThat(body.selectFirst("fieldset").attr("aria-describedby")).isEqualTo("where-hint where-error");
            assertThat(body.getElementById("where").attr("aria-describedby")).isEqualTo("where-item-hint");
            assertThat(body.getElementById("where-item-hint").className()).isEqualTo("govuk-hint govuk-checkboxes__hint");
            assertThat(body.getElementById("where-2").hasAttr("aria-describedby")).isFalse();
            assertThat(body.getElementById("where-error").text()).isEqualTo("Error: Select where you noticed changes");
        }

        @Test
        void smallModifier() {
            Element body = render("checkboxes", params("page", PAGE, "field", Field.blank("where"), "options", options, "legend", "Where?",
                    "small", true));

            assertThat(body.selectFirst("div[data-module=govuk-checkboxes]").className()).isEqualTo("govuk-checkboxes govuk-checkboxes--small");
        }
    }

    @Nested
    class DateInput {

        @Test
        void threeLabelledBoxesInAGroupFieldsetKeepTheirValues() {
            Element body = render("dateInput", params("page", PAGE, "date", DateField.of("noticed", "3", "11", "2024", null),
                    "legend", "When did you first notice?", "hint", "For example, 27 3 2024"));

            Element fieldset = body.selectFirst("div.govuk-form-group > fieldset.govuk-fieldset");
            assertThat(fieldset.attr("role")).isEqualTo("group");
            assertThat(fieldset.attr("aria-describedby")).isEqualTo("noticed-hint");
            assertThat(fieldset.selectFirst("legend").text()).isEqualTo("When did you first notice?");
            assertThat(fieldset.selectFirst("div.govuk-date-input").id()).isEqualTo("noticed");
            Elements inputs = body.select("div.govuk-date-input__item > div.govuk-form-group > input");
            assertThat(inputs.eachAttr("id")).containsExactly("noticed-day", "noticed-month", "noticed-year");
            assertThat(inputs.eachAttr("name")).containsExactly("noticed-day", "noticed-month", "noticed-year");
            assertThat(inputs.eachAttr("value")).containsExactly("3", "11", "2024");
            assertThat(inputs.eachAttr("class")).containsExactly(
                    "govuk-input govuk-date-input__input govuk-input--width-2",
                    "govuk-input govuk-date-input__input govuk-input--width-2",
                    "govuk-input govuk-date-input__input govuk-input--width-4");
            assertThat(inputs.eachAttr("inputmode")).containsOnly("numeric");
            assertThat(inputs.eachAttr("type")).containsOnly("text");
            assertThat(inputs.eachAttr("autocomplete")).isEmpty();
            Elements labels = body.select("label.govuk-date-input__label");
            assertThat(labels.eachText()).containsExactly("Day", "Month", "Year");
            assertThat(labels.eachAttr("for")).isEqualTo(inputs.eachAttr("id"));
            assertThat(body.select(".govuk-input--error, .govuk-error-message")).isEmpty();
        }

        @Test
        void onlyTheInvalidPartIsHighlightedAndTheSummaryLinksToIt() {
            DateField date = DateField.of("noticed", "3", "13", "2024", "Month must be between 1 and 12", DateField.Part.MONTH);
            Element body = render("dateInput", params("page", PAGE, "date", date, "legend", "When?", "hint", "For example, 27 3 2024"));

            assertThat(body.selectFirst("div.govuk-form-group").className()).isEqualTo("govuk-form-group govuk-form-group--error");
            assertThat(body.selectFirst("fieldset").attr("aria-describedby")).isEqualTo("noticed-hint noticed-error");
            assertThat(body.getElementById("noticed-error").text()).isEqualTo("Error: Month must be between 1 and 12");
            assertThat(body.select("input.govuk-input--error").eachAttr("id")).containsExactly("noticed-month");
            assertThat(body.select("div.govuk-date-input__item > div.govuk-form-group--error")).isEmpty();
            assertThat(ErrorItem.of(date).href()).isEqualTo("#noticed-month");
            assertThat(body.getElementById("noticed-month")).isNotNull();
        }

        @Test
        void anErrorWithoutPartsHighlightsEveryBox() {
            Element body = render("dateInput", params("page", PAGE, "date", DateField.of("noticed", null, null, null, "Enter the date"),
                    "legend", "When?"));

            assertThat(body.select("input.govuk-input--error").eachAttr("id")).containsExactly("noticed-day", "noticed-month", "noticed-year");
            assertThat(body.selectFirst("fieldset").attr("aria-describedby")).isEqualTo("noticed-error");
            assertThat(body.select("input[value]")).isEmpty();
        }

        @Test
        void dateOfBirthAsksBrowsersToFillItAndValuesAreEscaped() {
            Element body = render("dateInput", params("page", PAGE, "date", new DateField("dob", "person-dob", HOSTILE, "1", "2000", null, null),
                    "legend", "Date of birth", "dateOfBirth", true, "isPageHeading", true));

            assertThat(body.select("input").eachAttr("autocomplete")).containsExactly("bday-day", "bday-month", "bday-year");
            assertThat(body.select("input").eachAttr("id")).containsExactly("person-dob-day", "person-dob-month", "person-dob-year");
            assertThat(body.select("input").eachAttr("name")).containsExactly("dob-day", "dob-month", "dob-year");
            assertThat(body.getElementById("person-dob-day").val()).isEqualTo(HOSTILE);
            assertThat(body.select("script")).isEmpty();
            assertThat(body.selectFirst("legend h1.govuk-fieldset__heading").text()).isEqualTo("Date of birth");
        }
    }

    @Nested
    class ErrorSummary {

        @Test
        void rendersNothingWithoutErrors() {
            assertThat(html("errorSummary", params("page", PAGE, "errors", List.of()))).isBlank();
            assertThat(html("errorSummary", params("page", PAGE, "errors", null))).isBlank();
        }

        @Test
        void listsLinksToTheFieldsInError() {
            Element body = render("errorSummary", params("page", PAGE, "errors", List.of(
                    new ErrorItem("#name", "Enter their name"), new ErrorItem("#noticed-month", "Month must be between 1 and 12"))));

            Element summary = body.selectFirst("div.govuk-error-summary");
            assertThat(summary.attr("data-module")).isEqualTo("govuk-error-summary");
            Element alert = summary.selectFirst("> div[role=alert]");
            assertThat(alert.selectFirst("h2.govuk-error-summary__title").text()).isEqualTo("There is a problem");
            Elements links = alert.select("div.govuk-error-summary__body > ul.govuk-list.govuk-error-summary__list > li > a");
            assertThat(links.eachAttr("href")).containsExactly("#name", "#noticed-month");
            assertThat(links.eachText()).containsExactly("Enter their name", "Month must be between 1 and 12");
        }

        @Test
        void linksReachTheFieldsTheyNameAndRepeatTheirMessages() {
            Field name = Field.of("name", "", "Enter their name");
            Field where = Field.of("where", null, "Select where you noticed changes");
            DateField noticed = DateField.of("noticed", "31", "2", "2024", "Enter a real date", DateField.Part.DAY, DateField.Part.MONTH);
            String form = html("errorSummary", params("page", PAGE, "errors", List.of(ErrorItem.of(name), ErrorItem.of(where), ErrorItem.of(noticed))))
                    + html("textInput", params("page", PAGE, "field", name, "label", "Name"))
                    + html("checkboxes", params("page", PAGE, "field", where, "options", List.of(Option.of("a", "A"), Option.of("b", "B")), "legend", "Where?"))
                    + html("dateInput", params("page", PAGE, "date", noticed, "legend", "When?"));
            Element body = Jsoup.parseBodyFragment(form).body();

            Elements links = body.select(".govuk-error-summary__list a");
            assertThat(links).hasSize(3);
            for (Element link : links) {
                Element target = body.getElementById(link.attr("href").substring(1));
                assertThat(target).as(link.attr("href")).isNotNull();
                assertThat(target.tagName()).isEqualTo("input");
            }
            assertThat(links.eachAttr("href")).containsExactly("#name", "#where", "#noticed-day");
            assertThat(body.select("p.govuk-error-message").eachText()).containsExactly(
                    "Error: Enter their name", "Error: Select where you noticed changes", "Error: Enter a real date");
        }

        @Test
        void linkTextAndHrefAreEscaped() {
            String html = html("errorSummary", params("page", PAGE, "errors", List.of(new ErrorItem("#x\"><script>", HOSTILE))));

            assertThat(html).doesNotContain("<script>");
            Element link = Jsoup.parseBodyFragment(html).selectFirst(".govuk-error-summary__list a");
            assertThat(link.text()).isEqualTo(HOSTILE);
            assertThat(link.attr("href")).isEqualTo("#x\"><script>");
        }
    }

    @Nested
    class Fieldset {

        @Test
        void wrapsContentUnderItsLegend() {
            Element body = render("fieldset", params("legend", "What is their address?", "legendClasses", "govuk-fieldset__legend--m",
                    "content", (gg.jte.Content) output -> output.writeContent("<p class=\"inner\">inside</p>")));

            Element fieldset = body.selectFirst("fieldset.govuk-fieldset");
            assertThat(fieldset.selectFirst("legend").className()).isEqualTo("govuk-fieldset__legend govuk-fieldset__legend--m");
            assertThat(fieldset.selectFirst("legend").text()).isEqualTo("What is their address?");
            assertThat(fieldset.selectFirst("legend + p.inner").text()).isEqualTo("inside");
            assertThat(fieldset.select("h1")).isEmpty();
        }
    }
}
