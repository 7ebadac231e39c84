package uk.org.safeguard.identity.internal;

import java.io.PrintStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import uk.org.safeguard.identity.Role;

/** The {@code --role} options of the admin commands that set roles. */
final class RoleOptions {

    private RoleOptions() {
    }

    /** The roles named, or empty after telling {@code err} which word is not a role. */
    static Optional<Set<Role>> parse(List<String> words, PrintStream err) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String text : words) {
            Optional<Role> role = Role.parse(text);
            if (role.isEmpty()) {
                err.println("Unknown role: " + text + " (one of " + EnumSet.allOf(Role.class) + ")");
                return Optional.empty();
            }
            roles.add(role.get());
        }
        return Optional.of(roles);
    }
}
