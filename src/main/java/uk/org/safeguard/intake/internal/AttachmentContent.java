package uk.org.safeguard.intake.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.concurrent.Semaphore;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.lowagie.text.exceptions.BadPasswordException;
import com.lowagie.text.pdf.PdfReader;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;

/**
 * Recognises an uploaded file by its content alone (its first bytes, then a full decode or parse) and
 * makes it safe to keep: pictures are decoded, turned the way their camera said, and encoded again from
 * the pixels only, so nothing else they carried (Exif with the place a photo was taken, XMP, colour
 * profiles and their comments, PNG text chunks) survives; a PDF is kept as it came once it opens without a
 * password. A picture's size in pixels is read from its header before anything is decoded, so a small file
 * that would unpack into an enormous picture is refused without filling the memory.
 */
final class AttachmentContent {

    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    static final String WEBP = "image/webp";
    static final String PDF = "application/pdf";

    /** Pictures bigger than this many pixels are refused before decoding. */
    static final long MAX_PIXELS = 40_000_000L;

    /** At most this many pictures are decoded at once, which bounds the memory they take. */
    private static final Semaphore DECODING = new Semaphore(2, true);

    private static final WebPImageReaderSpi WEBP_READERS = new WebPImageReaderSpi();

    private AttachmentContent() {
    }

    /** A file as it will be kept. */
    record Cleaned(String mediaType, byte[] content) {
    }

    /** The file was refused, for the reason given. */
    static final class Refused extends Exception {

        private final Attachments.Refusal reason;

        Refused(Attachments.Refusal reason) {
            super(reason.name(), null, false, false);
            this.reason = reason;
        }

        Attachments.Refusal reason() {
            return reason;
        }
    }

