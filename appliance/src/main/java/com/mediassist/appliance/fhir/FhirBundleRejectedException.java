package com.mediassist.appliance.fhir;

import com.mediassist.appliance.problem.ApiProblemException;
import com.mediassist.appliance.problem.Problem;
import java.util.List;

/**
 * The bundle cannot be imported; nothing was stored. Each problem names the entry
 * ({@code entry[12] Condition/abc}) or the bundle element it is about.
 */
public class FhirBundleRejectedException extends ApiProblemException {

    public FhirBundleRejectedException(List<Problem.FieldError> problems) {
        super(400, "FHIR bundle rejected", summary(problems), problems);
    }

    private static String summary(List<Problem.FieldError> problems) {
        String first = problems.isEmpty() ? "" : ": " + problems.get(0).field() + ": " + problems.get(0).message();
        return problems.size() + " problem(s) in the bundle; nothing was imported" + first;
    }
}
