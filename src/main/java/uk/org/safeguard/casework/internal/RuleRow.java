package uk.org.safeguard.casework.internal;

import uk.org.safeguard.web.Field;

/** One outcome's retention rule as the DPO's form shows it. */
public record RuleRow(String outcome, Field years, Field from) {
}
