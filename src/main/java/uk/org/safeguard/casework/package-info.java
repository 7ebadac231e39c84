/**
 * Casework: what borough teams and their multi-agency panels do with a concern. Triage, police
 * screening, information gathering, decisions, panels and their agendas, consent, vulnerability
 * assessments, support plans, reviews, tasks and deadlines, transfers between boroughs and linking
 * repeat referrals. Every judgement is a named practitioner's; the system never scores a person.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Casework")
package uk.org.safeguard.casework;
