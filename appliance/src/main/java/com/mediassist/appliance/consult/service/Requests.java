package com.mediassist.appliance.consult.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Request bodies of the consultation API. */
public final class Requests {

    private Requests() {
    }

    /** {@code POST /api/v1/consultations}. */
    public record Start(Long patientId) {
    }

    /**
     * {@code PUT /api/v1/consultations/{id}/draft}; a null field keeps the stored value.
     *
     * @param note          the free-text note (at most 100 000 characters)
     * @param evidences     a JSON array of the recorded evidences
     * @param prescriptions the medicines as typed (not checked here; saving them is
     *                      {@code PUT .../prescriptions})
     */
    public record Draft(String note, JsonNode evidences, List<String> prescriptions) {
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
     * {@code POST /api/v1/consultations/{id}/sign-off}.
     *
     * @param note               the final free-text note
     * @param summaryText        the structured note's text as the doctor edited it (required)
     * @param structuredNote     the structured note from the summary module (sections, findings...)
     * @param evidences          the recorded evidences (UI objects)
     * @param diagnosisEvidences the evidence codes the final differential was computed from
     * @param diagnosisAbsent    the evidence codes denied
     * @param finalDiagnosis     {@code {"code": ..., "name": ...}}; code null for a free-text diagnosis
     * @param model              {@code {"bundle": ..., "version": ...}} of the differential shown
     */
    public record SignOff(String note, String summaryText, JsonNode structuredNote, JsonNode evidences,
            List<String> diagnosisEvidences, List<String> diagnosisAbsent, List<String> prescriptions,
            FinalDiagnosis finalDiagnosis, Model model, String language) {
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
