package uk.org.safeguard.identity.internal;

import java.io.PrintStream;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import uk.org.safeguard.identity.OrganisationType;
import uk.org.safeguard.identity.Role;
import uk.org.safeguard.platform.AdminArguments;
import uk.org.safeguard.platform.AdminCommand;

/**
 * {@code admin create-user}: a new staff account with a one-time password (changed at first sign-in) and
 * a TOTP secret, printed once as an {@code otpauth://} URI; the person can also scan it as a QR code when
 * they first sign in.
 */
@Component
class CreateUserCommand implements AdminCommand {

    private final AccountAdministration administration;

    CreateUserCommand(AccountAdministration administration) {
        this.administration = administration;
    }

    @Override
    public String name() {
        return "create-user";
    }

    @Override
    public String summary() {
        return "Create a staff account; prints its one-time password and TOTP secret";
    }

    @Override
    public String usage() {
        return "create-user --email E --name N --role R [--role R ...] [--borough CODE ...] "
                + "[--organisation O [--organisation-type T]]\n  roles: " + EnumSet.allOf(Role.class)
                + "\n  organisation types: " + EnumSet.allOf(OrganisationType.class);
    }

    @Override
    public int run(AdminArguments arguments, PrintStream out, PrintStream err) {
        Optional<String> email = arguments.option("email").filter(s -> !s.isBlank());
        Optional<String> name = arguments.option("name").filter(s -> !s.isBlank());
        if (email.isEmpty() || name.isEmpty() || arguments.options("role").isEmpty()) {
            err.println("--email, --name and at least one --role are required");
            err.println("Usage: admin " + usage());
            return 2;
        }
        Optional<Set<Role>> parsed = RoleOptions.parse(arguments.options("role"), err);
        if (parsed.isEmpty()) {
            return 2;
        }
        Set<Role> roles = parsed.get();
        OrganisationType type = null;
        if (arguments.option("organisation-type").isPresent()) {
            try {
                type = OrganisationType.valueOf(arguments.option("organisation-type").get().trim()
                        .toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                err.println("Unknown organisation type: " + arguments.option("organisation-type").get());
                return 2;
            }
        }
        var boroughs = arguments.options("borough").stream().map(b -> b.trim().toUpperCase(Locale.ROOT)).toList();
        try {
            AccountAdministration.Created created = administration.create(new AccountAdministration.NewAccount(
                    email.get(), name.get(), roles, boroughs, arguments.option("organisation").orElse(null), type),
                    "system:admin-command");
            out.println("Created account " + created.id() + " with roles " + roles
                    + (boroughs.isEmpty() ? "" : " for boroughs " + boroughs) + ".");
            out.println("One-time password (to be changed at first sign-in): " + created.initialPassword());
            out.println("Second factor: add this to an authenticator app, or scan the QR code shown at first sign-in:");
            out.println(created.otpauthUri());
            out.println("Give these to the person by a secure route; they are not shown again.");
            return 0;
        } catch (AccountAdministration.Invalid e) {
            e.problems.forEach(err::println);
            return 1;
        }
    }
}
