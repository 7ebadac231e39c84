package uk.org.safeguard.identity.internal;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changing a password, by its owner or through a reset link: the policy, then Argon2id. */
@Service
class Passwords {

    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final IdentityAudit audit;

    Passwords(Accounts accounts, PasswordHasher hasher, PasswordPolicy policy, IdentityAudit audit) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.policy = policy;
        this.audit = audit;
    }

    /** The message key of what is wrong with {@code newPassword} for {@code account}, if anything. */
    Optional<String> problemWith(Account account, String newPassword) {
        Optional<String> problem = policy.check(newPassword, account.email(), account.displayName());
        if (problem.isEmpty() && hasher.matches(newPassword, account.passwordHash())) {
            return Optional.of("identity.password.error.same");
        }
        return problem;
    }

    boolean currentPasswordMatches(Account account, String password) {
        return hasher.matches(password, account.passwordHash());
    }

    @Transactional
    void set(Account account, String newPassword, String how) {
        accounts.setPassword(account.id(), hasher.hash(newPassword), false);
        audit.account(account.id(), how);
    }
}
