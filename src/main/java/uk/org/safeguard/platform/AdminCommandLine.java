package uk.org.safeguard.platform;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar safeguard.jar admin <command> [options]}: starts Safeguard without its web server,
 * against the configured database, runs one {@link AdminCommand} and exits with its code.
 */
public final class AdminCommandLine {

    /** Property set while an admin command runs, so that start-up work meant for the server can stand aside. */
    public static final String ADMIN_MODE_PROPERTY = "safeguard.admin-mode";

    private AdminCommandLine() {
    }

    public static boolean isAdminInvocation(String[] args) {
        return args.length > 0 && "admin".equals(args[0]);
    }

    public static int run(Class<?> application, String[] args) {
        return run(application, args, System.out, System.err);
    }

    /** Runs the command printing to {@code out} and {@code err}; returns its exit code. */
    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        List<String> words = Arrays.asList(args).subList(1, args.length);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(ADMIN_MODE_PROPERTY + "=true", "logging.level.root=WARN",
                        "logging.level.uk.org.safeguard=WARN", "spring.main.register-shutdown-hook=true")
                .run()) {
            List<AdminCommand> commands = context.getBeanProvider(AdminCommand.class).orderedStream()
                    .sorted(Comparator.comparing(AdminCommand::name)).toList();
            return dispatch(commands, words, out, err);
        }
    }

    static int dispatch(List<AdminCommand> commands, List<String> words, PrintStream out, PrintStream err) {
        if (words.isEmpty() || "help".equals(words.get(0)) || "--help".equals(words.get(0))) {
            if (words.size() > 1) {
                Optional<AdminCommand> command = find(commands, words.get(1));
                if (command.isPresent()) {
                    out.println("Usage: admin " + command.get().usage());
                    out.println(command.get().summary());
                    return 0;
                }
                err.println("Unknown command: " + words.get(1));
                printHelp(commands, err);
                return 2;
            }
            printHelp(commands, out);
            return words.isEmpty() ? 2 : 0;
        }
        Optional<AdminCommand> command = find(commands, words.get(0));
        if (command.isEmpty()) {
            err.println("Unknown command: " + words.get(0));
            printHelp(commands, err);
            return 2;
        }
        return command.get().run(AdminArguments.parse(words.subList(1, words.size())), out, err);
    }

    private static Optional<AdminCommand> find(List<AdminCommand> commands, String name) {
        return commands.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private static void printHelp(List<AdminCommand> commands, PrintStream out) {
        out.println("Usage: java -jar safeguard.jar admin <command> [options]");
        out.println();
        out.println("Commands:");
        int width = commands.stream().mapToInt(c -> c.name().length()).max().orElse(4);
        out.printf("  %-" + width + "s  %s%n", "help", "List the commands, or show one command's options: help <command>");
        for (AdminCommand command : commands) {
            out.printf("  %-" + width + "s  %s%n", command.name(), command.summary());
        }
    }
}
