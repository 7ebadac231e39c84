package uk.org.safeguard.identity;

import static uk.org.safeguard.identity.Permission.*;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A staff role and the explicit set of permissions it grants. An account can hold several roles. */
public enum Role {

    /** Casework in their borough(s). */
    PRACTITIONER(true, EnumSet.of(CASE_READ, CASE_WORK, BREAK_GLASS_REQUEST)),
    /** As a practitioner, plus assignment, transfers and chairing the borough's panel. */
    BOROUGH_LEAD(true, EnumSet.of(CASE_READ, CASE_WORK, CASE_ASSIGN, CASE_TRANSFER, PANEL_CHAIR, BREAK_GLASS_REQUEST)),
    /** Records police screening outcomes for the boroughs they cover. */
    POLICE_PREVENT(true, EnumSet.of(POLICE_SCREENING_RECORD)),
    /** Only cases on the agenda of panels they sit on. */
    PANEL_MEMBER(false, EnumSet.of(PANEL_AGENDA_READ, PANEL_DECISION_RECORD)),
    /** Grants, engagement, research and content; no personal case data. */
    PROGRAMME(false, EnumSet.of(GRANTS_MANAGE, ENGAGEMENT_MANAGE, RESEARCH_MANAGE, CONTENT_MANAGE, AGGREGATES_READ)),
    /** Aggregates only. */
    ANALYST(false, EnumSet.of(AGGREGATES_READ)),
    /** Audit trail, aggregates and complaints; personal data only through break-glass. */
    OVERSIGHT(false, EnumSet.of(AUDIT_READ, AGGREGATES_READ, COMPLAINTS_MANAGE, BREAK_GLASS_REQUEST)),
    /** Subject access and retention. */
    DPO(false, EnumSet.of(SUBJECT_ACCESS_MANAGE, RETENTION_MANAGE)),
    /** Accounts, organisations, reference data and public content; no case data. */
    ADMIN(false, EnumSet.of(ACCOUNTS_MANAGE, ORGANISATIONS_MANAGE, REFERENCE_DATA_MANAGE, CONTENT_MANAGE));

    private final boolean needsBorough;
    private final Set<Permission> permissions;

    Role(boolean needsBorough, EnumSet<Permission> permissions) {
        this.needsBorough = needsBorough;
        this.permissions = Collections.unmodifiableSet(permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    /** Whether an account with this role must cover at least one borough (its work is borough by borough). */
    public boolean needsBorough() {
        return needsBorough;
    }

    /** The union of the permissions of {@code roles}. */
    public static Set<Permission> permissionsOf(Collection<Role> roles) {
        EnumSet<Permission> all = EnumSet.noneOf(Permission.class);
        roles.forEach(r -> all.addAll(r.permissions));
        return Collections.unmodifiableSet(all);
    }

    /** Parses {@code borough_lead}, {@code BOROUGH-LEAD} or {@code BOROUGH_LEAD}. */
    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Role role : values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
