/**
 * Adult preventive care: the Spanish PAPPS programme (semFYC, with the Ministry of Health vaccine
 * calendar) and the USPSTF A/B recommendations (with the CDC/ACIP adult schedule).
 * {@link com.mediassist.core.prevention.PreventiveCareEngine} takes a plain
 * {@link com.mediassist.core.prevention.PreventionProfile} (birth date, sex, conditions, dated history
 * items with SNOMED CT, CVX or LOINC codes or text, smoking) and an injected {@link java.time.Clock},
 * and reports each item as due, overdue (since when), up to date (next date), not applicable or
 * unknown. Missing history is unknown, never up to date.
 */
package com.mediassist.core.prevention;
