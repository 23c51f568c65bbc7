package com.mediassist.appliance.consult.service;

import com.mediassist.appliance.failure.ApplianceException;
import com.mediassist.core.medication.Alert;
import java.util.List;

/**
 * A prescription was not saved because interrupting alerts lack the doctor's reason. Carries the alerts
 * themselves, written in the request's language, so that a client that could not show them before (the
 * medication module's own endpoint out of service, a failed check) can show them now and ask for the
 * reasons.
 */
public class OverrideRequiredException extends ApplianceException {

    private final transient List<Alert> alerts;
    private final List<String> missing;

    /**
     * @param alerts  the interrupting alerts without an accepted reason
     * @param missing one sentence per alert, naming it in words and saying that its reason is missing
     */
    public OverrideRequiredException(List<Alert> alerts, List<String> missing) {
        super(alerts.size() + " interrupting alert(s) need the doctor's reason before the prescription can be saved");
        this.alerts = List.copyOf(alerts);
        this.missing = List.copyOf(missing);
    }

    /** @return the interrupting alerts that still need a reason */
    public List<Alert> alerts() {
        return alerts;
    }

    /** @return one sentence per alert without a reason, in the order of {@link #alerts()} */
    public List<String> missing() {
        return missing;
    }
}