    /** The media type the first bytes announce, or null when they are not a JPEG, PNG, WebP or PDF. */
    static String recognise(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        if (startsWith(b, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return PNG;
        }
        if (b.length >= 16 && startsWith(b, 0, ascii("RIFF")) && startsWith(b, 8, ascii("WEBP"))) {
            return WEBP;
        }
        if (startsWith(b, 0, ascii("%PDF-"))) {
            return PDF;
        }
        return null;
    }

    /**
     * Checks and cleans a file: a JPEG comes back as a new JPEG, a PNG or WebP as a new PNG, a PDF as it was.
     *
     * @throws Refused when it is of another type, damaged, protected with a password or too large in pixels
     */
    static Cleaned clean(byte[] content) throws Refused {
        String type = recognise(content);
        if (type == null) {
            throw new Refused(Attachments.Refusal.WRONG_TYPE);
        }
        if (PDF.equals(type)) {
            checkPdf(content);
            return new Cleaned(PDF, content);
        }
        try {
            DECODING.acquire();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new Refused(Attachments.Refusal.DAMAGED);
        }
        try {
            BufferedImage pixels = decode(content, type);
            int orientation = orientation(content, type);
            boolean alpha = pixels.getColorModel().hasAlpha() && !JPEG.equals(type);
            BufferedImage upright = redraw(pixels, orientation, alpha);
            pixels.flush();
            return JPEG.equals(type) ? new Cleaned(JPEG, encode(upright, "jpeg")) : new Cleaned(PNG, encode(upright, "png"));
        } finally {
            DECODING.release();
        }
    }

    private static void checkPdf(byte[] content) throws Refused {
        try (PdfReader reader = new PdfReader(content)) {
            if (reader.isEncrypted()) {
                throw new Refused(Attachments.Refusal.PASSWORD_PROTECTED);
            }
            if (reader.getNumberOfPages() < 1) {
                throw new Refused(Attachments.Refusal.DAMAGED);
            }
        } catch (BadPasswordException locked) {
            throw new Refused(Attachments.Refusal.PASSWORD_PROTECTED);
        } catch (IOException | RuntimeException | StackOverflowError damaged) {
            throw new Refused(Attachments.Refusal.DAMAGED);
        }
    }

    private static BufferedImage decode(byte[] content, String type) throws Refused {
        ImageReader reader = null;
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(content))) {
            reader = reader(type);
            reader.setInput(in, true, true);
            long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
            if (pixels > MAX_PIXELS) {
                throw new Refused(Attachments.Refusal.TOO_MANY_PIXELS);
            }
            if (pixels < 1) {
                throw new Refused(Attachments.Refusal.DAMAGED);
            }
            boolean[] truncated = {false};
            reader.addIIOReadWarningListener((source, warning) -> {
                String w = warning == null ? "" : warning.toLowerCase(java.util.Locale.ROOT);
                if (w.contains("premature end") || w.contains("truncated") || w.contains("corrupt")) {
                    truncated[0] = true;
                }
            });
            BufferedImage image = reader.read(0);
            if (truncated[0] || image == null) {
                throw new Refused(Attachments.Refusal.DAMAGED);
            }
            return image;
        } catch (Refused refused) {
            throw refused;
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError damaged) {
            throw new Refused(Attachments.Refusal.DAMAGED);
        } finally {
            if (reader != null) {
                reader.dispose();
            }
        }
    }

    private static ImageReader reader(String type) throws IOException {
        if (WEBP.equals(type)) {
            return WEBP_READERS.createReaderInstance(null);
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
        if (!readers.hasNext()) {
            throw new IOException("No reader for " + type);
        }
        return readers.next();
    }

    /** Draws the picture afresh, turned upright, into a plain sRGB image without anything but its pixels. */
    private static BufferedImage redraw(BufferedImage source, int orientation, boolean alpha) {
        int w = source.getWidth();
        int h = source.getHeight();
        boolean swap = orientation >= 5 && orientation <= 8;
        BufferedImage target = new BufferedImage(swap ? h : w, swap ? w : h,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        // x' = m00 x + m01 y + m02, y' = m10 x + m11 y + m12, for each Exif orientation
        AffineTransform turn = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> new AffineTransform();
        };
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            if (!alpha) {
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, target.getWidth(), target.getHeight());
            }
            g.drawImage(source, turn, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static byte[] encode(BufferedImage image, String format) throws Refused {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if ("jpeg".equals(format)) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.9f);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException | RuntimeException failed) {
            throw new Refused(Attachments.Refusal.DAMAGED);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The Exif orientation (1 to 8) the picture declares, 1 when it declares none. */
    static int orientation(byte[] b, String type) {
        try {
            return switch (type) {
                case JPEG -> jpegOrientation(b);
                case PNG -> pngOrientation(b);
                case WEBP -> webpOrientation(b);
                default -> 1;
            };
        } catch (RuntimeException unreadable) {
            return 1;
        }
    }

    private static int jpegOrientation(byte[] b) {
        int i = 2;
        while (i + 4 <= b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                return 1;
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                i += 2;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return 1;
            }
            int length = u16be(b, i + 2);
            if (marker == 0xE1 && length >= 16 && startsWith(b, i + 4, "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1))) {
                return tiffOrientation(b, i + 10, Math.min(b.length, i + 2 + length));
            }
            i += 2 + length;
        }
        return 1;
    }

    private static int pngOrientation(byte[] b) {
        int i = 8;
        while (i + 8 <= b.length) {
            long length = u32be(b, i);
            if (length < 0 || i + 12 + length > b.length) {
                return 1;
            }
            if (startsWith(b, i + 4, ascii("eXIf"))) {
                return tiffOrientation(b, i + 8, i + 8 + (int) length);
            }
            if (startsWith(b, i + 4, ascii("IEND"))) {
                return 1;
            }
            i += 12 + (int) length;
        }
        return 1;
    }

    private static int webpOrientation(byte[] b) {
        int i = 12;
        while (i + 8 <= b.length) {
            long size = u32le(b, i + 4);
            if (size < 0 || i + 8 + size > b.length) {
                return 1;
            }
            if (startsWith(b, i, ascii("EXIF"))) {
                int start = i + 8;
                if (startsWith(b, start, "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1))) {
                    start += 6;
                }
                return tiffOrientation(b, start, i + 8 + (int) size);
            }
            i += 8 + (int) size + (int) (size & 1);
        }
        return 1;
    }

    /** Tag 0x0112 of the first IFD of the TIFF structure between {@code start} and {@code end}. */
    private static int tiffOrientation(byte[] b, int start, int end) {
        if (end - start < 8) {
            return 1;
        }
        boolean little = b[start] == 'I' && b[start + 1] == 'I';
        if (!little && !(b[start] == 'M' && b[start + 1] == 'M')) {
            return 1;
        }
        long ifd = little ? u32le(b, start + 4) : u32be(b, start + 4);
        int at = start + (int) ifd;
        if (ifd < 8 || at + 2 > end) {
            return 1;
        }
        int count = little ? u16le(b, at) : u16be(b, at);
        for (int n = 0; n < count; n++) {
            int entry = at + 2 + n * 12;
            if (entry + 12 > end) {
                return 1;
            }
            int tag = little ? u16le(b, entry) : u16be(b, entry);
            if (tag == 0x0112) {
                int value = little ? u16le(b, entry + 8) : u16be(b, entry + 8);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static boolean startsWith(byte[] b, int offset, byte[] prefix) {
        if (offset < 0 || offset + prefix.length > b.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static int u16be(byte[] b, int i) {
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }

    private static int u16le(byte[] b, int i) {
        return (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8);
    }

    private static long u32be(byte[] b, int i) {
        return ((long) (b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
    }

    private static long u32le(byte[] b, int i) {
        return (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8) | ((b[i + 2] & 0xFF) << 16) | ((long) (b[i + 3] & 0xFF) << 24);
    }
}
