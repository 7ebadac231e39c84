package uk.org.safeguard.identity.internal;

import java.io.PrintStream;
import java.util.Optional;

import org.springframework.stereotype.Component;

import uk.org.safeguard.platform.AdminArguments;
import uk.org.safeguard.platform.AdminCommand;

/**
 * {@code admin reset-two-factor}: for a member of staff who has lost their authenticator and their
 * recovery codes. The account gets a new secret and must set up its authenticator at the next sign-in;
 * its sessions end; the reset is audited with the reason given.
 */
@Component
class ResetTwoFactorCommand implements AdminCommand {

    private final Accounts accounts;
    private final AccountAdministration administration;

    ResetTwoFactorCommand(Accounts accounts, AccountAdministration administration) {
        this.accounts = accounts;
        this.administration = administration;
    }

    @Override
    public String name() {
        return "reset-two-factor";
    }

    @Override
    public String summary() {
        return "Make a staff account set up its authenticator again (lost phone)";
    }

    @Override
    public String usage() {
        return "reset-two-factor --email E --reason \"why\"";
    }

    @Override
    public int run(AdminArguments arguments, PrintStream out, PrintStream err) {
        Optional<String> email = arguments.option("email").filter(s -> !s.isBlank());
        Optional<String> reason = arguments.option("reason").map(String::strip).filter(s -> !s.isBlank());
        if (email.isEmpty() || reason.isEmpty()) {
            err.println("Usage: admin " + usage());
            return 2;
        }
        Optional<Account> account = accounts.byEmail(email.get());
        if (account.isEmpty()) {
            err.println("No account with that email address");
            return 1;
        }
        administration.resetTwoFactor(account.get().id(), "system:admin-command", reason.get());
        out.println("Account " + account.get().id() + " will set up a new authenticator at its next sign-in; "
                + "its sessions have ended and its recovery codes no longer work.");
        return 0;
    }
}
