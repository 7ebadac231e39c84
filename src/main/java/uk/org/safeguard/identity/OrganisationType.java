package uk.org.safeguard.identity;

/** The kinds of body whose staff use Safeguard. */
public enum OrganisationType {
    BOROUGH_COUNCIL,
    POLICE_PREVENT,
    HEALTH,
    EDUCATION,
    CHILDRENS_SOCIAL_CARE,
    ADULT_SOCIAL_CARE,
    PROBATION,
    COMMUNITY_PARTNER,
    PROGRAMME_TEAM,
    INDEPENDENT_OVERSIGHT
}
