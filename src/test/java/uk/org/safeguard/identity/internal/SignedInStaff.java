package uk.org.safeguard.identity.internal;

import java.net.http.HttpResponse;

import org.springframework.context.ApplicationContext;

import uk.org.safeguard.identity.Role;

/**
 * A new test account of one role, signed in over HTTP, for the tests of other modules' staff pages:
 * {@link TestStaff} and {@link StaffClient} stay package-private, so this is their public face.
 */
public final class SignedInStaff {

    /** The password of every test account. */
    public static final String PASSWORD = TestStaff.PASSWORD;

    private final StaffClient client;

    private SignedInStaff(StaffClient client) {
        this.client = client;
    }

    /** A new account of {@code role}, signed in with both factors on a client of its own. */
    public static SignedInStaff signIn(ApplicationContext context, int port, Role role) {
        TestStaff staff = testStaff(context);
        StaffClient client = new StaffClient(port);
        staff.signIn(client, staff.create(role));
        return new SignedInStaff(client);
    }

    /** A new enrolled account of {@code role}, not signed in anywhere: its email address (password {@link #PASSWORD}). */
    public static String create(ApplicationContext context, Role role) {
        return testStaff(context).create(role).email();
    }

    /** The current second-factor code of every test account. */
    public static String currentCode(ApplicationContext context) {
        return testStaff(context).currentCode();
    }

    /** A GET as this member of staff; redirects are not followed. */
    public HttpResponse<String> get(String path) {
        return client.get(path);
    }

    /** Where a redirect goes, without scheme and host. */
    public static String location(HttpResponse<?> response) {
        return StaffClient.location(response);
    }

    private static TestStaff testStaff(ApplicationContext context) {
        return new TestStaff(context.getBean(AccountAdministration.class), context.getBean(Totp.class),
                context.getBean(IdentityClock.class));
    }
}
