package uk.org.safeguard.identity;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The member of staff behind a request, as other modules see them: references, roles, permissions and
 * borough scope, fixed at sign-in (a change of role signs the account out everywhere). It is kept in the
 * session (the database's session table), so it holds no personal data: no email, no name (ask identity's
 * account for the name when showing it).
 *
 * @param accountId the account's id; audit entries refer to it as {@link #reference()}
 * @param organisationName the organisation the account belongs to
 * @param roles the roles held
 * @param permissions the union of the roles' permissions
 * @param boroughs the ONS codes of the boroughs the account covers
 * @param signedInAt when the password was accepted, for the absolute session limit
 * @param sessionGeneration the account's "sign out everywhere" generation at sign-in
 */
public record StaffUser(long accountId, String organisationName, Set<Role> roles,
        Set<Permission> permissions, List<String> boroughs, Instant signedInAt, int sessionGeneration)
        implements AuthenticatedPrincipal, Serializable {

    public StaffUser {
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
        boroughs = List.copyOf(boroughs);
    }

    /** {@code account:<id>}: how audit entries and sessions refer to the account, never by email. */
    public String reference() {
        return reference(accountId);
    }

    /** The principal name sessions are indexed by: the {@link #reference()}, so no email reaches the session table. */
    @Override
    public String getName() {
        return reference();
    }

    public static String reference(long accountId) {
        return "account:" + accountId;
    }

    public boolean hasPermission(Permission permission) {
        return permissions.contains(permission);
    }

    public boolean canAccessBorough(String boroughCode) {
        return boroughs.contains(boroughCode);
    }
}
