package uk.org.safeguard.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.org.safeguard.identity.Permission.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void onlyCaseworkRolesReachPersonalCaseData() {
        Set<Role> withPersonalData = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (role.permissions().stream().anyMatch(Permission::personalCaseData)) {
                withPersonalData.add(role);
            }
        }
        assertThat(withPersonalData).containsExactlyInAnyOrder(Role.PRACTITIONER, Role.BOROUGH_LEAD,
                Role.POLICE_PREVENT, Role.PANEL_MEMBER);
    }

    @Test
    void eachRoleHasItsExplicitSet() {
        assertThat(Role.PRACTITIONER.permissions()).containsExactlyInAnyOrder(CASE_READ, CASE_WORK, BREAK_GLASS_REQUEST);
        assertThat(Role.BOROUGH_LEAD.permissions()).containsAll(Role.PRACTITIONER.permissions())
                .contains(CASE_ASSIGN, CASE_TRANSFER, PANEL_CHAIR);
        assertThat(Role.POLICE_PREVENT.permissions()).containsExactly(POLICE_SCREENING_RECORD);
        assertThat(Role.PANEL_MEMBER.permissions()).containsExactlyInAnyOrder(PANEL_AGENDA_READ, PANEL_DECISION_RECORD);
        assertThat(Role.ANALYST.permissions()).containsExactly(AGGREGATES_READ);
        assertThat(Role.OVERSIGHT.permissions()).contains(AUDIT_READ, AGGREGATES_READ, COMPLAINTS_MANAGE,
                BREAK_GLASS_REQUEST).doesNotContain(CASE_READ);
        assertThat(Role.DPO.permissions()).containsExactlyInAnyOrder(SUBJECT_ACCESS_MANAGE, RETENTION_MANAGE);
        assertThat(Role.ADMIN.permissions()).containsExactlyInAnyOrder(ACCOUNTS_MANAGE, ORGANISATIONS_MANAGE,
                REFERENCE_DATA_MANAGE, CONTENT_MANAGE);
        assertThat(Role.PROGRAMME.permissions()).contains(GRANTS_MANAGE, CONTENT_MANAGE)
                .noneMatch(Permission::personalCaseData);
    }

    @Test
    void everyPermissionIsGrantedBySomeRole() {
        assertThat(Role.permissionsOf(List.of(Role.values()))).containsExactlyInAnyOrder(Permission.values());
    }

    @Test
    void boroughScopedRoles() {
        assertThat(EnumSet.allOf(Role.class).stream().filter(Role::needsBorough))
                .containsExactlyInAnyOrder(Role.PRACTITIONER, Role.BOROUGH_LEAD, Role.POLICE_PREVENT);
    }

    @Test
    void rolesParseFromTheCommandLine() {
        assertThat(Role.parse("borough-lead")).contains(Role.BOROUGH_LEAD);
        assertThat(Role.parse(" admin ")).contains(Role.ADMIN);
        assertThat(Role.parse("superuser")).isEmpty();
    }

    @Test
    void staffUserChecks() {
        StaffUser user = new StaffUser(7, "Org", Set.of(Role.PRACTITIONER),
                Role.permissionsOf(Set.of(Role.PRACTITIONER)), List.of("E09000030"), java.time.Instant.now(), 0);
        assertThat(user.hasPermission(CASE_READ)).isTrue();
        assertThat(user.hasPermission(ACCOUNTS_MANAGE)).isFalse();
        assertThat(user.canAccessBorough("E09000030")).isTrue();
        assertThat(user.canAccessBorough("E09000001")).isFalse();
        assertThat(user.reference()).isEqualTo("account:7").isEqualTo(user.getName());
    }
}
