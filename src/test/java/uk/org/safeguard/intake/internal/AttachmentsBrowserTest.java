package uk.org.safeguard.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import uk.org.safeguard.intake.internal.Drafts.Draft;
import uk.org.safeguard.support.BrowserTest;

/** The concern journey's attachments step in a real browser, with axe on every state of the page. */
class AttachmentsBrowserTest extends BrowserTest {

    @Autowired
    Drafts drafts;

    @Autowired
    Attachments attachments;

    @Test
    void aPictureIsUploadedOnTheConcernJourneyAndARefusedFileIsNamed() throws Exception {
        Draft draft = drafts.findOrStart(new MockHttpServletRequest(), new MockHttpServletResponse(), Journey.CONCERN);
        draft.answers().put("noticed-other", "Something I saw");
        drafts.save(draft);
        Path dir = Files.createTempDirectory("safeguard-upload");
        Path photo = Files.write(dir.resolve("photo.jpg"), AttachmentTestFiles.jpegWithMetadata(80, 60, 1));
        Path fake = Files.write(dir.resolve("notes.png"), "not a picture".getBytes(StandardCharsets.UTF_8));

        // The journey's earlier pages would have set the draft's cookie; set it as they would.
        WebDriver driver = visit("/");
        driver.manage().addCookie(new Cookie(Journey.CONCERN.cookie(), draft.id().toString(), "/"));

        visit("/concern/attachments");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Add pictures or documents (optional)");
        driver.findElement(By.id("file")).sendKeys(photo.toString());
        clickToLoad(driver, By.cssSelector("button[value=upload]"));

        assertThat(driver.getCurrentUrl()).endsWith("/concern/attachments");
        assertAccessible(driver);
        assertNoBrowserErrors(driver, "/concern/attachments");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Files you have added", "photo.jpg",
                "Picture (JPG)");
        assertThat(attachments.ofDraft(draft.id())).hasSize(1);

        driver.findElement(By.id("file")).sendKeys(fake.toString());
        clickToLoad(driver, By.cssSelector("button[value=upload]"));
        assertThat(driver.getTitle()).startsWith("Error:");
        assertThat(driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("The selected file must be a JPG, PNG, WebP or PDF");
        assertAccessible(driver);
        screenshot(driver, "intake-attachments-refused");

        clickToLoad(driver, By.cssSelector("button[value=continue]"));
        // Continue goes to check answers, which sends a draft with no answers yet to the journey's first question.
        assertThat(driver.getCurrentUrl()).endsWith("/concern/about");
        assertThat(attachments.ofDraft(draft.id())).hasSize(1);
    }
}
