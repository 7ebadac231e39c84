package uk.org.safeguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.org.safeguard.web.ComponentRenderer.html;
import static uk.org.safeguard.web.ComponentRenderer.page;
import static uk.org.safeguard.web.ComponentRenderer.params;
import static uk.org.safeguard.web.ComponentRenderer.render;

import java.util.List;

import gg.jte.Content;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The components that show things rather than ask for them. */
class ContentComponentsTest {

    private static final PageContext PAGE = page();
    private static final String HOSTILE = "<script>alert(1)</script>";

    @Nested
    class SummaryList {

        @Test
        void rowsShowKeyValueAndAChangeLinkNamingWhatChanges() {
            Element body = render("summaryList", params("page", PAGE, "rows", List.of(
                    SummaryRow.withChange("Name", "Sam Smith", "/concern/name", "name"),
                    SummaryRow.of("Reference", "SG-1234"))));

            Element list = body.selectFirst("dl");
            assertThat(list.className()).isEqualTo("govuk-summary-list");
            Elements rows = list.select("> div");
            assertThat(rows.eachAttr("class")).containsExactly("govuk-summary-list__row",
                    "govuk-summary-list__row govuk-summary-list__row--no-actions");
            Element first = rows.first();
            assertThat(first.selectFirst("dt.govuk-summary-list__key").text()).isEqualTo("Name");
            assertThat(first.selectFirst("dd.govuk-summary-list__value").text()).isEqualTo("Sam Smith");
            Element link = first.selectFirst("dd.govuk-summary-list__actions > a.govuk-link");
            assertThat(link.attr("href")).isEqualTo("/concern/name");
            assertThat(link.text()).isEqualTo("Change name");
            assertThat(link.selectFirst("span.govuk-visually-hidden").text()).isEqualTo("name");
            assertThat(link.ownText()).isEqualTo("Change");
            assertThat(rows.last().select(".govuk-summary-list__actions")).isEmpty();
        }

        @Test
        void noRowIsMarkedWithoutActionsWhenNoneHasThem() {
            Element body = render("summaryList", params("page", PAGE, "rows", List.of(SummaryRow.of("A", "1"), SummaryRow.of("B", "2")),
                    "noBorder", true));

            assertThat(body.selectFirst("dl").className()).isEqualTo("govuk-summary-list govuk-summary-list--no-border");
            assertThat(body.select(".govuk-summary-list__row--no-actions")).isEmpty();
        }

        @Test
        void keysAndValuesAreEscaped() {
            String html = html("summaryList", params("page", PAGE, "rows", List.of(SummaryRow.withChange(HOSTILE, HOSTILE, "/x", HOSTILE))));

            assertThat(html).doesNotContain("<script>");
        }
    }

    @Nested
    class Table {

        @Test
        void captionHeadAndNumericCells() {
            Element body = render("table", params(
                    "caption", "Concerns by borough", "captionClasses", "govuk-table__caption--m",
                    "head", List.of(TableCell.of("Borough"), TableCell.numeric("Concerns")),
                    "rows", List.of(List.of(TableCell.of("Camden"), TableCell.numeric("1,204")),
                            List.of(TableCell.of("Hackney"), TableCell.numeric("87")))));

            Element table = body.selectFirst("table.govuk-table");
            assertThat(table.selectFirst("caption").className()).isEqualTo("govuk-table__caption govuk-table__caption--m");
            assertThat(table.selectFirst("caption").text()).isEqualTo("Concerns by borough");
            Elements head = table.select("thead.govuk-table__head > tr.govuk-table__row > th");
            assertThat(head.eachAttr("scope")).containsOnly("col");
            assertThat(head.eachAttr("class")).containsExactly("govuk-table__header", "govuk-table__header govuk-table__header--numeric");
            Elements rows = table.select("tbody.govuk-table__body > tr.govuk-table__row");
            assertThat(rows).hasSize(2);
            assertThat(rows.first().select("td").eachAttr("class")).containsExactly("govuk-table__cell",
                    "govuk-table__cell govuk-table__cell--numeric");
            assertThat(rows.first().select("td").eachText()).containsExactly("Camden", "1,204");
            assertThat(table.select("tbody th")).isEmpty();
        }

        @Test
        void firstCellCanHeadItsRowAndTheHeadIsOptional() {
            Element body = render("table", params("firstCellIsHeader", true,
                    "rows", List.of(List.of(TableCell.of("Camden"), TableCell.numeric("12")))));

            assertThat(body.select("caption, thead")).isEmpty();
            Element header = body.selectFirst("tbody tr > th");
            assertThat(header.attr("scope")).isEqualTo("row");
            assertThat(header.className()).isEqualTo("govuk-table__header");
            assertThat(header.text()).isEqualTo("Camden");
            assertThat(body.select("tbody td").eachText()).containsExactly("12");
        }

