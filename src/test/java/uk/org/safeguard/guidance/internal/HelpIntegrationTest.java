package uk.org.safeguard.guidance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.org.safeguard.geography.Borough;
import uk.org.safeguard.geography.Boroughs;
import uk.org.safeguard.support.Http;
import uk.org.safeguard.support.IntegrationTest;

/** "Find help near you" over real HTTP: postcode answers, borough pages, the demo contacts. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class HelpIntegrationTest {

    static final String SUTTON = "E09000029";
    static final String MERTON = "E09000024";

    @LocalServerPort
    int port;

    @Autowired
    Boroughs boroughs;

    @Autowired
    ContentVersions versions;

    @Autowired
    BoroughContacts contacts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theFormAsksForAPostcodeAndListsEveryBoroughInNameOrder() {
        HttpResponse<String> response = http().get("/help");
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.title()).isEqualTo("Find help near you – Safeguard");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Find help near you");
        Element form = page.selectFirst("main form");
        assertThat(form.attr("method")).isEqualTo("get");
        assertThat(form.attr("action")).isEqualTo("/help");
        assertThat(page.selectFirst("label[for=postcode]").text()).isEqualTo("Postcode");
        assertThat(page.selectFirst("#postcode-hint").text()).isEqualTo("For example, E1 6AN or the first part, like E1");
        assertThat(page.select(".govuk-error-summary")).isEmpty();
        List<String> names = page.select(".app-borough-list a").eachText();
        assertThat(names).hasSize(33).startsWith("Barking and Dagenham", "Barnet").contains("City of London")
                .endsWith("Westminster").isSortedAccordingTo(String::compareTo);
        assertThat(page.select(".app-borough-list a").eachAttr("href")).contains("/help/kingston-upon-thames",
                "/help/tower-hamlets", "/help/city-of-london");
        assertThat(page.select(".govuk-service-navigation__link[aria-current=page]").text()).isEqualTo("Find help");
    }

    @Test
    void aFullPostcodeInAnyCaseAndSpacingGoesStraightToItsBoroughWithoutThePostcodeInTheAddress() {
        // E1 6AN is the one City of London postcode in sector E1 6; its neighbour E1 6AA is in Tower Hamlets.
        assertRedirect("e16an", "/help/city-of-london");
        assertRedirect("  e1   6aa ", "/help/tower-hamlets");
        assertRedirect("E1 6AA", "/help/tower-hamlets");
        assertRedirect("sw1a1aa", "/help/westminster");
        assertRedirect("Se1 7pb", "/help/lambeth");
    }

    @Test
    void aDistrictWhollyInOneBoroughGoesStraightToIt() {
        assertRedirect("E16", "/help/newham");
        assertRedirect("rm1", "/help/havering");
    }

    @Test
    void aDistrictSpanningBoroughsAsksWhichOneLargestShareFirst() {
        Document page = help("SE1");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Choose your borough");
        assertThat(page.title()).isEqualTo("Choose your borough – Safeguard");
        assertThat(page.select("main").text()).contains("SE1 covers more than one borough.")
                .doesNotContain("outside London");
        assertThat(page.select(".app-borough-choices a").eachText()).containsExactly("Southwark", "Lambeth");
        assertThat(page.select(".app-borough-choices a").eachAttr("href")).containsExactly("/help/southwark", "/help/lambeth");
        assertThat(page.select("h2").eachText()).doesNotContain("If the address is outside London");

        Document sector = help("SE1 7");
        assertThat(sector.select("main").text()).contains("SE1 7 covers more than one borough.");
        assertThat(sector.select(".app-borough-choices a").eachText()).containsExactly("Lambeth", "Southwark");

        // E1 is mostly Tower Hamlets, but not only: the person chooses.
        assertThat(help("E1").select(".app-borough-choices a").eachText())
                .containsExactly("Tower Hamlets", "City of London", "Hackney");
    }

    @Test
    void anAreaPartlyOutsideLondonSaysSoAndGivesTheNationalRoutes() {
        Document page = help("EN5");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Choose your borough");
        assertThat(page.select("main").text()).contains("Part of EN5 is in Barnet and part is outside London.");
        assertThat(page.select(".app-borough-choices a").eachAttr("href")).containsExactly("/help/barnet");
        assertThat(page.select("h2").eachText()).contains("If the address is outside London");
        assertThat(hrefs(page)).contains("tel:999", "tel:101", "tel:+44800789321", "tel:+448000113764",
                "https://www.report-it.org.uk", "tel:+448004561226", "tel:+448000323263",
                "https://www.gov.uk/find-local-council");

        assertThat(help("TN16").select("main").text())
                .contains("Most of TN16 is outside London, but part of it is in Bromley.");
    }

    @Test
    void aFullPostcodeWeCannotFindSaysSoAndShowsItsAreasBoroughs() {
        Document page = help("e1 6zz");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Choose your borough");
        assertThat(page.select("main").text())
                .contains("We could not find the postcode E1 6ZZ. It may be new, or there may be a mistake in it.")
                .contains("Postcodes starting E1 6 are in these boroughs:");
        assertThat(page.select(".app-borough-choices a").eachText())
                .containsExactly("Tower Hamlets", "Hackney", "City of London");
    }

    @Test
    void aPostcodeOutsideLondonSaysSoWithTheNationalRoutesAndTheLocalCouncil() {
        Document page = help("m1 1ae");
        assertThat(page.title()).isEqualTo("This postcode is not in London – Safeguard");
        assertThat(page.selectFirst("h1").text()).isEqualTo("This postcode is not in London");
        String text = page.select("main").text();
        assertThat(text).contains("M1 1AE is not in London. Safeguard only lists services in London's 33 boroughs.")
                .contains("contact the safeguarding team of the local council", "0800 789 321", "0800 011 3764",
                        "0800 456 1226", "0800 032 3263", "report-it.org.uk", "call 101", "999");
        assertThat(hrefs(page)).contains("https://www.gov.uk/find-local-council", "tel:999", "tel:101",
                "tel:+44800789321", "https://www.gov.uk/ACT", "tel:+448000113764", "https://www.report-it.org.uk",
                "tel:+448004561226", "tel:+448000323263", "https://www.police.uk");
        assertThat(help("EH1").selectFirst("h1").text()).isEqualTo("This postcode is not in London");
    }

    @Test
    void somethingThatIsNotAPostcodeIsAnErrorThatKeepsWhatWasTyped() {
        Document page = help("not a postcode!");
        assertThat(page.title()).isEqualTo("Error: Find help near you – Safeguard");
        assertThat(page.select(".govuk-error-summary__list a").eachText())
                .containsExactly("Enter a real postcode, like E1 6AN, or the first part, like E1");
        assertThat(page.selectFirst(".govuk-error-summary__list a").attr("href")).isEqualTo("#postcode");
        assertThat(page.selectFirst("#postcode-error").text()).contains("Enter a real postcode, like E1 6AN");
        assertThat(page.selectFirst("input#postcode").val()).isEqualTo("not a postcode!");
        assertThat(page.selectFirst("input#postcode").attr("aria-describedby")).isEqualTo("postcode-hint postcode-error");
        assertThat(page.select(".app-borough-list a")).hasSize(33);

        assertThat(help("E1 6AN 6AN").selectFirst("input#postcode").val()).isEqualTo("E1 6AN 6AN");
    }

    @Test
    void anEmptyPostcodeAsksForOne() {
        for (String blank : List.of("", "   ")) {
            Document page = help(blank);
            assertThat(page.title()).startsWith("Error:");
            assertThat(page.select(".govuk-error-summary__list a").eachText()).containsExactly("Enter a postcode");
            assertThat(page.selectFirst("#postcode-error").text()).contains("Enter a postcode");
        }
    }

    @Test
    void anUnknownBoroughIsNotFound() {
        HttpResponse<String> response = http().get("/help/atlantis", "Accept", "text/html");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(response.body()).selectFirst("h1").text()).isEqualTo("Page not found");
        assertThat(http().get("/help/Tower-Hamlets", "Accept", "text/html").statusCode()).isEqualTo(404);
    }

    @Test
    void aBoroughPageGivesEveryNationalNumberAndMarksTheExampleContactAsAnExample() {
        Document page = borough("tower-hamlets");
        assertThat(page.title()).isEqualTo("Help in Tower Hamlets – Safeguard");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Help in Tower Hamlets");
        assertThat(page.select("main a[href=\"/help\"]").text()).isEqualTo("Change borough");
        assertThat(page.select("main h2").eachText()).containsExactly("If someone is in immediate danger",
                "Safeguarding and Prevent team", "Police", "Anti-Terrorism Hotline", "National Prevent advice line",
                "Hate crime", "Support for victims");

        Element contact = page.selectFirst("#borough-contact");
        assertThat(contact.selectFirst("h3").text()).isEqualTo("Tower Hamlets Council Prevent team (example)");
        assertThat(contact.select(".govuk-tag").text()).isEqualTo("Example contact: not a real number");
        assertThat(contact.select(".govuk-warning-text").text()).contains("made-up example data", "Do not use it");
        assertThat(contact.select("a[href=\"tel:+442079460030\"]").text()).isEqualTo("020 7946 0030");
        assertThat(contact.select("a[href=\"mailto:prevent.tower-hamlets@example.org\"]").text())
                .isEqualTo("prevent.tower-hamlets@example.org");
        assertThat(contact.select("a[href=\"https://www.example.org/tower-hamlets/prevent\"]")).hasSize(1);
        assertThat(contact.text()).contains("Monday to Friday, 9am to 5pm");

        String text = page.select("main").text();
        assertThat(text).contains("Call 999", "Call 101", "0800 789 321", "gov.uk/ACT", "0800 011 3764",
                "report-it.org.uk", "Tell MAMA", "0800 456 1226", "CST", "0800 032 3263", "Victim Support",
                "08 08 16 89 111", "victimsupport.org.uk");
        Map<String, String> links = links(page);
        assertThat(links).containsEntry("tel:999", "Call 999").containsEntry("tel:101", "Call 101")
                .containsEntry("tel:+44800789321", "Call 0800 789 321")
                .containsEntry("https://www.gov.uk/ACT", "Report online at gov.uk/ACT")
                .containsEntry("tel:+448000113764", "Call 0800 011 3764")
                .containsEntry("https://www.report-it.org.uk", "Report a hate crime online through True Vision at report-it.org.uk")
                .containsEntry("tel:+448004561226", "Tell MAMA, for anti-Muslim hatred: call 0800 456 1226")
                .containsEntry("tel:+448000323263", "CST, for antisemitism: call 0800 032 3263")
                .containsEntry("tel:+448081689111", "Call the free 24/7 Supportline on 08 08 16 89 111")
                .containsEntry("https://www.victimsupport.org.uk", "Find out more at victimsupport.org.uk")
                .containsEntry("https://www.met.police.uk", "Report online to the Metropolitan Police at met.police.uk");
        assertThat(page.select("script[src^=http], link[href^=http], img[src^=http]"))
                .as("nothing is loaded from another site").isEmpty();
    }

    @Test
    void theCityOfLondonHasItsOwnPoliceAndCorporation() {
        Document page = borough("city-of-london");
        assertThat(page.selectFirst("#borough-contact h3").text()).isEqualTo("City of London Corporation Prevent team (example)");
        assertThat(links(page)).containsKey("https://www.cityoflondon.police.uk").doesNotContainKey("https://www.met.police.uk");
        assertThat(page.select("a[href=\"tel:+442079460001\"]")).hasSize(1);
    }

    @Test
    void theDemoDataGivesEveryBoroughItsOwnExampleContactFromTheDramaRange() {
        Set<String> phones = new HashSet<>();
        for (Borough borough : boroughs.all()) {
            BoroughContacts.Contact contact = contacts.published(borough.code()).orElseThrow();
            assertThat(contact.example()).as(borough.name()).isTrue();
            assertThat(contact.team()).endsWith("Prevent team (example)");
            assertThat(contact.phone()).matches("020 7946 0[0-9]{3}");
            assertThat(contact.email()).isEqualTo("prevent." + borough.slug() + "@example.org");
            assertThat(contact.website()).isEqualTo("https://www.example.org/" + borough.slug() + "/prevent");
            phones.add(contact.phone());
        }
        assertThat(phones).hasSize(33);
        assertThat(jdbc.sql("SELECT count(*) FROM platform_demo_data WHERE name = 'guidance.borough-contacts'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aBoroughWithoutAContactSaysSoAndPointsToTheAdviceLine() {
        Borough sutton = boroughs.byCode(SUTTON).orElseThrow();
        try {
            jdbc.sql("DELETE FROM guidance_version WHERE kind = 'contact' AND item_key = :key").param("key", SUTTON).update();
            contacts.evict(SUTTON);
            Document page = borough("sutton");
            Element contact = page.selectFirst("#borough-contact");
            assertThat(contact.text()).contains("We do not have contact details for this borough's team yet.")
                    .contains("call the national Prevent advice line on 0800 011 3764");
            assertThat(contact.select("a[href=\"tel:+448000113764\"]")).hasSize(1);
            assertThat(contact.select(".govuk-tag")).isEmpty();
            assertThat(page.select("main").text()).contains("0800 789 321", "0800 456 1226", "08 08 16 89 111");
        } finally {
            versions.append(ContentKind.CONTACT, SUTTON, BoroughContacts.LANGUAGE, DemoBoroughContacts.fields(sutton),
                    "system", "Example contact for the demo", true, null);
            contacts.evict(SUTTON);
        }
    }

    @Test
    void aVerifiedContactIsShownWithoutTheExampleWarningAndOnlySafeLinks() {
        Borough merton = boroughs.byCode(MERTON).orElseThrow();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(BoroughContacts.TEAM, "Merton safeguarding hub");
        fields.put(BoroughContacts.PHONE, "+44 20 7946 0999");
        fields.put(BoroughContacts.EMAIL, "not an address");
        fields.put(BoroughContacts.WEBSITE, "javascript:alert(1)");
        fields.put(BoroughContacts.NOTES, "Out of hours, call the police on 101.");
        try {
            versions.append(ContentKind.CONTACT, MERTON, BoroughContacts.LANGUAGE, fields, "system", "Test contact",
                    true, null);
            contacts.evict(MERTON);
            Element contact = borough("merton").selectFirst("#borough-contact");
            assertThat(contact.selectFirst("h3").text()).isEqualTo("Merton safeguarding hub");
            assertThat(contact.select(".govuk-tag, .govuk-warning-text")).isEmpty();
            assertThat(contact.select("a[href=\"tel:+442079460999\"]").text()).isEqualTo("+44 20 7946 0999");
            assertThat(contact.text()).contains("Email: not an address", "Website: javascript:alert(1)",
                    "Out of hours, call the police on 101.");
            assertThat(contact.select("a").eachAttr("href")).containsExactly("tel:+442079460999");
        } finally {
            versions.append(ContentKind.CONTACT, MERTON, BoroughContacts.LANGUAGE, DemoBoroughContacts.fields(merton),
                    "system", "Example contact for the demo", true, null);
            contacts.evict(MERTON);
        }
    }

    @Test
    void thePostcodeNeverReachesTheLogs(CapturedOutput output) {
        assertRedirect("N1 9GU", "/help/islington");
        help("EC1A 1ZZ");
        help("N1 9GU!");
        help("M1 1AE");
        assertThat(output.getAll()).doesNotContain("N1 9GU", "N19GU", "EC1A 1ZZ", "EC1A1ZZ", "M1 1AE", "M11AE");
    }

    @Test
    void telLinksAreMadeFromTheDigits() {
        assertThat(HelpLines.tel("020 7946 0001")).isEqualTo("tel:+442079460001");
        assertThat(HelpLines.tel("+44 (0)20 7946 0001")).isEqualTo("tel:+442079460001");
        assertThat(HelpLines.tel("101")).isEqualTo("tel:101");
        assertThat(HelpLines.tel("none")).isNull();
        assertThat(HelpLines.tel("08 08 16 89 111")).isEqualTo(HelpLines.VICTIM_SUPPORT);
        assertThat(HelpLines.tel("0800 789 321")).isEqualTo(HelpLines.ANTI_TERRORISM_HOTLINE);
        assertThat(HelpLines.tel("0800 011 3764")).isEqualTo(HelpLines.PREVENT_ADVICE_LINE);
        assertThat(HelpLines.tel("0800 456 1226")).isEqualTo(HelpLines.TELL_MAMA);
        assertThat(HelpLines.tel("0800 032 3263")).isEqualTo(HelpLines.CST);
    }

    private void assertRedirect(String postcode, String location) {
        HttpResponse<String> response = http().get("/help?postcode=" + encode(postcode));
        assertThat(response.statusCode()).as(postcode).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).as(postcode)
                .hasValueSatisfying(l -> assertThat(l.replaceFirst("^https?://[^/]+", "")).isEqualTo(location));
    }

    private Document help(String postcode) {
        HttpResponse<String> response = http().get("/help?postcode=" + encode(postcode));
        assertThat(response.statusCode()).as(postcode).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private Document borough(String slug) {
        HttpResponse<String> response = http().get("/help/" + slug);
        assertThat(response.statusCode()).as(slug).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private static List<String> hrefs(Document page) {
        return page.select("main a").eachAttr("href");
    }

    private static Map<String, String> links(Document page) {
        Map<String, String> links = new LinkedHashMap<>();
        page.select("main a").forEach(a -> links.putIfAbsent(a.attr("href"), a.text()));
        return links;
    }

    private Http http() {
        return new Http(port);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
