package uk.org.safeguard.intake.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;

/** Files made for the attachment tests: pictures carrying Exif with GPS, XMP and text chunks, PDFs, fakes. */
final class AttachmentTestFiles {

    /** Text hidden in every picture's metadata; must never be found in what is stored. */
    static final String CAMERA = "SecretCam-GPS-Owner";
    static final String XMP_SECRET = "xmp-home-address-51.5007N";
    static final String COMMENT_SECRET = "comment-secret-location";

    private AttachmentTestFiles() {
    }

    /** A picture: left half red, right half blue. */
    static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    static byte[] plainJpeg(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture(width, height), "jpeg", out);
        return out.toByteArray();
    }

    static byte[] plainPng(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture(width, height), "png", out);
        return out.toByteArray();
    }

    /** A JPEG with an Exif APP1 segment (camera, orientation, GPS position), an XMP APP1 segment and a comment. */
    static byte[] jpegWithMetadata(int width, int height, int orientation) throws IOException {
        byte[] plain = plainJpeg(width, height);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2); // SOI
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), exifTiff(orientation));
        segment(out, 0xE1, exif);
        segment(out, 0xE1, ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF>" + XMP_SECRET
                + "</rdf:RDF></x:xmpmeta>").getBytes(StandardCharsets.UTF_8));
        segment(out, 0xFE, COMMENT_SECRET.getBytes(StandardCharsets.UTF_8));
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** A PNG with text chunks (tEXt, iTXt) and an eXIf chunk with GPS, after its header. */
    static byte[] pngWithMetadata(int width, int height) throws IOException {
        byte[] plain = plainPng(width, height);
        int afterHeader = 8 + 8 + 13 + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, afterHeader);
        chunk(out, "tEXt", ("Comment\0" + COMMENT_SECRET).getBytes(StandardCharsets.ISO_8859_1));
        chunk(out, "iTXt", ("XML:com.adobe.xmp\0\0\0\0\0" + XMP_SECRET).getBytes(StandardCharsets.UTF_8));
        chunk(out, "eXIf", exifTiff(1));
        out.write(plain, afterHeader, plain.length - afterHeader);
        return out.toByteArray();
    }

    /** A PNG whose header claims {@code width} x {@code height} pixels, with almost no data behind it. */
    static byte[] pngClaiming(int width, int height) throws IOException {
        byte[] png = plainPng(1, 1);
        ByteBuffer.wrap(png, 16, 8).putInt(width).putInt(height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 4 + 13);
        ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
        return png;
    }

    /**
     * A lossless WebP (VP8L) of one colour, in the extended format (VP8X) with an EXIF chunk carrying GPS.
     * Every prefix code has a single symbol, so the pixels themselves take no bits at all.
     */
    static byte[] webp(int width, int height, Color colour) {
        Bits bits = new Bits();
        bits.write(width - 1, 14).write(height - 1, 14).write(0, 1).write(0, 3); // size, no alpha, version 0
        bits.write(0, 1); // no transform
        bits.write(0, 1); // no colour cache
        bits.write(0, 1); // no meta prefix codes
        for (int symbol : new int[] {colour.getGreen(), colour.getRed(), colour.getBlue(), 255}) {
            bits.write(1, 1).write(0, 1).write(1, 1).write(symbol, 8); // simple code, one 8-bit symbol
        }
        bits.write(1, 1).write(0, 1).write(0, 1).write(0, 1); // distance: simple code, one 1-bit symbol (0)
        byte[] vp8l = concat(new byte[] {0x2f}, bits.bytes());

        byte[] exif = exifTiff(1);
        ByteBuffer vp8x = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        vp8x.put((byte) 0x08).put(new byte[3]); // flags: Exif present
        vp8x.put(u24(width - 1)).put(u24(height - 1));
        byte[] body = concat("WEBP".getBytes(StandardCharsets.US_ASCII), riffChunk("VP8X", vp8x.array()),
                riffChunk("VP8L", vp8l), riffChunk("EXIF", exif));
        ByteBuffer riff = ByteBuffer.allocate(8 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        riff.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(body.length).put(body);
        return riff.array();
    }

    /** A one-page PDF made with OpenPDF. */
    static byte[] pdf(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter.getInstance(document, out);
        document.open();
        document.add(new Paragraph(text));
        document.close();
        return out.toByteArray();
    }

    /** A PDF that needs a password to open. */
    static byte[] encryptedPdf(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setEncryption("user-password".getBytes(StandardCharsets.US_ASCII),
                "owner-password".getBytes(StandardCharsets.US_ASCII), PdfWriter.ALLOW_PRINTING,
                PdfWriter.ENCRYPTION_AES_128);
        document.open();
        document.add(new Paragraph(text));
        document.close();
        return out.toByteArray();
    }

    /** The start of a Windows program, as someone might rename one to a picture's name. */
    static byte[] windowsProgram() {
        byte[] exe = new byte[2048];
        exe[0] = 'M';
        exe[1] = 'Z';
        System.arraycopy("This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII), 0, exe, 78, 39);
        return exe;
    }

    static byte[] truncate(byte[] file, int keep) {
        return Arrays.copyOf(file, keep);
    }

    /** {@code size} bytes that start like a JPEG. */
    static byte[] bigFile(int size) {
        byte[] big = new byte[size];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        return big;
    }

    static BufferedImage read(byte[] image) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(image));
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static boolean contains(byte[] haystack, String needle) {
        return contains(haystack, needle.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The names of a PNG's chunks, in order. */
    static java.util.List<String> pngChunks(byte[] png) {
        java.util.List<String> names = new java.util.ArrayList<>();
        int i = 8;
        while (i + 8 <= png.length) {
            int length = ByteBuffer.wrap(png, i, 4).getInt();
            names.add(new String(png, i + 4, 4, StandardCharsets.US_ASCII));
            i += 12 + length;
        }
        return names;
    }

    /** The markers of a JPEG's segments before its image data (0xE1 for APP1, 0xFE for a comment...). */
    static java.util.List<Integer> jpegMarkers(byte[] jpeg) {
        java.util.List<Integer> markers = new java.util.ArrayList<>();
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            i += 2 + (((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF));
        }
        return markers;
    }

    /** A little-endian TIFF structure: IFD0 with camera make, orientation and a GPS IFD with a position. */
    static byte[] exifTiff(int orientation) {
        ByteBuffer t = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        byte[] make = (CAMERA + "\0").getBytes(StandardCharsets.US_ASCII);
        int ifd0 = 8;
        int ifd0Size = 2 + 3 * 12 + 4;
        int makeAt = ifd0 + ifd0Size;
        int gpsAt = makeAt + make.length + (make.length & 1);
        int gpsSize = 2 + 2 * 12 + 4;
        int latitudeAt = gpsAt + gpsSize;
        t.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd0);
        t.putShort((short) 3);
        t.putShort((short) 0x010F).putShort((short) 2).putInt(make.length).putInt(makeAt); // Make
        t.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        t.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsAt); // GPS IFD
        t.putInt(0);
        t.put(make);
        if ((make.length & 1) == 1) {
            t.put((byte) 0);
        }
        t.putShort((short) 2);
        t.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0}); // GPSLatitudeRef
        t.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(latitudeAt); // GPSLatitude
        t.putInt(0);
        t.putInt(51).putInt(1).putInt(30).putInt(1).putInt(2).putInt(1); // 51° 30' 2"
        return Arrays.copyOf(t.array(), t.position());
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] data) {
        out.write(0xFF);
        out.write(marker);
        int length = data.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(data);
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] riffChunk(String fourCc, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        chunk.put(fourCc.getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
        return chunk.array();
    }

    private static byte[] u24(int value) {
        return new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16)};
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Writes bits least significant first, as VP8L reads them. */
    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int current;
        private int used;

        Bits write(int value, int count) {
            for (int i = 0; i < count; i++) {
                current |= ((value >> i) & 1) << used;
                if (++used == 8) {
                    out.write(current);
                    current = 0;
                    used = 0;
                }
            }
            return this;
        }

        byte[] bytes() {
            if (used > 0) {
                out.write(current);
                current = 0;
                used = 0;
            }
            return out.toByteArray();
        }
    }
}