        @Test
        void cellsCanBeLinksAndTags() {
            Element body = render("table", params("firstCellIsHeader", true, "rows", List.of(List.of(
                    TableCell.link("Camden", "/boroughs/camden"), TableCell.tag("Published", "green"),
                    TableCell.link(HOSTILE, "/x?a=1&b=2")))));

            Element link = body.selectFirst("tbody th > a.govuk-link");
            assertThat(link.attr("href")).isEqualTo("/boroughs/camden");
            assertThat(link.text()).isEqualTo("Camden");
            Element tag = body.selectFirst("tbody td > strong.govuk-tag");
            assertThat(tag.className()).isEqualTo("govuk-tag govuk-tag--green");
            assertThat(tag.text()).isEqualTo("Published");
            assertThat(body.select("tbody td").get(1).selectFirst("a").attr("href")).isEqualTo("/x?a=1&b=2");
            assertThat(body.html()).doesNotContain("<script>");
        }

        @Test
        void cellsAreEscaped() {
            String html = html("table", params("caption", HOSTILE, "head", List.of(TableCell.of(HOSTILE)),
                    "rows", List.of(List.of(TableCell.of(HOSTILE)))));

            assertThat(html).doesNotContain("<script>");
        }
    }

    @Test
    void tagTakesAColour() {
        assertThat(render("tag", params("text", "Open")).selectFirst("strong").className()).isEqualTo("govuk-tag");
        Element tag = render("tag", params("text", "Closed", "colour", "grey")).selectFirst("strong");
        assertThat(tag.className()).isEqualTo("govuk-tag govuk-tag--grey");
        assertThat(tag.text()).isEqualTo("Closed");
    }

    @Test
    void panelShowsTitleAndBody() {
        Element panel = render("panel", params("title", "Concern sent", "body", "Your receipt code<br>ABC")).selectFirst("div");

        assertThat(panel.className()).isEqualTo("govuk-panel govuk-panel--confirmation");
        assertThat(panel.selectFirst("h1.govuk-panel__title").text()).isEqualTo("Concern sent");
        assertThat(panel.selectFirst("div.govuk-panel__body").text()).isEqualTo("Your receipt code<br>ABC");
        assertThat(panel.select("br")).isEmpty();
    }

    @Test
    void panelBodyAndHeadingLevelAreOptional() {
        Element panel = render("panel", params("title", "Done", "headingLevel", 2)).selectFirst("div");

        assertThat(panel.selectFirst("h2.govuk-panel__title").text()).isEqualTo("Done");
        assertThat(panel.select("h1, .govuk-panel__body")).isEmpty();
    }

    @Nested
    class NotificationBanner {

        @Test
        void neutralBannerIsARegionLabelledByItsTitle() {
            Element banner = render("notificationBanner", params("page", PAGE, "text", "You have 3 cases to review.")).selectFirst("div");

            assertThat(banner.className()).isEqualTo("govuk-notification-banner");
            assertThat(banner.attr("role")).isEqualTo("region");
            assertThat(banner.attr("data-module")).isEqualTo("govuk-notification-banner");
            Element title = banner.selectFirst(".govuk-notification-banner__header > h2.govuk-notification-banner__title");
            assertThat(title.text()).isEqualTo("Important");
            assertThat(banner.attr("aria-labelledby")).isEqualTo(title.id()).isEqualTo("govuk-notification-banner-title");
            assertThat(banner.selectFirst(".govuk-notification-banner__content > p.govuk-notification-banner__heading").text())
                    .isEqualTo("You have 3 cases to review.");
        }

        @Test
        void successBannerIsAnAlert() {
            Element banner = render("notificationBanner", params("page", PAGE, "text", "Case closed", "success", true)).selectFirst("div");

            assertThat(banner.className()).isEqualTo("govuk-notification-banner govuk-notification-banner--success");
            assertThat(banner.attr("role")).isEqualTo("alert");
            assertThat(banner.selectFirst("h2").text()).isEqualTo("Success");
            assertThat(banner.attr("aria-labelledby")).isEqualTo(banner.selectFirst("h2").id());
        }

        @Test
        void titleIdAndContentCanBeGiven() {
            Content content = output -> output.writeContent("<p class=\"govuk-body\">Details</p>");
            Element banner = render("notificationBanner", params("page", PAGE, "title", "Changes saved", "titleId", "saved-title",
                    "content", content)).selectFirst("div");

            assertThat(banner.attr("aria-labelledby")).isEqualTo("saved-title");
            assertThat(banner.getElementById("saved-title").text()).isEqualTo("Changes saved");
            assertThat(banner.selectFirst(".govuk-notification-banner__content > p.govuk-body").text()).isEqualTo("Details");
            assertThat(banner.select(".govuk-notification-banner__heading")).isEmpty();
        }
    }

