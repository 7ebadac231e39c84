package uk.org.safeguard.casework.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import uk.org.safeguard.platform.DemoDataSet;

/**
 * A few fictional cases, so that a newcomer can see a case page, "who has seen this", the 403 and
 * break-glass for another borough's case, and retention: open cases in Tower Hamlets, Newham and
 * Hackney, one closed with no further action, one closed long enough ago to be deleted by the next
 * retention run, and one on legal hold. Every name, date of birth and address is invented.
 */
@Component
class DemoCases implements DemoDataSet {

    static final String TOWER_HAMLETS = "E09000030";
    static final String NEWHAM = "E09000025";
    static final String HACKNEY = "E09000012";

    record Demo(String borough, String ageBand, int openedDaysAgo, CaseDetails details) {
    }

    static final List<Demo> CASES = List.of(
            new Demo(TOWER_HAMLETS, "16_17", 12, new CaseDetails("Jordan Demo-Example", LocalDate.of(2009, 3, 14),
                    "1 Example Row, London E1 0XX", "A teacher noticed Jordan sharing violent extremist videos with "
                    + "classmates and talking about a group online.", "Sam Reporter-Example", "07700 900123")),
            new Demo(TOWER_HAMLETS, "21_39", 40, new CaseDetails("Alexis Sample-Person", LocalDate.of(1998, 7, 2),
                    "22 Fictional Street, London E3 0XX", "A family member is worried about new contacts who push "
                    + "hateful views and about Alexis cutting off old friends.", "", "")),
            new Demo(NEWHAM, "11_15", 5, new CaseDetails("Casey Invented-Name", LocalDate.of(2012, 11, 30),
                    "7 Placeholder Close, London E13 0XX", "A youth worker heard Casey talk about wanting to hurt "
                    + "people from another community.", "Robin Youthworker-Example", "robin.example@example.org")),
            new Demo(HACKNEY, "40_PLUS", 20, new CaseDetails("Morgan Madeup-Surname", LocalDate.of(1979, 1, 21),
                    "3 Nowhere Lane, London E8 0XX", "A neighbour reported extremist leaflets and threats posted "
                    + "online under Morgan's name.", "", "")));

    private final CaseFiles files;
    private final Clock clock;

    DemoCases(CaseFiles files, Clock clock) {
        this.files = files;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "casework.cases";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void load() {
        LocalDate today = LocalDate.now(clock.withZone(CaseFiles.LONDON));
        for (Demo demo : CASES) {
            files.open(demo.borough(), demo.ageBand(), today.minusDays(demo.openedDaysAgo()), demo.details(), "system");
        }
        String closed = files.open(TOWER_HAMLETS, "18_20", today.minusMonths(5), new CaseDetails(
                "Riley Fictional-Case", LocalDate.of(2006, 5, 9), "9 Sample Road, London E14 0XX",
                "A friend was worried; the team found ordinary stresses and no sign of radicalisation.", "", ""), "system");
        files.close(closed, CaseOutcome.NO_FURTHER_ACTION, today.minusMonths(4), "system");
        String expired = files.open(TOWER_HAMLETS, "21_39", today.minusYears(3).minusMonths(4), new CaseDetails(
                "Taylor Expired-Example", LocalDate.of(1995, 9, 17), "5 Old Demo Street, London E2 0XX",
                "Signposted to mental health support three years ago.", "", ""), "system");
        files.close(expired, CaseOutcome.SIGNPOSTED, today.minusYears(3).minusMonths(1), "system");
        String held = files.open(NEWHAM, "21_39", today.minusYears(4), new CaseDetails("Quinn Held-Example",
                LocalDate.of(1990, 2, 2), "8 Court Demo Road, London E15 0XX",
                "Closed with no further action; now part of legal proceedings.", "", ""), "system");
        files.close(held, CaseOutcome.NO_FURTHER_ACTION, today.minusYears(3).minusMonths(2), "system");
        files.placeLegalHold(held, "Demo: part of legal proceedings", "system");
    }

    @Override
    public List<String> instructions() {
        return List.of("Cases: sign in as the Tower Hamlets practitioner and open /staff/cases; a Newham case gives "
                + "403 with break-glass; /staff/retention as the DPO; `admin run-retention` deletes the expired demo case.");
    }

    @Override
    public List<String> personalValues() {
        List<String> values = new ArrayList<>();
        for (Demo demo : CASES) {
            add(values, demo.details());
        }
        values.addAll(List.of("Riley Fictional-Case", "9 Sample Road", "Taylor Expired-Example", "5 Old Demo Street",
                "Quinn Held-Example", "8 Court Demo Road"));
        return values;
    }

    private static void add(List<String> values, CaseDetails details) {
        values.add(details.fullName());
        values.add(details.address());
        values.add(details.summary());
        if (!details.reporterName().isBlank()) {
            values.add(details.reporterName());
            values.add(details.reporterContact());
        }
        if (details.dateOfBirth() != null) {
            values.add(details.dateOfBirth().toString());
        }
    }
}
