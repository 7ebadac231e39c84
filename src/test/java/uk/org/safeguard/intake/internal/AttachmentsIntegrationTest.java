package uk.org.safeguard.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.org.safeguard.intake.internal.AttachmentTestFiles.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import uk.org.safeguard.intake.SubmissionKind;
import uk.org.safeguard.intake.internal.Attachments.AttachmentInfo;
import uk.org.safeguard.intake.internal.Attachments.Refusal;
import uk.org.safeguard.intake.internal.Attachments.StoredFile;
import uk.org.safeguard.intake.internal.Attachments.Upload;
import uk.org.safeguard.intake.internal.Drafts.Draft;
import uk.org.safeguard.support.IntegrationTest;

/** Files attached to a draft: recognised by content, cleaned, encrypted, limited, and handed to the submission. */
@IntegrationTest
class AttachmentsIntegrationTest {

    @Autowired
    Attachments attachments;

    @Autowired
    Drafts drafts;

    @Autowired
    Submissions submissions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    @Test
    void filesAreRecognisedByTheirContentWhateverTheirNameSays() throws Exception {
        UUID draft = newDraft();
        Upload pdfCalledJpg = attachments.attach(draft, "photo.jpg", pdf("a letter"));
        assertThat(pdfCalledJpg.accepted()).isTrue();
        assertThat(pdfCalledJpg.attached().mediaType()).isEqualTo("application/pdf");
        Upload pngCalledPdf = attachments.attach(draft, "letter.pdf", plainPng(10, 10));
        assertThat(pngCalledPdf.attached().mediaType()).isEqualTo("image/png");
        Upload webp = attachments.attach(draft, "screenshot.webp", webp(2, 2, java.awt.Color.BLUE));
        assertThat(webp.attached().mediaType()).isEqualTo("image/png");

        assertThat(attachments.attach(draft, "holiday.jpg", windowsProgram()).refusal()).isEqualTo(Refusal.WRONG_TYPE);
        assertThat(attachments.attach(draft, "notes.jpg", "plain text, really".getBytes(StandardCharsets.UTF_8))
                .refusal()).isEqualTo(Refusal.WRONG_TYPE);
        assertThat(attachments.ofDraft(draft)).extracting(AttachmentInfo::name)
                .containsExactly("photo.jpg", "letter.pdf", "screenshot.webp");
    }

