package uk.org.safeguard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.org.safeguard.SafeguardApplication;

class AdminCommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private final AdminCommand echo = new AdminCommand() {
        @Override
        public String name() {
            return "echo";
        }

        @Override
        public String summary() {
            return "Print the words given";
        }

        @Override
        public String usage() {
            return "echo --word W [--word W ...]";
        }

        @Override
        public int run(AdminArguments arguments, PrintStream out, PrintStream err) {
            if (arguments.options("word").isEmpty()) {
                err.println("--word is required");
                return 2;
            }
            out.println(String.join(" ", arguments.options("word")));
            return 0;
        }
    };

    @Test
    void helpListsEveryCommand() {
        int code = AdminCommandLine.dispatch(List.of(echo), List.of("help"), print(out), print(err));
        assertThat(code).isZero();
        assertThat(text(out)).contains("help", "echo", "Print the words given");
    }

    @Test
    void helpForOneCommandShowsItsUsage() {
        assertThat(AdminCommandLine.dispatch(List.of(echo), List.of("help", "echo"), print(out), print(err))).isZero();
        assertThat(text(out)).contains("Usage: admin echo --word W");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        int code = AdminCommandLine.dispatch(List.of(echo), List.of("frobnicate"), print(out), print(err));
        assertThat(code).isEqualTo(2);
        assertThat(text(err)).contains("Unknown command: frobnicate", "echo");
    }

    @Test
    void noCommandAtAllShowsHelpAndFails() {
        assertThat(AdminCommandLine.dispatch(List.of(echo), List.of(), print(out), print(err))).isEqualTo(2);
        assertThat(text(out)).contains("Usage:");
    }

    @Test
    void optionsRepeatAndTakeValues() {
        int code = AdminCommandLine.dispatch(List.of(echo), List.of("echo", "--word", "a", "--word=b"), print(out),
                print(err));
        assertThat(code).isZero();
        assertThat(text(out).trim()).isEqualTo("a b");
        assertThat(AdminCommandLine.dispatch(List.of(echo), List.of("echo"), print(out), print(err))).isEqualTo(2);
    }

    @Test
    void statusRunsAgainstTheDatabaseWithoutAWebServer() {
        int code = AdminCommandLine.run(SafeguardApplication.class, new String[] {"admin", "status"}, print(out),
                print(err));
        assertThat(code).as(text(err)).isZero();
        assertThat(text(out)).contains("PostgreSQL").containsPattern("Schema version:  [0-9]{4}\\.[0-9]{2}\\.[0-9]{2}\\.[0-9]+");
    }

    @Test
    void isAdminInvocationOnlyForTheAdminWord() {
        assertThat(AdminCommandLine.isAdminInvocation(new String[] {"admin", "help"})).isTrue();
        assertThat(AdminCommandLine.isAdminInvocation(new String[] {"--server.port=9"})).isFalse();
        assertThat(AdminCommandLine.isAdminInvocation(new String[0])).isFalse();
    }

    private static PrintStream print(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream buffer) {
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
