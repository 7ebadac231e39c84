package uk.org.safeguard.guidance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;

/**
 * Signs in identity's demo accounts (loaded in every test context) with their published password and TOTP
 * secret: identity's own test helpers, which make fresh accounts, are package-private there. A TOTP code
 * is accepted once per 30-second step and account, and another test may just have used the current step
 * for the same demo account, so signing in tries the codes of the previous, current and next steps, and
 * waits for a later step if all three are used.
 */
final class DemoSignIn {

    static final String PASSWORD = "safeguard-demo-password";
    static final String TOTP_SECRET = "SAFEGUARDDEMOSECRETTOTPXYZ234567";
    static final String PROGRAMME = "programme@example.org";
    static final String ADMIN = "admin@example.org";
    static final String PRACTITIONER = "practitioner.tower-hamlets@example.org";

    private static final DefaultCodeGenerator CODES = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

    private DemoSignIn() {
    }

    static String codeAt(Instant time) {
        try {
            return CODES.generate(TOTP_SECRET, Math.floorDiv(time.getEpochSecond(), 30));
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs {@code email} in on {@code client} with both factors; {@code now} is identity's clock. */
    static void signIn(StaffClient client, String email, Supplier<Instant> now) {
        client.get("/sign-in");
        HttpResponse<String> password = client.post("/sign-in", "email", email, "password", PASSWORD);
        assertThat(StaffClient.location(password)).as(password.body()).isEqualTo("/sign-in/two-factor");
        client.get("/sign-in/two-factor");
        boolean signedIn = withCodes(now, code -> {
            HttpResponse<String> response = client.post("/sign-in/two-factor", "code", code);
            return "/staff".equals(StaffClient.location(response));
        });
        if (!signedIn) {
            fail("The demo account " + email + " could not sign in with any current TOTP code");
        }
    }

    /**
     * Offers the codes of the previous, current and next steps to {@code accepted} until it takes one; if
     * none is taken, waits for the next step and offers its successor's code. At most four refusals, one
     * fewer than identity locks an account after.
     */
    static boolean withCodes(Supplier<Instant> now, Function<String, Boolean> accepted) {
        Instant time = now.get();
        for (int step = -1; step <= 1; step++) {
            if (accepted.apply(codeAt(time.plusSeconds(30L * step)))) {
                return true;
            }
        }
        long wait = 30 - Math.floorMod(now.get().getEpochSecond(), 30) + 1;
        try {
            Thread.sleep(wait * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return accepted.apply(codeAt(now.get().plusSeconds(30)));
    }
}
