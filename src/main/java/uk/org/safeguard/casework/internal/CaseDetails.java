package uk.org.safeguard.casework.internal;

import java.time.LocalDate;

import tools.jackson.databind.json.JsonMapper;

/**
 * The personal details of a case, stored only encrypted, as one JSON document.
 *
 * @param fullName the person concerned
 * @param dateOfBirth theirs, if known
 * @param address where they live
 * @param summary what the concern is about, in the practitioner's words
 * @param reporterName who shared the concern (a third party: redacted from the person's subject access export),
 *     or empty when anonymous
 * @param reporterContact how to reach the reporter (third party too), or empty
 */
record CaseDetails(String fullName, LocalDate dateOfBirth, String address, String summary, String reporterName,
        String reporterContact) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    CaseDetails {
        fullName = fullName == null ? "" : fullName;
        address = address == null ? "" : address;
        summary = summary == null ? "" : summary;
        reporterName = reporterName == null ? "" : reporterName;
        reporterContact = reporterContact == null ? "" : reporterContact;
    }

    byte[] toJson() {
        return JSON.writeValueAsBytes(this);
    }

    static CaseDetails fromJson(byte[] json) {
        return JSON.readValue(json, CaseDetails.class);
    }
}
