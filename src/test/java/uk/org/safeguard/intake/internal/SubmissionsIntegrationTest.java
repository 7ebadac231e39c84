package uk.org.safeguard.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.org.safeguard.intake.SubmissionKind;
import uk.org.safeguard.support.IntegrationTest;

/**
 * Storing a submission: reference and follow-up code, details only encrypted, the code only as a keyed
 * hash, the arrival audited, and {@code ConcernSubmitted} delivered to casework's inbox once routed.
 */
@IntegrationTest
class SubmissionsIntegrationTest {

    static final String TOWER_HAMLETS = "E09000030";

    @Autowired
    Submissions submissions;

    @Autowired
    BoroughRouting routing;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReplayConcernsCommand replay;

    record Details(String name, String noticed) {
    }

    @Test
    void aConcernIsStoredEncryptedWithAHashedCodeAuditedAndReachesCaseworksInbox() {
        Details details = new Details("Zoë O'Brien-محمد 👩🏽‍💻", "Posting about e\u0301vents");
        Receipt receipt = submissions.submit(new NewSubmission(SubmissionKind.CONCERN, Channel.PUBLIC, TOWER_HAMLETS,
                true, false, "ar", details, null, false, true));

        assertThat(receipt.reference()).matches("SG-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}");
        assertThat(receipt.followUpCode()).matches("([2-9A-HJKMNP-TV-Z]{4}-){4}[2-9A-HJKMNP-TV-Z]{4}");

        Map<String, Object> row = jdbc.sql("SELECT * FROM intake_submission WHERE reference = :r")
                .param("r", receipt.reference()).query().singleRow();
        String stored = new String((byte[]) row.get("details"), StandardCharsets.ISO_8859_1);
        assertThat(stored).doesNotContain("Brien").doesNotContain("vents");
        assertThat((String) row.get("follow_up_hash")).doesNotContain(receipt.followUpCode())
                .doesNotContain(receipt.followUpCode().replace("-", ""));
        assertThat(row.get("language")).isEqualTo("ar");
        assertThat(row.get("urgent")).isEqualTo(true);
        assertThat(submissions.details(receipt.id(), SubmissionKind.CONCERN, (byte[]) row.get("details"), Details.class))
                .isEqualTo(details);

        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'intake.submitted' AND record_id = :r")
                .param("r", receipt.reference()).query(Long.class).single()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM casework_inbox WHERE reference = :r AND urgent AND borough_code = :b")
                .param("r", receipt.reference()).param("b", TOWER_HAMLETS).query(Long.class).single() == 1);
    }

    @Test
    void theFollowUpCodeOpensOnlyItsOwnSubmissionAndForgivesCaseAndSpacing() {
        Receipt first = submissions.submit(concern());
        Receipt second = submissions.submit(concern());

        assertThat(submissions.open(first.reference(), first.followUpCode())).contains(first.id());
        assertThat(submissions.open(first.reference().toLowerCase().replace("-", " "),
                first.followUpCode().toLowerCase().replace("-", ""))).contains(first.id());
        assertThat(submissions.open(first.reference(), second.followUpCode())).isEmpty();
        assertThat(submissions.open(second.reference(), first.followUpCode())).isEmpty();
        assertThat(submissions.open(first.reference(), "not a code")).isEmpty();
    }

    @Test
    void aReferralWaitingForEmailConfirmationIsNotRoutedUntilConfirmed() throws Exception {
        Receipt receipt = submissions.submit(new NewSubmission(SubmissionKind.REFERRAL, Channel.PROFESSIONAL, null,
                false, false, "en", new Details("A Person", "x"), null, true, true));
        Thread.sleep(500);
        assertThat(inbox(receipt.reference())).isZero();
        assertThat(queued(receipt)).as("not queued for delivery").isZero();
        assertThat(status(receipt.reference())).isEqualTo("AWAITING_CONFIRMATION");

        assertThat(submissions.confirm(receipt.id())).isTrue();
        assertThat(submissions.confirm(receipt.id())).isFalse();
        assertThat(status(receipt.reference())).isEqualTo("RECEIVED");
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox(receipt.reference()) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> queued(receipt) == 0);
    }

    @Test
    void hateReportsGoToTheProgrammeNotToCasework() throws Exception {
        Receipt receipt = submissions.submit(new NewSubmission(SubmissionKind.HATE_REPORT, Channel.PUBLIC, null,
                false, true, "en", new Details("", "graffiti"), null, false, true));
        assertThat(queued(receipt)).as("never queued for casework").isZero();
        Thread.sleep(500);
        assertThat(inbox(receipt.reference())).isZero();
        assertThat(status(receipt.reference())).isEqualTo("RECEIVED");
    }

    @Test
    void manySubmissionsInOneTransactionEachGetTheirOwnReference() {
        List<Receipt> receipts = submissions.submitAll(List.of(concern(), concern(), concern()));
        assertThat(receipts).extracting(Receipt::reference).doesNotHaveDuplicates().hasSize(3);
        assertThat(receipts).allSatisfy(r -> assertThat(status(r.reference())).isEqualTo("RECEIVED"));
    }

    @Test
    void routingTakesTheBoroughOfALondonPostcodeOrTheChoiceAndOtherwiseTheCityWideQueue() {
        assertThat(routing.route("e1 0aa", null)).isEqualTo(TOWER_HAMLETS);
        assertThat(routing.route("E14", null)).isEqualTo(TOWER_HAMLETS);
        assertThat(routing.route(null, TOWER_HAMLETS)).isEqualTo(TOWER_HAMLETS);
        assertThat(routing.route("M1 1AE", null)).isNull();
        assertThat(routing.route("not a postcode", null)).isNull();
        assertThat(routing.route("", "E09999999")).isNull();
    }

    @Test
    void replayingDeliversRoutedConcernsAgainToAListenerThatLacksThem() {
        Receipt receipt = submissions.submit(concern());
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox(receipt.reference()) == 1);
        jdbc.sql("DELETE FROM casework_inbox WHERE reference = :r").param("r", receipt.reference()).update();

        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int exit = replay.run(uk.org.safeguard.platform.AdminArguments.parse(
                List.of("--since", java.time.LocalDate.now().minusDays(1).toString())),
                new java.io.PrintStream(out, true), System.err);

        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("Publishing ConcernSubmitted again for ");
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox(receipt.reference()) == 1);
        assertThat(replay.run(uk.org.safeguard.platform.AdminArguments.parse(List.of("--since", "yesterday")),
                new java.io.PrintStream(new java.io.ByteArrayOutputStream()), new java.io.PrintStream(new java.io.ByteArrayOutputStream())))
                .isEqualTo(2);
    }

    private NewSubmission concern() {
        return new NewSubmission(SubmissionKind.CONCERN, Channel.PUBLIC, null, false, true, "en",
                new Details("", "something"), null, false, true);
    }

    private long queued(Receipt receipt) {
        return jdbc.sql("SELECT count(*) FROM intake_outbox WHERE submission_id = :id").param("id", receipt.id())
                .query(Long.class).single();
    }

    private long inbox(String reference) {
        return jdbc.sql("SELECT count(*) FROM casework_inbox WHERE reference = :r").param("r", reference)
                .query(Long.class).single();
    }

    private String status(String reference) {
        return jdbc.sql("SELECT status FROM intake_submission WHERE reference = :r").param("r", reference)
                .query(String.class).single();
    }
}