    @Test
    void detailsIsClosedUnlessOpened() {
        Element closed = render("details", params("summary", "Help with this question", "text", "Some help")).selectFirst("details");
        assertThat(closed.className()).isEqualTo("govuk-details");
        assertThat(closed.hasAttr("open")).isFalse();
        assertThat(closed.selectFirst("summary.govuk-details__summary > span.govuk-details__summary-text").text())
                .isEqualTo("Help with this question");
        assertThat(closed.selectFirst("div.govuk-details__text").text()).isEqualTo("Some help");

        Element open = render("details", params("summary", "Help", "text", "Some help", "open", true)).selectFirst("details");
        assertThat(open.hasAttr("open")).isTrue();
    }

    @Test
    void insetTextAndWarningText() {
        assertThat(render("insetText", params("text", "Signs are not proof.")).selectFirst("div.govuk-inset-text").text())
                .isEqualTo("Signs are not proof.");

        Element warning = render("warningText", params("page", PAGE, "text", "Call 999")).selectFirst("div.govuk-warning-text");
        assertThat(warning.selectFirst("span.govuk-warning-text__icon").attr("aria-hidden")).isEqualTo("true");
        Element text = warning.selectFirst("strong.govuk-warning-text__text");
        assertThat(text.selectFirst("span.govuk-visually-hidden").text()).isEqualTo("Warning");
        assertThat(text.ownText()).isEqualTo("Call 999");
    }

    @Nested
    class Button {

        @Test
        void submitButtonByDefault() {
            Element button = render("button", params("text", "Continue")).selectFirst("button");

            assertThat(button.attr("type")).isEqualTo("submit");
            assertThat(button.className()).isEqualTo("govuk-button");
            assertThat(button.attr("data-module")).isEqualTo("govuk-button");
            assertThat(button.text()).isEqualTo("Continue");
            assertThat(button.attributes().size()).isEqualTo(3);
        }

        @Test
        void variantsNameValueAndDoubleClickPrevention() {
            Element secondary = render("button", params("text", "Save as draft", "variant", "secondary", "name", "action",
                    "value", "draft", "preventDoubleClick", true)).selectFirst("button");
            assertThat(secondary.className()).isEqualTo("govuk-button govuk-button--secondary");
            assertThat(secondary.attr("name")).isEqualTo("action");
            assertThat(secondary.val()).isEqualTo("draft");
            assertThat(secondary.attr("data-prevent-double-click")).isEqualTo("true");

            Element warning = render("button", params("text", "Delete", "variant", "warning")).selectFirst("button");
            assertThat(warning.className()).isEqualTo("govuk-button govuk-button--warning");
        }

        @Test
        void startButtonIsALinkWithAnArrow() {
            Element link = render("button", params("text", "Start now", "href", "/concern/start", "isStartButton", true)).selectFirst("a");

            assertThat(link.attr("href")).isEqualTo("/concern/start");
            assertThat(link.attr("role")).isEqualTo("button");
            assertThat(link.attr("draggable")).isEqualTo("false");
            assertThat(link.className()).isEqualTo("govuk-button govuk-button--start");
            assertThat(link.attr("data-module")).isEqualTo("govuk-button");
            assertThat(link.text()).isEqualTo("Start now");
            Element svg = link.selectFirst("svg.govuk-button__start-icon");
            assertThat(svg.attr("aria-hidden")).isEqualTo("true");
            assertThat(svg.attr("focusable")).isEqualTo("false");
            assertThat(svg.selectFirst("path").attr("d")).isEqualTo("M0 0h13l20 20-20 20H0l20-20z");
        }

        @Test
        void buttonGroupHoldsButtonsAndLinks() {
            Content buttons = output -> output.writeContent("<button class=\"govuk-button\">Save</button><a class=\"govuk-link\" href=\"/\">Cancel</a>");
            Element group = render("buttonGroup", params("content", buttons)).selectFirst("div.govuk-button-group");

            assertThat(group.children().eachText()).containsExactly("Save", "Cancel");
        }
    }

    @Nested
    class Pagination {

