package com.mediassist.appliance.consult.service;

import com.mediassist.appliance.problem.ApiProblemException;
import com.mediassist.appliance.problem.Problem;
import com.mediassist.core.medication.Alert;
import java.util.List;

/**
 * A prescription was not saved because interrupting alerts lack the doctor's reason. Carries the alerts
 * themselves, written in the request's language, so that a client that could not show them before (the
 * medication module's own endpoint out of service, a failed check) can show them now and ask for the
 * reasons.
 */
public class OverrideRequiredException extends ApiProblemException {

    private final transient List<Alert> alerts;

    /**
     * @param alerts the interrupting alerts without an accepted reason
     * @param errors one entry per alert, naming it in words
     */
    public OverrideRequiredException(List<Alert> alerts, List<Problem.FieldError> errors) {
        super(422, "Override reason required", alerts.size()
                + " interrupting alert(s) need the doctor's reason before the prescription can be saved", errors);
        this.alerts = List.copyOf(alerts);
    }

    /** @return the interrupting alerts that still need a reason */
    public List<Alert> alerts() {
        return alerts;
    }
}
