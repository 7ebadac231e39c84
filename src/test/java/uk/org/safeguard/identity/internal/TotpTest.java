package uk.org.safeguard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class TotpTest {

    private final Totp totp = new Totp();
    private final String secret = totp.newSecret();
    private final Instant now = Instant.parse("2026-11-28T12:00:10Z");

    @Test
    void matchesTheRfc6238TestVector() {
        // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082 (8 digits); our 6 digits are its last six.
        String rfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // base32 of "12345678901234567890"
        assertThat(totp.codeAt(rfcSecret, Instant.ofEpochSecond(59))).isEqualTo("287082");
    }

    @Test
    void acceptsOneStepOfDriftEitherSideAndNoMore() {
        long step = Totp.stepAt(now);
        assertThat(totp.verify(secret, totp.codeAt(secret, now), now, 0)).hasValue(step);
        assertThat(totp.verify(secret, totp.codeAt(secret, now.minusSeconds(30)), now, 0)).hasValue(step - 1);
        assertThat(totp.verify(secret, totp.codeAt(secret, now.plusSeconds(30)), now, 0)).hasValue(step + 1);
        assertThat(totp.verify(secret, totp.codeAt(secret, now.minusSeconds(60)), now, 0)).isEmpty();
        assertThat(totp.verify(secret, totp.codeAt(secret, now.plusSeconds(60)), now, 0)).isEmpty();
    }

    @Test
    void aCodeIsNotAcceptedAgainOnceItsStepWasUsed() {
        long step = Totp.stepAt(now);
        String code = totp.codeAt(secret, now);
        assertThat(totp.verify(secret, code, now, step)).isEmpty();
        assertThat(totp.verify(secret, totp.codeAt(secret, now.minusSeconds(30)), now, step)).isEmpty();
    }

    @Test
    void toleratesSpacesAndRefusesNonsense() {
        String code = totp.codeAt(secret, now);
        assertThat(totp.verify(secret, code.substring(0, 3) + " " + code.substring(3), now, 0)).isPresent();
        assertThat(totp.verify(secret, "abcdef", now, 0)).isEmpty();
        assertThat(totp.verify(secret, null, now, 0)).isEmpty();
        assertThat(totp.verify(secret, "1234567", now, 0)).isEmpty();
    }

    @Test
    void theOtpauthUriAndQrCodeCarryTheSecret() {
        assertThat(totp.otpauthUri(secret, "someone@example.org")).startsWith("otpauth://totp/")
                .contains("secret=" + secret, "issuer=Safeguard", "digits=6", "period=30");
        assertThat(totp.qrCodeDataUri(secret, "someone@example.org")).startsWith("data:image/png;base64,iVBOR");
        assertThat(secret).matches("[A-Z2-7]{32}");
    }
}
