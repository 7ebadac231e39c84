package uk.org.safeguard.casework.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code casework_case} table, with explicit SQL. */
@Repository
class CaseRecords {

    private static final String COLUMNS = "id, reference, borough_code, status, outcome, age_band, opened_on, closed_on, "
            + "last_reviewed_on, delete_on, key_period, details, legal_hold_since, legal_hold_reason";

    private final JdbcClient jdbc;

    CaseRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String reference, String boroughCode, String ageBand, LocalDate openedOn, byte[] details,
            String personIndex) {
        return jdbc.sql("INSERT INTO casework_case (reference, borough_code, status, age_band, opened_on, details, "
                + "person_index) VALUES (:reference, :borough, 'OPEN', :ageBand, :openedOn, :details, :personIndex) "
                + "RETURNING id")
                .param("reference", reference).param("borough", boroughCode).param("ageBand", ageBand)
                .param("openedOn", Date.valueOf(openedOn)).param("details", details).param("personIndex", personIndex)
                .query(Long.class).single();
    }

    Optional<CaseRecord> find(String reference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework_case WHERE reference = :reference")
                .param("reference", reference).query((rs, n) -> map(rs)).optional();
    }

    /** Locks the row until the transaction ends. */
    Optional<CaseRecord> lock(String reference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework_case WHERE reference = :reference FOR UPDATE")
                .param("reference", reference).query((rs, n) -> map(rs)).optional();
    }

    /** Cases in these boroughs, open first, newest first. */
    List<CaseRecord> inBoroughs(Collection<String> boroughCodes, int limit) {
        if (boroughCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework_case WHERE borough_code IN (:boroughs) "
                + "ORDER BY status DESC, opened_on DESC, id DESC LIMIT :limit")
                .param("boroughs", boroughCodes).param("limit", limit).query((rs, n) -> map(rs)).list();
    }

    List<CaseRecord> byPersonIndex(String personIndex) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework_case WHERE person_index = :index ORDER BY opened_on")
                .param("index", personIndex).query((rs, n) -> map(rs)).list();
    }

    List<CaseRecord> closedWithOutcome(CaseOutcome outcome) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework_case WHERE status = 'CLOSED' AND outcome = :outcome "
                + "AND legal_hold_since IS NULL").param("outcome", outcome.name()).query((rs, n) -> map(rs)).list();
    }

    List<CaseRecord> onLegalHold() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework_case WHERE legal_hold_since IS NOT NULL "
                + "ORDER BY legal_hold_since DESC").query((rs, n) -> map(rs)).list();
    }

    /** References of cases due for deletion on {@code today}: a deletion date reached and no legal hold. */
    List<String> due(LocalDate today) {
        return jdbc.sql("SELECT reference FROM casework_case WHERE delete_on <= :today AND legal_hold_since IS NULL "
                + "ORDER BY delete_on, id").param("today", Date.valueOf(today)).query(String.class).list();
    }

    /** Whether any case's details are still sealed under {@code period}'s key. */
    boolean periodInUse(YearMonth period) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM casework_case WHERE key_period = :period)")
                .param("period", period.toString()).query(Boolean.class).single();
    }

    void close(long id, CaseOutcome outcome, LocalDate closedOn) {
        jdbc.sql("UPDATE casework_case SET status = 'CLOSED', outcome = :outcome, closed_on = :closedOn WHERE id = :id")
                .param("outcome", outcome.name()).param("closedOn", Date.valueOf(closedOn)).param("id", id).update();
    }

    void reviewed(long id, LocalDate on) {
        jdbc.sql("UPDATE casework_case SET last_reviewed_on = :on WHERE id = :id")
                .param("on", Date.valueOf(on)).param("id", id).update();
    }

    /** Sets the deletion date and re-sealed details together. */
    void reseal(long id, LocalDate deleteOn, YearMonth keyPeriod, byte[] details) {
        jdbc.sql("UPDATE casework_case SET delete_on = :deleteOn, key_period = :period, details = :details WHERE id = :id")
                .param("deleteOn", deleteOn == null ? null : Date.valueOf(deleteOn))
                .param("period", keyPeriod == null ? null : keyPeriod.toString()).param("details", details)
                .param("id", id).update();
    }

    void hold(long id, Timestamp since, String reason, byte[] details) {
        jdbc.sql("UPDATE casework_case SET legal_hold_since = :since, legal_hold_reason = :reason, key_period = NULL, "
                + "details = :details WHERE id = :id")
                .param("since", since).param("reason", reason).param("details", details).param("id", id).update();
    }

    void releaseHold(long id) {
        jdbc.sql("UPDATE casework_case SET legal_hold_since = NULL, legal_hold_reason = NULL WHERE id = :id")
                .param("id", id).update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM casework_case WHERE id = :id").param("id", id).update();
    }

    private static CaseRecord map(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        String period = rs.getString("key_period");
        Timestamp hold = rs.getTimestamp("legal_hold_since");
        return new CaseRecord(rs.getLong("id"), rs.getString("reference"), rs.getString("borough_code"),
                rs.getString("status"), outcome == null ? null : CaseOutcome.valueOf(outcome), rs.getString("age_band"),
                date(rs, "opened_on"), date(rs, "closed_on"), date(rs, "last_reviewed_on"), date(rs, "delete_on"),
                period == null ? null : YearMonth.parse(period), rs.getBytes("details"),
                hold == null ? null : hold.toInstant(), rs.getString("legal_hold_reason"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
