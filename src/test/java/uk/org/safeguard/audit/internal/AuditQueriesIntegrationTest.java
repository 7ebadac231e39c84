package uk.org.safeguard.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import uk.org.safeguard.audit.AuditEntry;
import uk.org.safeguard.audit.AuditEvent;
import uk.org.safeguard.audit.AuditPage;
import uk.org.safeguard.audit.AuditQueries;
import uk.org.safeguard.audit.AuditSearch;
import uk.org.safeguard.audit.AuditTrail;
import uk.org.safeguard.audit.RecordViewer;
import uk.org.safeguard.support.IntegrationTest;

/** Oversight's search and "who has seen this", on entries each test records under its own references. */
@IntegrationTest
class AuditQueriesIntegrationTest {

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditQueries queries;

    private final String caseId = "SG-" + UUID.randomUUID();
    private final String alice = "account:" + UUID.randomUUID();
    private final String bob = "account:" + UUID.randomUUID();

    @Test
    void searchesByRecordNewestFirst() {
        trail.record(AuditEvent.of(alice, "case.viewed", "case", caseId));
        trail.record(AuditEvent.of(bob, "case.updated", "case", caseId).withDetail("field", "status"));
        trail.record(AuditEvent.of(alice, "case.viewed", "case", "SG-other"));

        AuditPage page = queries.search(AuditSearch.all().forRecord("case", caseId), 0, 10);
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.entries()).extracting(AuditEntry::action).containsExactly("case.updated", "case.viewed");
        assertThat(page.entries()).extracting(AuditEntry::seq).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        AuditEntry update = page.entries().get(0);
        assertThat(update.actor()).isEqualTo(bob);
        assertThat(update.recordId()).isEqualTo(caseId);
        assertThat(update.details()).containsEntry("field", "status");
        assertThat(queries.search(AuditSearch.all().forRecord("grant", caseId), 0, 10).total()).isZero();
    }

    @Test
    void searchesByActorActionAndDate() {
        trail.record(AuditEvent.of(alice, "case.viewed", "case", caseId));
        trail.record(AuditEvent.of(alice, "case.exported", "case", caseId));
        trail.record(AuditEvent.of(alice, "case.viewed", "case", caseId));
        List<AuditEntry> all = queries.search(AuditSearch.all().byActor(alice), 0, 10).entries();
        assertThat(all).hasSize(3);
        assertThat(queries.search(AuditSearch.all().byActor(alice).withAction("case.exported"), 0, 10).entries())
                .extracting(AuditEntry::seq).containsExactly(all.get(1).seq());

        AuditEntry oldest = all.get(2);
        AuditEntry newest = all.get(0);
        assertThat(queries.search(AuditSearch.all().byActor(alice).between(oldest.occurredAt().plusNanos(1000), null), 0, 10)
                .entries()).extracting(AuditEntry::seq).containsExactly(newest.seq(), all.get(1).seq());
        assertThat(queries.search(AuditSearch.all().byActor(alice).between(null, newest.occurredAt()), 0, 10)
                .entries()).extracting(AuditEntry::seq).containsExactly(all.get(1).seq(), oldest.seq());
        assertThat(queries.search(AuditSearch.all().byActor(alice).between(oldest.occurredAt(), oldest.occurredAt()
                .plusNanos(1000)), 0, 10).entries()).extracting(AuditEntry::seq).containsExactly(oldest.seq());
    }

    @Test
    void pagesThroughResults() {
        for (int i = 0; i < 5; i++) {
            trail.record(AuditEvent.of(bob, "case.viewed", "case", caseId + "-" + i));
        }
        AuditPage first = queries.search(AuditSearch.all().byActor(bob), 0, 2);
        AuditPage last = queries.search(AuditSearch.all().byActor(bob), 2, 2);
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.totalPages()).isEqualTo(3);
        assertThat(first.hasNext()).isTrue();
        assertThat(first.entries()).extracting(AuditEntry::recordId).containsExactly(caseId + "-4", caseId + "-3");
        assertThat(last.entries()).extracting(AuditEntry::recordId).containsExactly(caseId + "-0");
        assertThat(last.hasNext()).isFalse();
        assertThatThrownBy(() -> queries.search(AuditSearch.all(), 0, AuditQueries.MAX_PAGE_SIZE + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queries.search(AuditSearch.all(), -1, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whoHasSeenThisListsEachViewerOnceWithTheirLastView() {
        trail.record(AuditEvent.of(alice, "case.viewed", "case", caseId));
        trail.record(AuditEvent.of(bob, "case.viewed", "case", caseId));
        trail.record(AuditEvent.of(alice, "case-document.viewed", "case", caseId));
        trail.record(AuditEvent.of("account:editor", "case.updated", "case", caseId));
        trail.record(AuditEvent.of("account:elsewhere", "case.viewed", "case", caseId + "-other"));

        List<RecordViewer> viewers = queries.viewersOf("case", caseId);
        assertThat(viewers).extracting(RecordViewer::actor).containsExactly(alice, bob);
        assertThat(viewers).extracting(RecordViewer::views).containsExactly(2L, 1L);
        AuditEntry aliceLast = queries.search(AuditSearch.all().forRecord("case", caseId).byActor(alice), 0, 1)
                .entries().get(0);
        assertThat(viewers.get(0).lastViewedAt()).isEqualTo(aliceLast.occurredAt());
        assertThat(queries.viewersOf("case", "SG-never-seen")).isEmpty();
    }
}
