package uk.org.safeguard.identity.internal;

import java.io.PrintStream;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import uk.org.safeguard.identity.Role;
import uk.org.safeguard.platform.AdminArguments;
import uk.org.safeguard.platform.AdminCommand;

/** {@code admin set-roles}: replaces an account's roles and boroughs (audited; the account is signed out everywhere). */
@Component
class SetRolesCommand implements AdminCommand {

    private final Accounts accounts;
    private final AccountAdministration administration;

    SetRolesCommand(Accounts accounts, AccountAdministration administration) {
        this.accounts = accounts;
        this.administration = administration;
    }

    @Override
    public String name() {
        return "set-roles";
    }

    @Override
    public String summary() {
        return "Replace a staff account's roles and boroughs";
    }

    @Override
    public String usage() {
        return "set-roles --email E --role R [--role R ...] [--borough CODE ...]";
    }

    @Override
    public int run(AdminArguments arguments, PrintStream out, PrintStream err) {
        Optional<String> email = arguments.option("email").filter(s -> !s.isBlank());
        if (email.isEmpty() || arguments.options("role").isEmpty()) {
            err.println("Usage: admin " + usage());
            return 2;
        }
        Optional<Set<Role>> parsed = RoleOptions.parse(arguments.options("role"), err);
        if (parsed.isEmpty()) {
            return 2;
        }
        Set<Role> roles = parsed.get();
        Optional<Account> account = accounts.byEmail(email.get());
        if (account.isEmpty()) {
            err.println("No account with that email address");
            return 1;
        }
        try {
            administration.changeRoles(account.get().id(), roles,
                    arguments.options("borough").stream().map(b -> b.trim().toUpperCase(Locale.ROOT)).toList(),
                    "system:admin-command");
            out.println("Account " + account.get().id() + " now has roles " + roles + "; its sessions have ended.");
            return 0;
        } catch (AccountAdministration.Invalid e) {
            e.problems.forEach(err::println);
            return 1;
        }
    }
}
