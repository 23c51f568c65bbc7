package com.mediassist.appliance.consult.service;

import java.util.List;

/** Request bodies of the consultation API. */
public final class Requests {

    private Requests() {
    }

    /** {@code POST /api/v1/consultations}. */
    public record Start(Long patientId) {
    }

    /**
     * {@code PUT /api/v1/consultations/{id}/draft}; a null field keeps the stored value. Evidences are
     * recorded with commands ({@code POST .../commands}) only.
     *
     * @param note          the free-text note (at most 100 000 characters)
     * @param prescriptions the medicines as typed (not checked here; saving them is
     *                      {@code PUT .../prescriptions})
     */
    public record Draft(String note, List<String> prescriptions) {
    }

    /**
     * {@code PUT /api/v1/consultations/{id}/prescriptions}.
     *
     * @param medications the medicines as typed, at most {@value Medications#MAX}
     * @param overrides   a reason for each interrupting alert the doctor keeps the prescription despite
     * @param language    {@code es} or {@code en}, for the alert texts; default {@code es}
     */
    public record Prescriptions(List<String> medications, List<Override> overrides, String language) {
    }

    /**
     * The doctor's decision on one interrupting alert: a coded reason, free text, or both.
     *
     * @param kind       the alert's kind ({@code drug-drug}, {@code drug-allergy}, ...)
     * @param drugs      the drugs the alert names
     * @param reasonCode one of {@link OverrideReason#codes()}; optional when {@code reason} is given
     * @param reason     why the prescription stays, in the doctor's words; required without a code and
     *                   with the code {@code other}
     */
    public record Override(String kind, List<String> drugs, String severity, String reasonCode, String reason) {
    }

    /**
     * {@code POST /api/v1/consultations/{id}/sign-off}. Only the doctor's own words and choice: the
     * evidences, the model and the structured note are the server's (a body naming them is refused as
     * having unknown fields).
     *
     * @param summaryText    the structured note's text as the doctor edited it (required)
     * @param finalDiagnosis {@code {"code": ..., "name": ...}}; code null for a free-text diagnosis; the
     *                       diagnosis chosen with the {@code choose-diagnosis} command when absent
     * @param language       {@code es} or {@code en}, of the note
     */
    public record SignOff(String summaryText, FinalDiagnosis finalDiagnosis, String language) {
    }

    /** A final diagnosis: a pathology code from the differential, or free text with a null code. */
    public record FinalDiagnosis(String code, String name) {
    }

    /** The model bundle behind a suggestion. */
    public record Model(String bundle, String version) {
    }

    /**
     * {@code POST /api/v1/consultations/{id}/feedback}.
     *
     * @param kind   {@code diagnosis}, {@code test}, {@code alert}, {@code question} or {@code treatment}
     * @param item   the suggestion's code (pathology code, evidence code, test, alert key)
     * @param action {@code shown}, {@code accepted}, {@code dismissed} or {@code overridden}
     * @param reason the doctor's reason; required for {@code overridden}
     * @param model  the bundle behind the suggestion; the appliance's knowledge when absent
     */
    public record Feedback(String kind, String item, String action, String reason, Model model) {
    }
}
