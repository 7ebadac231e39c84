package uk.org.safeguard.platform;

import java.io.PrintStream;

/**
 * One command of {@code java -jar safeguard.jar admin <command> [options]}. Each module that needs an
 * administrative command contributes a bean of this type; {@code admin help} lists them all.
 */
public interface AdminCommand {

    /** The word typed after {@code admin}, in kebab case: {@code create-user}. */
    String name();

    /** One line for {@code admin help}. */
    String summary();

    /** The options, shown by {@code admin help <command>} and when the options are wrong. */
    default String usage() {
        return name();
    }

    /**
     * Runs the command.
     *
     * @return the process exit code: 0 for success, 1 for a failure the command found, 2 for wrong usage
     */
    int run(AdminArguments arguments, PrintStream out, PrintStream err);
}
