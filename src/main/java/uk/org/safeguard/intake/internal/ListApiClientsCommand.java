package uk.org.safeguard.intake.internal;

import java.io.PrintStream;
import java.util.List;

import org.springframework.stereotype.Component;

import uk.org.safeguard.platform.AdminArguments;
import uk.org.safeguard.platform.AdminCommand;

/**
 * {@code admin list-api-clients}: the partner systems with API keys, one a line (tab-separated), with how
 * many referrals each has sent and when it last sent one, so that an administrator can find the client
 * to disable. Keys are never shown: only their hashes are kept.
 */
@Component
class ListApiClientsCommand implements AdminCommand {

    private final ApiClients clients;

    ListApiClientsCommand(ApiClients clients) {
        this.clients = clients;
    }

    @Override
    public String name() {
        return "list-api-clients";
    }

    @Override
    public String summary() {
        return "List the partner API's clients with their referral counts and last use";
    }

    @Override
    public int run(AdminArguments arguments, PrintStream out, PrintStream err) {
        List<ApiClients.Listed> all = clients.list();
        out.println(String.join("\t", "id", "name", "created", "status", "referrals", "last referral"));
        for (ApiClients.Listed c : all) {
            out.println(String.join("\t", Long.toString(c.id()), c.name(), c.createdAt().toString(),
                    c.disabled() ? "disabled" : "active", Long.toString(c.referrals()),
                    c.lastReferralAt() == null ? "-" : c.lastReferralAt().toString()));
        }
        out.println(all.size() + (all.size() == 1 ? " client" : " clients"));
        return 0;
    }
}
