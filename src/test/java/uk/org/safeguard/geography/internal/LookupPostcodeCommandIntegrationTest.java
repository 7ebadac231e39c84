package uk.org.safeguard.geography.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import uk.org.safeguard.platform.AdminArguments;
import uk.org.safeguard.platform.AdminCommand;
import uk.org.safeguard.support.IntegrationTest;

@IntegrationTest
class LookupPostcodeCommandIntegrationTest {

    @Autowired
    List<AdminCommand> commands;

    @Test
    void aLondonPostcodePrintsItsBoroughAndSucceeds() {
        Run run = run("sw1a", "1aa");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("SW1A 1AA is in Westminster (E09000033).\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aDistrictPrintsEachBoroughsShare() {
        Run run = run("SE1");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("""
                SE1 is divided between:
                   84.8%  Southwark (E09000028)
                   15.2%  Lambeth (E09000022)
                """);
    }

    @Test
    void anUnknownPostcodeOnLondonsEdgeSaysSoAndPrintsTheShareOutside() {
        Run run = run("TN16 1ZZ");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("""
                That postcode is not a live London postcode (it may be new, terminated or outside London).
                TN16 1 is divided between:
                    0.5%  Bromley (E09000006)
                   99.5%  outside London
                """);
    }

    @Test
    void aPostcodeOutsideLondonExitsWithOne() {
        Run run = run("M1 1AE");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("M1 1AE is not in London.\n");
    }

    @Test
    void invalidInputExitsWithTwo() {
        Run run = run("hello");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("Not a postcode: Not a postcode, sector or district.\n");
    }

    @Test
    void noInputPrintsUsageAndExitsWithTwo() {
        Run run = run();
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("Usage: admin lookup-postcode");
    }

    private Run run(String... words) {
        AdminCommand command = commands.stream().filter(c -> c.name().equals("lookup-postcode")).findFirst().orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = command.run(AdminArguments.parse(List.of(words)), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int exit, String out, String err) {
    }
}
