package uk.org.safeguard.intake.internal;

import java.io.PrintStream;
import java.util.Optional;

import org.springframework.stereotype.Component;

import uk.org.safeguard.audit.AuditEvent;
import uk.org.safeguard.platform.AdminArguments;
import uk.org.safeguard.platform.AdminCommand;

/**
 * {@code admin disable-api-client --id N --reason "why"}: stops a partner system's key from working, for
 * a key that has leaked or a partner that has left. Running instances stop accepting it within
 * {@link ApiClients#CACHE_FOR}. Audited with the reason. Referrals already sent stay.
 */
@Component
class DisableApiClientCommand implements AdminCommand {

    private final ApiClients clients;

    DisableApiClientCommand(ApiClients clients) {
        this.clients = clients;
    }

    @Override
    public String name() {
        return "disable-api-client";
    }

    @Override
    public String summary() {
        return "Stop a partner API client's key from working (leaked key, partner gone)";
    }

    @Override
    public String usage() {
        return "disable-api-client --id N --reason \"why\"   (N: from list-api-clients)";
    }

    @Override
    public int run(AdminArguments arguments, PrintStream out, PrintStream err) {
        Optional<Long> id = arguments.option("id").map(String::strip).filter(s -> s.matches("[0-9]{1,18}"))
                .map(Long::valueOf);
        Optional<String> reason = arguments.option("reason").map(String::strip).filter(s -> !s.isBlank());
        if (id.isEmpty() || reason.isEmpty()) {
            err.println(id.isEmpty() ? "--id must be a client's number (see admin list-api-clients)" : "--reason is required");
            err.println("Usage: admin " + usage());
            return 2;
        }
        if (reason.get().length() > AuditEvent.MAX_REASON) {
            err.println("--reason must be " + AuditEvent.MAX_REASON + " characters or fewer");
            return 2;
        }
        switch (clients.disable(id.get(), "system:admin-command", reason.get())) {
            case DISABLED -> {
                out.println("API client " + id.get() + " is disabled: its key is refused from now on here, and by every "
                        + "running instance within " + ApiClients.CACHE_FOR.toSeconds() + " seconds.");
                return 0;
            }
            case ALREADY_DISABLED -> {
                out.println("API client " + id.get() + " was already disabled.");
                return 0;
            }
            default -> {
                err.println("No API client has the number " + id.get() + " (see admin list-api-clients)");
                return 1;
            }
        }
    }
}
