package uk.org.safeguard.identity.internal;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.apache.commons.codec.binary.Base32;
import org.springframework.stereotype.Component;

import uk.org.safeguard.identity.OrganisationType;
import uk.org.safeguard.identity.Role;
import uk.org.safeguard.platform.DemoDataSet;
import uk.org.safeguard.platform.SafeguardProperties;

/**
 * Demo organisations and one demo account per role, all with the same published password and TOTP
 * secret, so a newcomer can sign in as each role. Loaded only on a fresh database with demo data on
 * (never with {@code SAFEGUARD_DEMO=false}); every account is marked as demo and says so on its page.
 */
@Component
class DemoStaff implements DemoDataSet {

    static final String PASSWORD = "safeguard-demo-password";
    static final String TOTP_SECRET = "SAFEGUARDDEMOSECRETTOTPXYZ234567";
    static final String TOWER_HAMLETS = "E09000030";
    static final String NEWHAM = "E09000025";
    static final String HACKNEY = "E09000012";

    record Demo(String email, String name, Role role, List<String> boroughs, String organisation, OrganisationType type) {
    }

    static final List<Demo> ACCOUNTS = List.of(
            new Demo("practitioner.tower-hamlets@example.org", "Priya Practitioner (demo)", Role.PRACTITIONER,
                    List.of(TOWER_HAMLETS), "Demo: Tower Hamlets Council Prevent team", OrganisationType.BOROUGH_COUNCIL),
            new Demo("lead.tower-hamlets@example.org", "Lee Lead (demo)", Role.BOROUGH_LEAD, List.of(TOWER_HAMLETS),
                    "Demo: Tower Hamlets Council Prevent team", OrganisationType.BOROUGH_COUNCIL),
            new Demo("police-prevent.east@example.org", "Paul Police (demo)", Role.POLICE_PREVENT,
                    List.of(TOWER_HAMLETS, NEWHAM, HACKNEY), "Demo: Police Prevent, East Area", OrganisationType.POLICE_PREVENT),
            new Demo("panel-member@example.org", "Pat Panel (demo)", Role.PANEL_MEMBER, List.of(TOWER_HAMLETS),
                    "Demo: Children's social care", OrganisationType.CHILDRENS_SOCIAL_CARE),
            new Demo("programme@example.org", "Grace Programme (demo)", Role.PROGRAMME, List.of(),
                    "Demo: Programme team", OrganisationType.PROGRAMME_TEAM),
            new Demo("analyst@example.org", "Ana Analyst (demo)", Role.ANALYST, List.of(), "Demo: Programme team",
                    OrganisationType.PROGRAMME_TEAM),
            new Demo("oversight@example.org", "Olu Oversight (demo)", Role.OVERSIGHT, List.of(),
                    "Demo: Independent oversight board", OrganisationType.INDEPENDENT_OVERSIGHT),
            new Demo("dpo@example.org", "Dee DPO (demo)", Role.DPO, List.of(), "Demo: Programme team",
                    OrganisationType.PROGRAMME_TEAM),
            new Demo("admin@example.org", "Adam Admin (demo)", Role.ADMIN, List.of(), "Demo: Programme team",
                    OrganisationType.PROGRAMME_TEAM));

    /** Organisations of the other kinds, so that every type exists in the demo. */
    static final List<Organisations.Organisation> MORE_ORGANISATIONS = List.of(
            new Organisations.Organisation(0, "Demo: NHS safeguarding", OrganisationType.HEALTH),
            new Organisations.Organisation(0, "Demo: Tower Hamlets schools", OrganisationType.EDUCATION),
            new Organisations.Organisation(0, "Demo: Adult social care", OrganisationType.ADULT_SOCIAL_CARE),
            new Organisations.Organisation(0, "Demo: Probation service", OrganisationType.PROBATION),
            new Organisations.Organisation(0, "Demo: Community partner", OrganisationType.COMMUNITY_PARTNER));

    private final AccountAdministration administration;
    private final Organisations organisations;
    private final SafeguardProperties properties;
    private final Totp totp;

    DemoStaff(AccountAdministration administration, Organisations organisations, SafeguardProperties properties,
            Totp totp) {
        this.administration = administration;
        this.organisations = organisations;
        this.properties = properties;
        this.totp = totp;
    }

    @Override
    public String name() {
        return "identity.staff";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void load() {
        if (!properties.demo()) {
            return;
        }
        MORE_ORGANISATIONS.forEach(o -> organisations.findOrCreate(o.name(), o.type()));
        for (Demo demo : ACCOUNTS) {
            administration.createDemo(new AccountAdministration.NewAccount(demo.email(), demo.name(),
                    Set.of(demo.role()), demo.boroughs(), demo.organisation(), demo.type()), PASSWORD, TOTP_SECRET);
        }
    }

    /** Each demo person's email address and name, and the TOTP secret in base32 and as raw bytes (hex). */
    @Override
    public List<String> personalValues() {
        List<String> values = new ArrayList<>();
        for (Demo demo : ACCOUNTS) {
            values.add(demo.email());
            values.add(demo.name());
        }
        values.add(TOTP_SECRET);
        values.add(HexFormat.of().formatHex(new Base32().decode(TOTP_SECRET)));
        return values;
    }

    @Override
    public List<String> instructions() {
        List<String> lines = new ArrayList<>();
        lines.add("Staff sign-in: /sign-in. Demo accounts (one per role), all with password " + PASSWORD + ":");
        ACCOUNTS.forEach(d -> lines.add("  " + d.role() + ": " + d.email()));
        lines.add("Second factor for every demo account: add this to an authenticator app (or run `oathtool --totp -b "
                + TOTP_SECRET + "`):");
        lines.add("  " + totp.otpauthUri(TOTP_SECRET, "demo@example.org"));
        return lines;
    }
}
