package uk.org.safeguard.identity.internal;

import java.time.Instant;
import java.util.OptionalLong;

import org.springframework.stereotype.Component;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;

/**
 * RFC 6238 time-based codes: SHA-1, 6 digits, 30-second steps, as every authenticator app supports. A
 * code is accepted one step either side of now (clock drift), and only for a step later than the last
 * one used, so an overheard code cannot be replayed.
 */
@Component
class Totp {

    static final int PERIOD_SECONDS = 30;
    static final int DIGITS = 6;
    static final int ALLOWED_DRIFT_STEPS = 1;
    static final String ISSUER = "Safeguard";

    private final DefaultCodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);
    private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(32);

    /** A new random secret: 32 base32 characters, 160 bits. */
    String newSecret() {
        return secrets.generate();
    }

    static long stepAt(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), PERIOD_SECONDS);
    }

    /** The code for {@code secret} at {@code time}. */
    String codeAt(String secret, Instant time) {
        try {
            return generator.generate(secret, stepAt(time));
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The step {@code code} belongs to, if it is valid at {@code now} within the drift window and later than
     * {@code lastUsedStep}.
     */
    OptionalLong verify(String secret, String code, Instant now, long lastUsedStep) {
        String digits = code == null ? "" : code.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = stepAt(now);
        for (long step = current - ALLOWED_DRIFT_STEPS; step <= current + ALLOWED_DRIFT_STEPS; step++) {
            if (step <= lastUsedStep) {
                continue;
            }
            try {
                if (constantTimeEquals(generator.generate(secret, step), digits)) {
                    return OptionalLong.of(step);
                }
            } catch (CodeGenerationException e) {
                throw new IllegalStateException(e);
            }
        }
        return OptionalLong.empty();
    }

    /** {@code otpauth://totp/Safeguard:<label>?secret=...&issuer=Safeguard&algorithm=SHA1&digits=6&period=30}. */
    String otpauthUri(String secret, String label) {
        return qrData(secret, label).getUri();
    }

    /** The otpauth URI as a QR code, a PNG {@code data:} URI (the CSP allows {@code img-src data:}). */
    String qrCodeDataUri(String secret, String label) {
        try {
            ZxingPngQrGenerator png = new ZxingPngQrGenerator();
            png.setImageSize(240);
            return Utils.getDataUriForImage(png.generate(qrData(secret, label)), png.getImageMimeType());
        } catch (QrGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static QrData qrData(String secret, String label) {
        return new QrData.Builder().label(label).secret(secret).issuer(ISSUER).algorithm(HashingAlgorithm.SHA1)
                .digits(DIGITS).period(PERIOD_SECONDS).build();
    }

    private static boolean constantTimeEquals(String a, String b) {
        return java.security.MessageDigest.isEqual(a.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                b.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