        @Test
        void numberedPagesMarkTheCurrentOne() {
            Element nav = render("pagination", params("page", PAGE, "items", PaginationLink.around(5, 10, n -> "/cases?page=" + n),
                    "previousHref", "/cases?page=4", "nextHref", "/cases?page=6")).selectFirst("nav");

            assertThat(nav.className()).isEqualTo("govuk-pagination");
            assertThat(nav.attr("aria-label")).isEqualTo("Pagination");
            Elements items = nav.select("ul.govuk-pagination__list > li");
            assertThat(items.eachText()).containsExactly("1", "⋯", "4", "5", "6", "⋯", "10");
            Elements current = nav.select("[aria-current]");
            assertThat(current).hasSize(1);
            assertThat(current.first().attr("aria-current")).isEqualTo("page");
            assertThat(current.first().text()).isEqualTo("5");
            assertThat(current.first().parent().className()).isEqualTo("govuk-pagination__item govuk-pagination__item--current");
            assertThat(nav.select("li.govuk-pagination__item--ellipsis")).hasSize(2);
            assertThat(nav.select("li.govuk-pagination__item--ellipsis a")).isEmpty();
            Element four = nav.selectFirst("a[href=/cases?page=4][aria-label]");
            assertThat(four.attr("aria-label")).isEqualTo("Page 4");
            assertThat(four.className()).isEqualTo("govuk-link govuk-pagination__link");
        }

        @Test
        void previousAndNextLinksSayWhatTheyAre() {
            Element nav = render("pagination", params("page", PAGE, "items", PaginationLink.around(2, 3, n -> "/p/" + n),
                    "previousHref", "/p/1", "nextHref", "/p/3")).selectFirst("nav");

            Element previous = nav.selectFirst("div.govuk-pagination__prev > a");
            assertThat(previous.attr("rel")).isEqualTo("prev");
            assertThat(previous.attr("href")).isEqualTo("/p/1");
            assertThat(previous.text()).isEqualTo("Previous page");
            assertThat(previous.selectFirst(".govuk-visually-hidden").text()).isEqualTo("page");
            Element next = nav.selectFirst("div.govuk-pagination__next > a");
            assertThat(next.attr("rel")).isEqualTo("next");
            assertThat(next.text()).isEqualTo("Next page");
            assertThat(next.select("svg").attr("aria-hidden")).isEqualTo("true");
            assertThat(nav.child(0).className()).isEqualTo("govuk-pagination__prev");
            assertThat(nav.child(2).className()).isEqualTo("govuk-pagination__next");
        }

        @Test
        void firstPageHasNoPreviousLink() {
            Element nav = render("pagination", params("page", PAGE, "items", PaginationLink.around(1, 3, n -> "/p/" + n),
                    "nextHref", "/p/2")).selectFirst("nav");

            assertThat(nav.select(".govuk-pagination__prev")).isEmpty();
            assertThat(nav.selectFirst("[aria-current=page]").text()).isEqualTo("1");
        }

        @Test
        void withoutNumbersItIsBlockLevelAndCanCarryLabels() {
            Element nav = render("pagination", params("page", PAGE, "previousHref", "/learn/1", "nextHref", "/learn/3",
                    "previousLabel", "Spotting the signs", "nextLabel", "Who to talk to")).selectFirst("nav");

            assertThat(nav.className()).isEqualTo("govuk-pagination govuk-pagination--block");
            assertThat(nav.select("ul")).isEmpty();
            assertThat(nav.selectFirst(".govuk-pagination__next .govuk-pagination__link-label").text()).isEqualTo("Who to talk to");
            assertThat(nav.selectFirst(".govuk-pagination__prev .govuk-pagination__link-label").text()).isEqualTo("Spotting the signs");
            assertThat(nav.select(".govuk-pagination__link-title--decorated")).isEmpty();
            Element nextLink = nav.selectFirst(".govuk-pagination__next a");
            assertThat(nextLink.child(0).tagName()).isEqualTo("svg");
        }

        @Test
        void blockLevelWithoutLabelsDecoratesTheTitles() {
            Element nav = render("pagination", params("page", PAGE, "nextHref", "/learn/2")).selectFirst("nav");

            assertThat(nav.select(".govuk-pagination__link-title--decorated")).hasSize(1);
            assertThat(nav.select(".govuk-pagination__link-label")).isEmpty();
        }
    }

    @Test
    void backLinkSaysBackUnlessToldOtherwise() {
        Element link = render("backLink", params("page", PAGE, "href", "/concern/where")).selectFirst("a");
        assertThat(link.className()).isEqualTo("govuk-back-link");
        assertThat(link.attr("href")).isEqualTo("/concern/where");
        assertThat(link.text()).isEqualTo("Back");

        assertThat(render("backLink", params("page", PAGE, "href", "/", "text", "Back to cases")).selectFirst("a").text())
                .isEqualTo("Back to cases");
    }
}
