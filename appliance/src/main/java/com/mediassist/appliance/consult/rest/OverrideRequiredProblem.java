package com.mediassist.appliance.consult.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.mediassist.appliance.problem.Problem;
import com.mediassist.core.medication.Alert;
import java.util.List;

/**
 * The RFC 9457 body of a 422 "override reason required": the usual problem members plus the extension
 * member {@code alerts} (the interrupting alerts, in the request's language) and {@code reasonCodes}
 * (the coded reasons the API accepts).
 *
 * @param type        {@link #TYPE}
 * @param title       a short summary
 * @param status      422
 * @param detail      how many alerts need a reason
 * @param instance    the request path
 * @param errors      one entry per alert
 * @param alerts      the alerts that need a reason
 * @param reasonCodes the accepted {@code reasonCode} values
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record OverrideRequiredProblem(String type, String title, int status, String detail, String instance,
        List<Problem.FieldError> errors, List<Alert> alerts, List<String> reasonCodes) {

    /** The problem type a client tells this problem apart by. */
    public static final String TYPE = "https://mediassist.local/problems/override-reason-required";
}
