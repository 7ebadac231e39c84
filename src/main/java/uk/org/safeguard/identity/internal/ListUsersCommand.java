package uk.org.safeguard.identity.internal;

import java.io.PrintStream;
import java.util.List;

import org.springframework.stereotype.Component;

import uk.org.safeguard.identity.Role;
import uk.org.safeguard.platform.AdminArguments;
import uk.org.safeguard.platform.AdminCommand;

/** {@code admin list-users}: every staff account, one a line, tab-separated. */
@Component
class ListUsersCommand implements AdminCommand {

    private final Accounts accounts;

    ListUsersCommand(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public String name() {
        return "list-users";
    }

    @Override
    public String summary() {
        return "List staff accounts with their roles, boroughs and organisation";
    }

    @Override
    public int run(AdminArguments arguments, PrintStream out, PrintStream err) {
        List<Account> all = accounts.all();
        out.println(String.join("\t", "id", "email", "name", "roles", "boroughs", "organisation", "status"));
        for (Account a : all) {
            out.println(String.join("\t", String.valueOf(a.id()), a.email(), a.displayName(),
                    String.join(",", a.roles().stream().map(Role::name).sorted().toList()),
                    a.boroughs().isEmpty() ? "-" : String.join(",", a.boroughs()), a.organisationName(),
                    status(a)));
        }
        out.println(all.size() + (all.size() == 1 ? " account" : " accounts"));
        return 0;
    }

    private static String status(Account a) {
        StringBuilder s = new StringBuilder(a.disabled() ? "disabled" : "active");
        if (a.demo()) {
            s.append(",demo");
        }
        if (!a.totpEnrolled()) {
            s.append(",two-factor-not-set-up");
        }
        if (a.mustChangePassword()) {
            s.append(",must-change-password");
        }
        return s.toString();
    }
}
