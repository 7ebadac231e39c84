package uk.org.safeguard.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.org.safeguard.intake.internal.AttachmentTestFiles.*;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import uk.org.safeguard.intake.internal.Drafts.Draft;
import uk.org.safeguard.support.IntegrationTest;

/** The attachments step over HTTP: multipart uploads, refusals shown on the page, nothing lost. */
@IntegrationTest
class AttachmentsWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Drafts drafts;

    @Autowired
    Attachments attachments;

    @Test
    void withoutADraftTheStepSendsThePersonToTheJourneysStart() {
        UploadClient browser = new UploadClient(port);
        assertThat(UploadClient.location(browser.get("/concern/attachments"))).isEqualTo("/concern");
        assertThat(UploadClient.location(browser.get("/report-hate/attachments"))).isEqualTo("/report-hate");
        assertThat(UploadClient.location(browser.get("/refer/attachments"))).isEqualTo("/refer");
    }

    @Test
    void aFileIsUploadedListedAndRemovedAndContinueGoesToCheckAnswers() throws Exception {
        Draft draft = draftWithAnAnswer(Journey.HATE_REPORT);
        UploadClient browser = browserWith(draft);
        Document page = browser.page("/report-hate/attachments");
        assertThat(page.selectFirst("a.govuk-back-link").attr("href")).isEqualTo("/report-hate/description");
        assertThat(page.select("input.govuk-file-upload[type=file][name=file]")).hasSize(1);
        assertThat(page.text()).contains("we remove the hidden information").doesNotContain("Files you have added");
        assertThat(browser.uploadAction()).isEqualTo("/report-hate/attachments");

        HttpResponse<String> uploaded = browser.upload("<img src=x onerror=alert(1)> صورة.png", "application/octet-stream",
                pngWithMetadata(20, 10), "upload");
        assertThat(uploaded.statusCode()).isEqualTo(302);
        assertThat(UploadClient.location(uploaded)).isEqualTo("/report-hate/attachments");
        HttpResponse<String> listed = browser.get("/report-hate/attachments");
        assertThat(listed.body()).contains("&lt;img src=x onerror=alert(1)&gt; صورة.png").doesNotContain("<img src=x");
        Document withFile = Jsoup.parse(listed.body());
        assertThat(withFile.text()).contains("Files you have added", "Picture (PNG)");
        String id = withFile.selectFirst("form[action=/report-hate/attachments/remove] button[name=id]").attr("value");

        HttpResponse<String> removed = browser.post("/report-hate/attachments/remove", "id", id);
        assertThat(UploadClient.location(removed)).isEqualTo("/report-hate/attachments");
        assertThat(attachments.ofDraft(draft.id())).isEmpty();

        browser.get("/report-hate/attachments");
        HttpResponse<String> continued = browser.upload("", "application/octet-stream", new byte[0], "continue");
        assertThat(UploadClient.location(continued)).isEqualTo("/report-hate/check-answers");
        browser.get("/report-hate/attachments");
        HttpResponse<String> uploadAndContinue = browser.upload("letter.pdf", "application/pdf", pdf("x"), "continue");
        assertThat(UploadClient.location(uploadAndContinue)).isEqualTo("/report-hate/check-answers");
        assertThat(attachments.ofDraft(draft.id())).hasSize(1);
    }

    @Test
    void aRefusedFileIsNamedOnThePageAndTheAnswersAndOtherFilesStay() throws Exception {
        Draft draft = draftWithAnAnswer(Journey.CONCERN);
        UploadClient browser = browserWith(draft);
        browser.get("/concern/attachments");
        assertThat(browser.upload("first.jpg", "image/jpeg", plainJpeg(16, 16), "upload").statusCode()).isEqualTo(302);
        browser.get("/concern/attachments");

        HttpResponse<String> refused = browser.upload("holiday.jpg", "image/jpeg",
                "not a picture at all".getBytes(StandardCharsets.UTF_8), "continue");

        assertThat(refused.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.title()).startsWith("Error:");
        assertThat(page.select(".govuk-error-summary a[href=#file]").text())
                .isEqualTo("The selected file must be a JPG, PNG, WebP or PDF");
        assertThat(page.select("#file-error").text()).contains("The selected file must be a JPG, PNG, WebP or PDF");
        assertThat(page.select("#file").attr("aria-describedby")).isEqualTo("file-hint file-error");
        assertThat(page.text()).contains("first.jpg");
        assertThat(attachments.ofDraft(draft.id())).hasSize(1);
        Draft again = drafts.find(withCookie(draft), Journey.CONCERN).orElseThrow();
        assertThat(again.answers().get("noticed-other")).isEqualTo("سلام 👩🏽‍💻 Zoe\u0301");

        HttpResponse<String> nothing = browser.upload("", "application/octet-stream", new byte[0], "upload");
        assertThat(Jsoup.parse(nothing.body()).select(".govuk-error-summary").text()).contains("Select a file to upload");
        HttpResponse<String> empty = browser.upload("empty.png", "image/png", new byte[0], "upload");
        assertThat(Jsoup.parse(empty.body()).select(".govuk-error-summary").text()).contains("The selected file is empty");
    }

    @Test
    void aTooLargeUploadComesBackToThePageWithTheLimitEvenWhenTheServerWouldNotReadIt() {
        Draft draft = draftWithAnAnswer(Journey.REFERRAL);
        UploadClient browser = browserWith(draft);
        browser.get("/refer/attachments");
        // Over 10 MB but within what the server reads: refused by the rules.
        HttpResponse<String> overLimit = browser.upload("big.jpg", "image/jpeg", bigFile(10 * 1024 * 1024 + 500_000), "upload");
        assertThat(overLimit.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(overLimit.body()).select(".govuk-error-summary").text())
                .contains("The selected file must be smaller than 10 MB");

        // Over what the server reads at all (11 MB for the file): the same message, the page, not an error page.
        HttpResponse<String> enormous = browser.upload("huge.jpg", "image/jpeg", bigFile(11 * 1024 * 1024 + 1), "upload");
        assertThat(enormous.statusCode()).isEqualTo(302);
        assertThat(UploadClient.location(enormous)).isEqualTo("/refer/attachments?refused=too-large");
        Document page = browser.page(UploadClient.location(enormous));
        assertThat(page.title()).startsWith("Error:");
        assertThat(page.select(".govuk-error-summary").text()).contains("The selected file must be smaller than 10 MB");
        HttpResponse<String> wholeRequest = browser.upload("huge.jpg", "image/jpeg", bigFile(13 * 1024 * 1024), "upload");
        assertThat(UploadClient.location(wholeRequest)).isEqualTo("/refer/attachments?refused=too-large");
        Draft again = drafts.find(withCookie(draft), Journey.REFERRAL).orElseThrow();
        assertThat(again.answers().get("noticed-other")).isEqualTo("سلام 👩🏽‍💻 Zoe\u0301");
    }

    @Test
    void anUploadWithoutTheFormsTokenIsRefused() {
        Draft draft = draftWithAnAnswer(Journey.CONCERN);
        UploadClient browser = browserWith(draft);
        HttpResponse<String> forged = browser.post("/concern/attachments/remove", "id", java.util.UUID.randomUUID().toString());
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    private Draft draftWithAnAnswer(Journey journey) {
        Draft draft = drafts.findOrStart(new MockHttpServletRequest(), new MockHttpServletResponse(), journey);
        draft.answers().put("noticed-other", "سلام 👩🏽‍💻 Zoe\u0301");
        drafts.save(draft);
        return draft;
    }

    private UploadClient browserWith(Draft draft) {
        UploadClient browser = new UploadClient(port);
        browser.setCookie(draft.journey().cookie(), draft.id().toString());
        return browser;
    }

    private static MockHttpServletRequest withCookie(Draft draft) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setCookies(new jakarta.servlet.http.Cookie(draft.journey().cookie(), draft.id().toString()));
        return request;
    }
}
