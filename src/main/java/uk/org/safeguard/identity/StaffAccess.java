package uk.org.safeguard.identity;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Who is signed in, and what they may do: other modules' services call this before showing or changing
 * anything, on top of the route rules. Only a member of staff who has finished two-factor sign-in counts.
 */
@Service
public class StaffAccess {

    /** The authority a session holds once both factors have been checked. */
    public static final String SIGNED_IN_AUTHORITY = "FACTOR_TOTP";

    /** The member of staff of the current request, once fully signed in. */
    public Optional<StaffUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof StaffUser user)) {
            return Optional.empty();
        }
        boolean fully = authentication.getAuthorities().stream()
                .anyMatch(a -> SIGNED_IN_AUTHORITY.equals(a.getAuthority()));
        return fully ? Optional.of(user) : Optional.empty();
    }

    public boolean hasPermission(Permission permission) {
        return current().map(u -> u.hasPermission(permission)).orElse(false);
    }

    public boolean canAccessBorough(String boroughCode) {
        return current().map(u -> u.canAccessBorough(boroughCode)).orElse(false);
    }

    /** The current member of staff if they hold {@code permission}; otherwise a 403. */
    public StaffUser require(Permission permission) {
        return current().filter(u -> u.hasPermission(permission))
                .orElseThrow(() -> new AccessDeniedException("Needs " + permission));
    }

    /** The current member of staff if they hold {@code permission} in {@code boroughCode}; otherwise a 403. */
    public StaffUser require(Permission permission, String boroughCode) {
        StaffUser user = require(permission);
        if (!user.canAccessBorough(boroughCode)) {
            throw new AccessDeniedException("Not in borough scope");
        }
        return user;
    }
}
