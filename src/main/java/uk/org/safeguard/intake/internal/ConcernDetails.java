package uk.org.safeguard.intake.internal;

import java.util.List;

/**
 * Everything a person shared through {@code /concern}, as they gave it: the stored (encrypted) details of
 * a concern. Choices are kept as their stable values (for example {@code someone-else}, {@code 16-17}),
 * free text exactly as typed. The contact fields are null when the person stayed anonymous.
 *
 * @param about {@code someone-else} or {@code myself}
 * @param immediateDanger the person said someone was in immediate danger and went on after the 999 page
 * @param relationship how they know the person, or null when the concern is about themselves
 * @param relationshipOther their own words when the relationship is {@code other}
 * @param ageBand one of the age bands, or {@code dont-know}
 * @param postcode the postcode as given (trimmed), or null
 * @param boroughCode the borough the person chose, or null
 * @param whereUnknown the person does not know (or, about themselves, did not want to say) where they live
 * @param noticed the signs ticked
 * @param noticedDetails what they noticed, in their own words
 * @param since when they first noticed
 * @param online where online, or {@code none}
 * @param onlineDetails what they saw online, in their own words
 * @param childrenAtRisk {@code yes}, {@code no} or {@code dont-know}
 * @param othersKnow who else knows, or {@code nobody}
 * @param anonymous the person chose not to give their name or contact details
 * @param name their name, or null
 * @param email their email address, or null
 * @param phone their phone number, or null
 * @param bestTime when to contact them, or null
 */
record ConcernDetails(String about, boolean immediateDanger, String relationship, String relationshipOther,
        String ageBand, String postcode, String boroughCode, boolean whereUnknown, List<String> noticed,
        String noticedDetails, String since, List<String> online, String onlineDetails, String childrenAtRisk,
        List<String> othersKnow, boolean anonymous, String name, String email, String phone, String bestTime) {

    ConcernDetails {
        noticed = noticed == null ? List.of() : List.copyOf(noticed);
        online = online == null ? List.of() : List.copyOf(online);
        othersKnow = othersKnow == null ? List.of() : List.copyOf(othersKnow);
    }
}
