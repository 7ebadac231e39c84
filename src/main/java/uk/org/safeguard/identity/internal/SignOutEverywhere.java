package uk.org.safeguard.identity.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.org.safeguard.identity.StaffUser;

/**
 * Ends every session of an account: the account's session generation goes up, so that the staff filter
 * rejects any session signed in before; and the sessions indexed under the account's reference are
 * deleted at once.
 */
@Service
class SignOutEverywhere {

    private final Accounts accounts;
    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;
    private final IdentityAudit audit;

    SignOutEverywhere(Accounts accounts, ObjectProvider<FindByIndexNameSessionRepository<?>> sessions,
            IdentityAudit audit) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
    }

    @Transactional
    void signOut(long accountId) {
        accounts.incrementSessionGeneration(accountId);
        FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
        if (repository != null) {
            repository.findByPrincipalName(StaffUser.reference(accountId)).keySet().forEach(repository::deleteById);
        }
        audit.account(accountId, "sign-out.everywhere");
    }
}
