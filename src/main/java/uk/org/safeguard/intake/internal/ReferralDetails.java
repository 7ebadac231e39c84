package uk.org.safeguard.intake.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * A professional referral: the fields of the national Prevent referral form, as one document stored only
 * encrypted. The same record is filled by the {@code /refer} form and by partners' systems through
 * {@code POST /api/v1/referrals}, and validated by {@link ReferralRules} in both.
 *
 * @param person who the referral is about
 * @param referrer who is referring
 * @param relationship how the referrer knows the person (teacher, social worker, GP...)
 * @param howConcernArose how the concern came about, and any specific event
 * @param indicators what was seen or heard (codes from {@link ReferralRules#INDICATORS})
 * @param ideologyOrGroup the ideology or group, if known
 * @param onlineActivity online activity of concern (platforms, accounts, content)
 * @param worryingContacts people or groups the person is in contact with who cause concern
 * @param threats threats made: who, when, what was said; empty if none
 * @param sendOrDisability special educational needs or disability, if any
 * @param otherSafeguardingConcerns other safeguarding concerns (neglect, exploitation...), if any
 * @param discussedWithPerson whether the concern has been discussed with the person, and what they said
 * @param discussedWithParents whether it has been discussed with parents or carers, and whether they support the referral
 * @param otherAgencies other agencies involved (social care, CAMHS, youth offending...)
 * @param fears what the referrer fears may happen
 */
record ReferralDetails(Person person, Referrer referrer, String relationship, String howConcernArose,
        List<String> indicators, String ideologyOrGroup, String onlineActivity, String worryingContacts,
        String threats, String sendOrDisability, String otherSafeguardingConcerns, String discussedWithPerson,
        String discussedWithParents, String otherAgencies, String fears) {

    ReferralDetails {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    /**
     * @param fullName the person's name
     * @param dateOfBirth if known
     * @param address where they live, one line per part
     * @param postcode used to route the referral to a borough
     * @param gender as the referrer describes it, free text
     * @param schoolOrWorkplace school, college or workplace, if any
     */
    record Person(String fullName, LocalDate dateOfBirth, String address, String postcode, String gender,
            String schoolOrWorkplace) {
    }

    /**
     * @param fullName the referrer's name
     * @param organisation their school, council, service or employer
     * @param role their job title
     * @param email where the confirmation link and replies go
     * @param phone a number the borough team can call
     */
    record Referrer(String fullName, String organisation, String role, String email, String phone) {
    }
}
