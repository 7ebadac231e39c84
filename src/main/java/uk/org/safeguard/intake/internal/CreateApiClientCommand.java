package uk.org.safeguard.intake.internal;

import java.io.PrintStream;
import java.util.Optional;

import org.springframework.stereotype.Component;

import uk.org.safeguard.platform.AdminArguments;
import uk.org.safeguard.platform.AdminCommand;

/**
 * {@code admin create-api-client --name N}: a partner system that may send referrals through the API.
 * Prints its key on the last line (so a script can take it with {@code tail -n 1}); only a keyed hash of
 * the key is kept, so it cannot be shown again.
 */
@Component
class CreateApiClientCommand implements AdminCommand {

    private final ApiClients clients;

    CreateApiClientCommand(ApiClients clients) {
        this.clients = clients;
    }

    @Override
    public String name() {
        return "create-api-client";
    }

    @Override
    public String summary() {
        return "Create a partner system's API client for POST /api/v1/referrals; prints its key on the last line";
    }

    @Override
    public String usage() {
        return "create-api-client --name N   (N: the partner system, e.g. the school or council and its product)";
    }

    @Override
    public int run(AdminArguments arguments, PrintStream out, PrintStream err) {
        Optional<String> name = arguments.option("name").map(String::strip).filter(s -> !s.isEmpty());
        if (name.isEmpty()) {
            err.println("--name is required");
            err.println("Usage: admin " + usage());
            return 2;
        }
        if (name.get().length() > 200) {
            err.println("--name must be 200 characters or fewer");
            return 2;
        }
        ApiClients.Issued issued = clients.create(name.get(), "system:admin-command");
        out.println("Created API client " + issued.client().id() + ".");
        out.println("Give the key below to the partner by a secure route; it is not shown again. It goes in each");
        out.println("request as the header: Authorization: Bearer <key>");
        out.println(issued.key());
        return 0;
    }
}
