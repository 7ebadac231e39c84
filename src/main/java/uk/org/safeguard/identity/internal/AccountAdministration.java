package uk.org.safeguard.identity.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.org.safeguard.audit.AuditEvent;
import uk.org.safeguard.geography.Boroughs;
import uk.org.safeguard.identity.OrganisationType;
import uk.org.safeguard.identity.Role;

/** Creating accounts and changing their roles: the rules both the admin commands and the demo data follow. */
@Service
class AccountAdministration {

    static final String DEFAULT_ORGANISATION = "Safeguard programme team";
    private static final String PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What to create. */
    record NewAccount(String email, String displayName, Set<Role> roles, List<String> boroughs, String organisation,
            OrganisationType organisationType) {
    }

    /** The account created, with what must be handed to its owner once. */
    record Created(long id, String initialPassword, String otpauthUri) {
    }

    /** A request that breaks a rule: the messages say which, in plain words for the command line. */
    static final class Invalid extends RuntimeException {
        final List<String> problems;

        Invalid(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }
    }

    private final Accounts accounts;
    private final Organisations organisations;
    private final Boroughs boroughs;
    private final PasswordHasher hasher;
    private final Totp totp;
    private final IdentityAudit audit;
    private final RecoveryCodes recoveryCodes;

    AccountAdministration(Accounts accounts, Organisations organisations, Boroughs boroughs, PasswordHasher hasher,
            Totp totp, IdentityAudit audit, RecoveryCodes recoveryCodes) {
        this.recoveryCodes = recoveryCodes;
        this.accounts = accounts;
        this.organisations = organisations;
        this.boroughs = boroughs;
        this.hasher = hasher;
        this.totp = totp;
        this.audit = audit;
    }

    /** A new account with a random one-time password that must be changed and a TOTP secret to enrol at first sign-in. */
    @Transactional
    Created create(NewAccount request, String actor) {
        String password = randomPassword();
        String secret = totp.newSecret();
        long id = insert(request, password, true, secret, false, false, actor);
        return new Created(id, password, totp.otpauthUri(secret, Accounts.normaliseEmail(request.email())));
    }

    /** A demo account: known password and TOTP secret, already enrolled, marked as demo. */
    @Transactional
    long createDemo(NewAccount request, String password, String totpSecret) {
        return insert(request, password, false, totpSecret, true, true, "system");
    }

    /** Replaces an account's roles and boroughs; the account is signed out everywhere. */
    @Transactional
    void changeRoles(long accountId, Set<Role> roles, List<String> boroughCodes, String actor) {
        Account account = accounts.byId(accountId).orElseThrow(() -> new Invalid(List.of("No such account")));
        List<String> problems = new ArrayList<>();
        validateScope(roles, boroughCodes, problems);
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        accounts.replaceScope(accountId, roles, boroughCodes);
        accounts.incrementSessionGeneration(accountId);
        audit.record(new AuditEvent(actor, "account.roles-changed", "account", String.valueOf(accountId), null,
                java.util.Map.of("from", names(account.roles()), "to", names(roles), "boroughs",
                        String.join(",", boroughCodes))));
    }

    /**
     * Resets an account's authenticator (a lost or replaced phone): a new secret that is not enrolled, no
     * recovery codes, every session ended. The next sign-in with the password sets up the new authenticator.
     */
    @Transactional
    void resetTwoFactor(long accountId, String actor, String reason) {
        accounts.byId(accountId).orElseThrow(() -> new Invalid(List.of("No such account")));
        accounts.replaceTotpSecret(accountId, totp.newSecret());
        recoveryCodes.clear(accountId);
        accounts.incrementSessionGeneration(accountId);
        audit.record(new AuditEvent(actor, "two-factor.reset", "account", String.valueOf(accountId), reason,
                java.util.Map.of()));
    }

    private long insert(NewAccount request, String password, boolean mustChange, String totpSecret, boolean enrolled,
            boolean demo, String actor) {
        List<String> problems = new ArrayList<>();
        String email = Accounts.normaliseEmail(request.email());
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add("Email address is not valid: " + request.email());
        } else if (accounts.emailTaken(email)) {
            problems.add("An account with that email address already exists");
        }
        if (request.displayName() == null || request.displayName().isBlank()) {
            problems.add("A name is required");
        }
        validateScope(request.roles(), request.boroughs(), problems);
        Optional<Organisations.Organisation> organisation = organisation(request, problems);
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        long id = accounts.create(email, request.displayName().trim(), organisation.orElseThrow().id(),
                hasher.hash(password), mustChange, totpSecret, enrolled, demo, request.roles(),
                List.copyOf(new LinkedHashSet<>(request.boroughs())));
        audit.record(new AuditEvent(actor, "account.created", "account", String.valueOf(id), null,
                java.util.Map.of("roles", names(request.roles()), "boroughs", String.join(",", request.boroughs()),
                        "organisation", String.valueOf(organisation.get().id()))));
        return id;
    }

    private Optional<Organisations.Organisation> organisation(NewAccount request, List<String> problems) {
        String name = request.organisation() == null || request.organisation().isBlank() ? DEFAULT_ORGANISATION
                : request.organisation();
        Optional<Organisations.Organisation> found = organisations.byName(name);
        if (found.isPresent()) {
            return found;
        }
        if (request.organisationType() != null) {
            return Optional.of(organisations.findOrCreate(name, request.organisationType()));
        }
        if (DEFAULT_ORGANISATION.equals(name)) {
            return Optional.of(organisations.findOrCreate(name, OrganisationType.PROGRAMME_TEAM));
        }
        problems.add("No organisation called \"" + name + "\" (give --organisation-type to create it)");
        return Optional.empty();
    }

    private void validateScope(Set<Role> roles, List<String> boroughCodes, List<String> problems) {
        if (roles.isEmpty()) {
            problems.add("At least one role is required");
        }
        for (String code : boroughCodes) {
            if (boroughs.byCode(code).isEmpty()) {
                problems.add("Unknown borough code: " + code + " (use an ONS code E09000001 to E09000033)");
            }
        }
        if (boroughCodes.isEmpty() && roles.stream().anyMatch(Role::needsBorough)) {
            problems.add("Roles " + names(EnumSet.copyOf(roles.stream().filter(Role::needsBorough).toList()))
                    + " need at least one --borough");
        }
    }

    private static String names(Set<Role> roles) {
        return String.join(",", roles.stream().map(Role::name).sorted().toList());
    }

    static String randomPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}
