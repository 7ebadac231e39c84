package uk.org.safeguard.casework.internal;

/** How a case ended; each outcome has its own retention rule. */
enum CaseOutcome {
    /** Looked at, and nothing more was needed. */
    NO_FURTHER_ACTION,
    /** The person was pointed to ordinary services (health, education, youth services...). */
    SIGNPOSTED,
    /** The police took it on (a police-led case). */
    POLICE_LED,
    /** The multi-agency panel adopted the case and support was offered. */
    SUPPORT_ADOPTED
}
