package uk.org.safeguard.intake.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * A hate incident or extremist content report from {@code /report-hate}, stored only encrypted. The strands,
 * incident type and month are also counted, without anything personal, in {@code intake_hate_statistic}.
 *
 * @param strands the monitored strands it concerned (codes of {@link HateReportController#STRANDS})
 * @param incidentType what happened (a code of {@link HateReportController#INCIDENT_TYPES})
 * @param onlineAddress the web address of online content, or empty
 * @param where {@code borough}, {@code postcode} or {@code unknown}
 * @param boroughCode the borough chosen, or null
 * @param postcode the postcode given, or null
 * @param occurredOn the day it happened, or null when the reporter was not sure
 * @param description what happened, in the reporter's words
 * @param contact how to reach the reporter, or null when they stayed anonymous
 */
record HateReportDetails(List<String> strands, String incidentType, String onlineAddress, String where,
        String boroughCode, String postcode, LocalDate occurredOn, String description, Contact contact) {

    HateReportDetails {
        strands = strands == null ? List.of() : List.copyOf(strands);
    }

    /**
     * @param name what to call the reporter, if given
     * @param email an email address, if given
     * @param phone a telephone number, if given
     */
    record Contact(String name, String email, String phone) {
    }
}