    @Test
    void nameAndContentAreEncryptedAtRestAndPicturesStoredWithoutMetadata() throws Exception {
        UUID draft = newDraft();
        byte[] photo = jpegWithMetadata(120, 80, 1);
        String name = "مدرسة 👩🏽‍💻 Zoe\u0301.jpg";
        AttachmentInfo info = attachments.attach(draft, "C:\\Users\\someone\\" + name, photo).attached();
        byte[] letter = pdf("Private letter about the family next door");
        AttachmentInfo pdfInfo = attachments.attach(draft, "letter.pdf", letter).attached();

        byte[] storedContent = jdbc.sql("SELECT content FROM intake_attachment WHERE id = :id").param("id", info.id())
                .query(byte[].class).single();
        byte[] storedName = jdbc.sql("SELECT name FROM intake_attachment WHERE id = :id").param("id", info.id())
                .query(byte[].class).single();
        byte[] storedPdf = jdbc.sql("SELECT content FROM intake_attachment WHERE id = :id").param("id", pdfInfo.id())
                .query(byte[].class).single();
        assertThat(info.name()).isEqualTo(name);
        assertThat(contains(storedName, "Zoe".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(contains(storedName, ".jpg")).isFalse();
        assertThat(contains(storedContent, "JFIF")).isFalse();
        assertThat(contains(storedPdf, "%PDF")).isFalse();
        assertThat(contains(storedPdf, java.util.Arrays.copyOfRange(letter, 200, 264))).isFalse();

        // Once submitted, staff read them back decrypted: the picture cleaned, the PDF exactly as it came.
        Receipt receipt = submissions.submitDraft(newSubmission(), draft);
        StoredFile picture = attachments.read(receipt.id(), info.id());
        assertThat(picture.name()).isEqualTo(name);
        assertThat(contains(storedContent, java.util.Arrays.copyOfRange(picture.content(), 300, 364))).isFalse();
        assertThat(contains(picture.content(), "Exif")).isFalse();
        assertThat(contains(picture.content(), CAMERA)).isFalse();
        assertThat(read(picture.content()).getWidth()).isEqualTo(120);
        assertThat(picture.content()).hasSize(info.sizeBytes());
        assertThat(attachments.read(receipt.id(), pdfInfo.id()).content()).isEqualTo(letter);
    }

    @Test
    void submittingTheDraftHandsItsFilesToTheSubmission() throws Exception {
        UUID draft = newDraft();
        AttachmentInfo first = attachments.attach(draft, "one.png", plainPng(4, 4)).attached();
        AttachmentInfo second = attachments.attach(draft, "two.pdf", pdf("two")).attached();
        UUID otherDraft = newDraft();
        attachments.attach(otherDraft, "other.png", plainPng(4, 4));

        Receipt receipt = submissions.submitDraft(newSubmission(), draft);

        assertThat(attachments.ofSubmission(receipt.id())).extracting(AttachmentInfo::id)
                .containsExactly(first.id(), second.id());
        assertThat(attachments.ofDraft(draft)).isEmpty();
        assertThat(attachments.ofDraft(otherDraft)).hasSize(1);
        assertThat(attachments.read(receipt.id(), second.id()).downloadName()).isEqualTo("two.pdf");
        assertThatThrownBy(() -> attachments.read(UUID.randomUUID(), second.id()))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aDraftTakesAtMostFiveFiles() throws Exception {
        UUID draft = newDraft();
        for (int i = 1; i <= 5; i++) {
            assertThat(attachments.attach(draft, "file" + i + ".png", plainPng(4, 4)).accepted()).isTrue();
        }
        Upload sixth = attachments.attach(draft, "six.png", plainPng(4, 4));
        assertThat(sixth.refusal()).isEqualTo(Refusal.TOO_MANY_FILES);
        assertThat(attachments.count(draft)).isEqualTo(5);

        assertThat(attachments.remove(draft, attachments.ofDraft(draft).get(0).id())).isTrue();
        assertThat(attachments.attach(draft, "six.png", plainPng(4, 4)).accepted()).isTrue();
        assertThat(attachments.ofDraft(draft)).extracting(AttachmentInfo::name)
                .containsExactly("file2.png", "file3.png", "file4.png", "file5.png", "six.png");
        // Another draft's file cannot be removed through this one.
        UUID other = newDraft();
        AttachmentInfo theirs = attachments.attach(other, "theirs.png", plainPng(4, 4)).attached();
        assertThat(attachments.remove(draft, theirs.id())).isFalse();
        assertThat(attachments.ofDraft(other)).hasSize(1);
    }

    @Test
    void eachRefusalHasItsOwnMessageNamingTheLimit() throws Exception {
        UUID draft = newDraft();
        assertThat(attachments.attach(draft, "empty.jpg", new byte[0]).refusal()).isEqualTo(Refusal.EMPTY);
        byte[] eleven = bigFile(11 * 1024 * 1024);
        assertThat(attachments.attach(draft, "big.jpg", eleven).refusal()).isEqualTo(Refusal.TOO_LARGE);
        assertThat(attachments.attach(draft, "big.jpg", -1, new ByteArrayInputStream(eleven)).refusal())
                .isEqualTo(Refusal.TOO_LARGE);
        assertThat(attachments.attach(draft, "big.jpg", eleven.length, new ByteArrayInputStream(new byte[0])).refusal())
                .as("the declared size is enough").isEqualTo(Refusal.TOO_LARGE);
        byte[] jpeg = plainJpeg(300, 300);
        assertThat(attachments.attach(draft, "cut.jpg", truncate(jpeg, jpeg.length / 2)).refusal()).isEqualTo(Refusal.DAMAGED);
        assertThat(attachments.attach(draft, "locked.pdf", encryptedPdf("x")).refusal())
                .isEqualTo(Refusal.PASSWORD_PROTECTED);
        assertThat(attachments.attach(draft, "huge.png", pngClaiming(8000, 6000)).refusal())
                .isEqualTo(Refusal.TOO_MANY_PIXELS);
        assertThat(attachments.count(draft)).isZero();

        Map<Refusal, String> expected = Map.of(
                Refusal.NO_FILE, "Select a file to upload",
                Refusal.EMPTY, "The selected file is empty",
                Refusal.TOO_LARGE, "The selected file must be smaller than 10 MB",
                Refusal.WRONG_TYPE, "The selected file must be a JPG, PNG, WebP or PDF",
                Refusal.DAMAGED, "The selected file is damaged and cannot be opened – choose another file",
                Refusal.PASSWORD_PROTECTED, "The selected PDF is protected with a password – remove the password, then upload it again",
                Refusal.TOO_MANY_PIXELS, "The selected picture is too big – it must have fewer than 40 million pixels",
                Refusal.TOO_MANY_FILES, "You can add up to 5 files – remove a file before adding another",
                Refusal.TOO_LARGE_CLEANED, "The selected picture is too big to store – choose a smaller picture");
        assertThat(expected).hasSize(Refusal.values().length);
        expected.forEach((refusal, text) -> assertThat(
                messages.getMessage(refusal.messageKey(), refusal.messageArguments(), Locale.ENGLISH)).isEqualTo(text));
    }

    @Test
    void fileNamesLoseTheirFoldersAndInvisibleControlsButNothingElse() {
        assertThat(Attachments.sanitiseName("C:\\Users\\amy\\Pictures\\photo.jpg")).isEqualTo("photo.jpg");
        assertThat(Attachments.sanitiseName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Attachments.sanitiseName("evil\u202Egpj.exe")).isEqualTo("evilgpj.exe");
        assertThat(Attachments.sanitiseName("line\nbreak\u0000.png")).isEqualTo("linebreak.png");
        assertThat(Attachments.sanitiseName("صورة 👩🏽‍💻 Zoe\u0301.png")).isEqualTo("صورة 👩🏽‍💻 Zoe\u0301.png");
        assertThat(Attachments.sanitiseName("folder/")).isEqualTo("file");
        assertThat(Attachments.sanitiseName(".hidden")).isEqualTo("hidden");
        assertThat(Attachments.sanitiseName("x".repeat(300) + ".pdf")).hasSize(150).endsWith(".pdf");
    }

    private UUID newDraft() {
        Draft draft = drafts.findOrStart(new MockHttpServletRequest(), new MockHttpServletResponse(), Journey.CONCERN);
        return draft.id();
    }

    static NewSubmission newSubmission() {
        return new NewSubmission(SubmissionKind.CONCERN, Channel.PUBLIC, null, false, true, "en",
                Map.of("noticed", List.of("test")), null, false, true);
    }
}
