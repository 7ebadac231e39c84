package uk.org.safeguard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.org.safeguard.identity.Role;
import uk.org.safeguard.platform.SafeguardProperties;
import uk.org.safeguard.privacy.BlindIndex;
import uk.org.safeguard.support.IntegrationTest;

@IntegrationTest
class DemoStaffIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Totp totp;

    @Autowired
    IdentityClock clock;

    @Autowired
    DemoStaff demo;

    @Autowired
    BlindIndex blindIndex;

    @Test
    void oneDemoAccountPerRoleMarkedAsDemo() {
        List<String> demoTerms = DemoStaff.ACCOUNTS.stream().map(d -> blindIndex.emailTerm(d.email())).toList();
        assertThat(jdbc.sql("SELECT r.role FROM identity_account a JOIN identity_account_role r ON r.account_id = a.id "
                + "WHERE a.demo AND a.email_index IN (:terms)").param("terms", demoTerms).query(String.class).list())
                .containsExactlyInAnyOrder(java.util.Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new));
        assertThat(demo.instructions()).anyMatch(l -> l.contains("otpauth://totp/"))
                .anyMatch(l -> l.contains("practitioner.tower-hamlets@example.org"))
                .anyMatch(l -> l.contains(DemoStaff.PASSWORD));
    }

    @Test
    void theDemoPractitionerSignsInWithThePublishedCredentials() {
        StaffClient client = new StaffClient(port);
        client.get("/sign-in");
        assertThat(StaffClient.location(client.post("/sign-in", "email", "practitioner.tower-hamlets@example.org",
                "password", DemoStaff.PASSWORD))).isEqualTo("/sign-in/two-factor");
        client.get("/sign-in/two-factor");
        assertThat(StaffClient.location(client.post("/sign-in/two-factor", "code",
                totp.codeAt(DemoStaff.TOTP_SECRET, clock.now())))).isEqualTo("/staff");
        String page = Jsoup.parse(client.get("/staff").body()).text();
        assertThat(page).contains("This is a demonstration account", "Tower Hamlets", "Borough practitioner");
    }

    @Test
    void nothingIsCreatedWhenDemoDataIsOff() {
        AccountAdministration administration = Mockito.mock(AccountAdministration.class);
        Organisations organisations = Mockito.mock(Organisations.class);
        new DemoStaff(administration, organisations, new SafeguardProperties(Path.of("x"), false, null), totp).load();
        Mockito.verifyNoInteractions(administration, organisations);
    }
}
