package uk.org.safeguard.identity.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import uk.org.safeguard.identity.StaffUser;

/**
 * Ends a staff session that has outlived the absolute limit (12 hours from the password, however active),
 * that belongs to an older "sign out everywhere" generation, or whose account was disabled; and keeps
 * someone who must change their password on that page until they have.
 */
class StaffSessionFilter extends OncePerRequestFilter {

    static final String CHANGE_PASSWORD = "/staff/account/password";

    private final StaffSessions sessions;
    private final Accounts accounts;
    private final IdentityClock clock;
    private final IdentityProperties properties;
    private final IdentityAudit audit;

    StaffSessionFilter(StaffSessions sessions, Accounts accounts, IdentityClock clock, IdentityProperties properties,
            IdentityAudit audit) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.clock = clock;
        this.properties = properties;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<StaffUser> staff = sessions.anyStaff();
        if (staff.isPresent()) {
            StaffUser user = staff.get();
            Optional<Accounts.SessionState> state = accounts.sessionState(user.accountId());
            boolean expired = user.signedInAt().plus(properties.absoluteSessionTimeout()).isBefore(clock.now());
            boolean revoked = state.isEmpty() || state.get().disabled()
                    || state.get().generation() != user.sessionGeneration();
            if (expired || revoked) {
                audit.account(user.accountId(), expired ? "session.expired" : "session.revoked");
                sessions.signOut(request);
                response.sendRedirect(request.getContextPath() + "/sign-in?ended");
                return;
            }
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (state.get().mustChangePassword() && sessions.partiallySignedIn().isEmpty()
                    && (path.equals("/staff") || path.startsWith("/staff/")) && !path.equals(CHANGE_PASSWORD)) {
                response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
