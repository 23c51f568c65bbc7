package com.mediassist.appliance.fhir;

import com.mediassist.appliance.failure.ApplianceException;
import com.mediassist.appliance.failure.FieldViolation;
import java.util.List;

/**
 * The bundle cannot be imported; nothing was stored. Each problem names the entry
 * ({@code entry[12] Condition/abc}) or the bundle element it is about.
 */
public class FhirBundleRejectedException extends ApplianceException {

    private final List<FieldViolation> problems;

    public FhirBundleRejectedException(List<FieldViolation> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in bundle order. */
    public List<FieldViolation> problems() {
        return problems;
    }

    private static String summary(List<FieldViolation> problems) {
        String first = problems.isEmpty() ? "" : ": " + problems.get(0).field() + ": " + problems.get(0).message();
        return problems.size() + " problem(s) in the bundle; nothing was imported" + first;
    }
}
