package uk.org.safeguard.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import uk.org.safeguard.identity.Permission;
import uk.org.safeguard.identity.Role;
import uk.org.safeguard.identity.StaffAccess;
import uk.org.safeguard.identity.StaffUser;

/**
 * The sign-in state held in the session. After the password the session holds the account with only
 * the {@link #PASSWORD_FACTOR} authority, which no staff route accepts; after the second factor it holds
 * {@link StaffAccess#SIGNED_IN_AUTHORITY} and the permissions of the account's roles. The session id
 * changes at each step, so a session id planted before sign-in is worthless.
 */
@Component
class StaffSessions {

    static final String PASSWORD_FACTOR = "FACTOR_PASSWORD";

    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();
    private final IdentityClock clock;

    StaffSessions(IdentityClock clock) {
        this.clock = clock;
    }

    SecurityContextRepository repository() {
        return repository;
    }

    /** The password was right: the session now knows who, but grants nothing yet. */
    void passwordAccepted(Account account, HttpServletRequest request, HttpServletResponse response) {
        StaffUser user = new StaffUser(account.id(), account.organisationName(),
                account.roles(), Role.permissionsOf(account.roles()), account.boroughs(), clock.now(),
                account.sessionGeneration());
        store(user, List.of(new SimpleGrantedAuthority(PASSWORD_FACTOR)), request, response);
    }

    /** Both factors checked: the session now grants the account's permissions. */
    void secondFactorAccepted(StaffUser user, HttpServletRequest request, HttpServletResponse response) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(PASSWORD_FACTOR));
        authorities.add(new SimpleGrantedAuthority(StaffAccess.SIGNED_IN_AUTHORITY));
        for (Role role : user.roles()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        }
        for (Permission permission : user.permissions()) {
            authorities.add(new SimpleGrantedAuthority(permission.authority()));
        }
        store(user, authorities, request, response);
    }

    /** Someone who has given the right password but not yet the second factor. */
    Optional<StaffUser> partiallySignedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StaffUser user
                && hasAuthority(authentication, PASSWORD_FACTOR)
                && !hasAuthority(authentication, StaffAccess.SIGNED_IN_AUTHORITY)) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** Anyone who has given at least the password. */
    Optional<StaffUser> anyStaff() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof StaffUser user ? Optional.of(user)
                : Optional.empty();
    }

    void signOut(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    static boolean hasAuthority(Authentication authentication, String authority) {
        return authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }

    private void store(StaffUser user, List<GrantedAuthority> authorities, HttpServletRequest request,
            HttpServletResponse response) {
        request.getSession(true);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
    }
}
