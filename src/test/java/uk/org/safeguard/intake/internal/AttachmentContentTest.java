package uk.org.safeguard.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.org.safeguard.intake.internal.AttachmentTestFiles.*;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import uk.org.safeguard.intake.internal.AttachmentContent.Cleaned;
import uk.org.safeguard.intake.internal.AttachmentContent.Refused;
import uk.org.safeguard.intake.internal.Attachments.Refusal;

/** Files recognised by their content, pictures cleaned of every kind of metadata, damaged files refused. */
class AttachmentContentTest {

    @Test
    void theTypeComesFromTheContent() throws Exception {
        assertThat(AttachmentContent.recognise(plainJpeg(8, 8))).isEqualTo("image/jpeg");
        assertThat(AttachmentContent.recognise(plainPng(8, 8))).isEqualTo("image/png");
        assertThat(AttachmentContent.recognise(webp(3, 2, Color.GREEN))).isEqualTo("image/webp");
        assertThat(AttachmentContent.recognise(pdf("hello"))).isEqualTo("application/pdf");
        assertThat(AttachmentContent.recognise(windowsProgram())).isNull();
        assertThat(AttachmentContent.recognise("just some text".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(AttachmentContent.recognise("GIF89a......".getBytes(StandardCharsets.US_ASCII))).isNull();
    }

    @Test
    void aJpegLosesItsExifGpsXmpAndCommentAndKeepsItsSize() throws Exception {
        byte[] original = jpegWithMetadata(64, 48, 1);
        assertThat(contains(original, CAMERA)).isTrue();
        assertThat(jpegMarkers(original)).contains(0xE1, 0xFE);

        Cleaned cleaned = AttachmentContent.clean(original);

        assertThat(cleaned.mediaType()).isEqualTo("image/jpeg");
        byte[] stored = cleaned.content();
        assertThat(contains(stored, "Exif")).isFalse();
        assertThat(contains(stored, CAMERA)).isFalse();
        assertThat(contains(stored, XMP_SECRET)).isFalse();
        assertThat(contains(stored, "http://ns.adobe.com/xap")).isFalse();
        assertThat(contains(stored, COMMENT_SECRET)).isFalse();
        assertThat(jpegMarkers(stored)).doesNotContain(0xE1, 0xE2, 0xFE, 0xED);
        BufferedImage image = read(stored);
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(48);
        assertRed(image.getRGB(5, 24));
        assertBlue(image.getRGB(58, 24));
    }

    @Test
    void aPngLosesItsTextAndExifChunks() throws Exception {
        byte[] original = pngWithMetadata(30, 20);
        assertThat(pngChunks(original)).contains("tEXt", "iTXt", "eXIf");

        Cleaned cleaned = AttachmentContent.clean(original);

        assertThat(cleaned.mediaType()).isEqualTo("image/png");
        assertThat(pngChunks(cleaned.content())).doesNotContain("tEXt", "iTXt", "zTXt", "eXIf", "iCCP", "tIME")
                .startsWith("IHDR").endsWith("IEND");
        assertThat(contains(cleaned.content(), CAMERA)).isFalse();
        assertThat(contains(cleaned.content(), COMMENT_SECRET)).isFalse();
        BufferedImage image = read(cleaned.content());
        assertThat(image.getWidth()).isEqualTo(30);
        assertThat(image.getHeight()).isEqualTo(20);
        assertThat(image.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(image.getRGB(27, 2) & 0xFFFFFF).isEqualTo(0x0000FF);
    }

    @Test
    void aWebpIsDecodedAndKeptAsAPngWithoutItsExif() throws Exception {
        byte[] original = webp(5, 3, new Color(10, 200, 30));
        assertThat(contains(original, CAMERA)).isTrue();

        Cleaned cleaned = AttachmentContent.clean(original);

        assertThat(cleaned.mediaType()).isEqualTo("image/png");
        assertThat(contains(cleaned.content(), CAMERA)).isFalse();
        assertThat(pngChunks(cleaned.content())).doesNotContain("eXIf", "tEXt", "iTXt");
        BufferedImage image = read(cleaned.content());
        assertThat(image.getWidth()).isEqualTo(5);
        assertThat(image.getHeight()).isEqualTo(3);
        assertThat(image.getRGB(4, 2) & 0xFFFFFF).isEqualTo(0x0AC81E);
    }

    @Test
    void aPhotoIsTurnedTheWayItsCameraSaidBeforeItsExifGoes() throws Exception {
        // Orientation 6: shown turned 90 degrees clockwise, so the red left half becomes the top half.
        Cleaned cleaned = AttachmentContent.clean(jpegWithMetadata(40, 20, 6));
        BufferedImage image = read(cleaned.content());
        assertThat(image.getWidth()).isEqualTo(20);
        assertThat(image.getHeight()).isEqualTo(40);
        assertRed(image.getRGB(10, 5));
        assertBlue(image.getRGB(10, 35));

        // Orientation 8: turned 90 degrees anticlockwise, so red ends at the bottom.
        BufferedImage other = read(AttachmentContent.clean(jpegWithMetadata(40, 20, 8)).content());
        assertThat(other.getWidth()).isEqualTo(20);
        assertRed(other.getRGB(10, 35));
        assertBlue(other.getRGB(10, 5));
    }

    @Test
    void aPdfIsKeptAsItCame() throws Exception {
        byte[] pdf = pdf("A letter");
        Cleaned cleaned = AttachmentContent.clean(pdf);
        assertThat(cleaned.mediaType()).isEqualTo("application/pdf");
        assertThat(cleaned.content()).isEqualTo(pdf);
    }

    @Test
    void damagedProtectedOrEnormousFilesAreRefusedWithTheirReason() throws Exception {
        byte[] jpeg = plainJpeg(200, 200);
        assertRefused(truncate(jpeg, jpeg.length / 2), Refusal.DAMAGED);
        byte[] png = plainPng(200, 200);
        assertRefused(truncate(png, png.length - 30), Refusal.DAMAGED);
        byte[] webp = webp(4, 4, Color.RED);
        assertRefused(truncate(webp, 30), Refusal.DAMAGED);
        assertRefused("%PDF-1.7\nthis is not really a PDF at all\n".getBytes(StandardCharsets.US_ASCII), Refusal.DAMAGED);
        assertRefused(encryptedPdf("secret"), Refusal.PASSWORD_PROTECTED);
        assertRefused(pngClaiming(10_000, 5_000), Refusal.TOO_MANY_PIXELS);
        assertRefused(windowsProgram(), Refusal.WRONG_TYPE);
        assertRefused("hello, I am text".getBytes(StandardCharsets.UTF_8), Refusal.WRONG_TYPE);
    }

    private static void assertRefused(byte[] file, Refusal reason) {
        assertThatThrownBy(() -> AttachmentContent.clean(file)).isInstanceOf(Refused.class)
                .satisfies(e -> assertThat(((Refused) e).reason()).isEqualTo(reason));
    }

    static void assertRed(int rgb) {
        Color c = new Color(rgb);
        assertThat(c.getRed()).as("red of %06x", rgb & 0xFFFFFF).isGreaterThan(200);
        assertThat(c.getBlue()).as("blue of %06x", rgb & 0xFFFFFF).isLessThan(60);
    }

    static void assertBlue(int rgb) {
        Color c = new Color(rgb);
        assertThat(c.getBlue()).as("blue of %06x", rgb & 0xFFFFFF).isGreaterThan(200);
        assertThat(c.getRed()).as("red of %06x", rgb & 0xFFFFFF).isLessThan(60);
    }
}
