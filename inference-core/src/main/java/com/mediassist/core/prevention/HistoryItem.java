package com.mediassist.core.prevention;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A dated immunization, procedure or observation from the patient's record.
 *
 * @param code   code without system ("140", "73761001", "4548-4") or with a prefix
 *               ("cvx:140", "snomed:73761001", "loinc:4548-4"); may be empty when {@code text} is given
 * @param system code system URI or name ("http://hl7.org/fhir/sid/cvx", "CVX", "SNOMED", "LOINC"), or empty
 * @param text   free text, Spanish or English ("vacuna de la gripe", "colonoscopia"), or empty
 * @param date   when it was done or measured
 * @param value  numeric value of an observation (e.g. BMI), or {@code null}
 */
public record HistoryItem(String code, String system, String text, LocalDate date, Double value) {

    public HistoryItem {
        code = code == null ? "" : code.trim();
        system = system == null ? "" : system.trim();
        text = text == null ? "" : text;
        Objects.requireNonNull(date, "date");
    }

    /** @return a coded item without value */
    public static HistoryItem coded(String code, LocalDate date) {
        return new HistoryItem(code, "", "", date, null);
    }

    /** @return a text-only item */
    public static HistoryItem text(String text, LocalDate date) {
        return new HistoryItem("", "", text, date, null);
    }
}
