package uk.org.safeguard.identity;

/**
 * One thing a member of staff may do. Roles grant explicit sets of these ({@link Role}); routes and
 * services check them, never roles. Permissions that reach personal data about a person in a case are
 * marked, so that a test can prove which roles can never see it.
 */
public enum Permission {

    /** Read concerns and cases in the boroughs the account covers. */
    CASE_READ(true),
    /** Triage, gather information, assess, plan and review cases in the account's boroughs. */
    CASE_WORK(true),
    /** Assign cases to practitioners in the account's boroughs. */
    CASE_ASSIGN(true),
    /** Transfer cases between boroughs. */
    CASE_TRANSFER(true),
    /** Run the borough's multi-agency panel: agenda, attendance, chairing. */
    PANEL_CHAIR(true),
    /** Record the police screening outcome of referrals in the boroughs the account covers. */
    POLICE_SCREENING_RECORD(true),
    /** Read only the cases on the agenda of panels the account sits on. */
    PANEL_AGENDA_READ(true),
    /** Record panel decisions and actions for cases on those agendas. */
    PANEL_DECISION_RECORD(true),
    /** Run grant rounds, applications, awards and monitoring. */
    GRANTS_MANAGE(false),
    /** Record engagement events and advisors' recommendations. */
    ENGAGEMENT_MANAGE(false),
    /** Run surveys and the research indicators. */
    RESEARCH_MANAGE(false),
    /** Edit public guidance content and translations. */
    CONTENT_MANAGE(false),
    /** Read dashboards and aggregate statistics (never a person's record). */
    AGGREGATES_READ(false),
    /** Read and verify the audit trail. */
    AUDIT_READ(false),
    /** Handle complaints. */
    COMPLAINTS_MANAGE(false),
    /** Ask for time-limited access to a person's record, with a reason, reviewed afterwards. */
    BREAK_GLASS_REQUEST(false),
    /** Answer subject access requests. */
    SUBJECT_ACCESS_MANAGE(false),
    /** Set retention rules and approve deletions. */
    RETENTION_MANAGE(false),
    /** Create, change and disable staff accounts and their roles. */
    ACCOUNTS_MANAGE(false),
    /** Manage partner organisations. */
    ORGANISATIONS_MANAGE(false),
    /** Manage reference data: categories, contacts, languages. */
    REFERENCE_DATA_MANAGE(false);

    /** The prefix of permission authorities in the security context. */
    public static final String AUTHORITY_PREFIX = "PERMISSION_";

    private final boolean personalCaseData;

    Permission(boolean personalCaseData) {
        this.personalCaseData = personalCaseData;
    }

    /** Whether this permission, by itself, shows personal data about people in cases. */
    public boolean personalCaseData() {
        return personalCaseData;
    }

    /** The authority name a route rule or {@code hasAuthority} check uses: {@code PERMISSION_CASE_READ}. */
    public String authority() {
        return AUTHORITY_PREFIX + name();
    }
}
