package com.mediassist.appliance.medication.rest;

import com.mediassist.appliance.medication.service.MedicationCheckService;
import com.mediassist.appliance.medication.service.RequestChecks;
import com.mediassist.appliance.problem.ApiProblemException;
import com.mediassist.core.knowledge.ConditionCatalog;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.medication.MedicationCheckResult;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /api/v1/medication-check}: drug–drug, drug–allergy, drug–condition and duplicate-therapy
 * alerts for what is being prescribed. An unrecognised medicine is not an error: it is listed in
 * {@code unknown}. An unknown {@code patientId} is a 404.
 */
@Path("/api/v1/medication-check")
@RolesAllowed({"doctor", "admin"})
public class MedicationCheckResource {

    private final MedicationCheckService service;
    private final RequestChecks checks;

    public MedicationCheckResource(MedicationCheckService service, RequestChecks checks) {
        this.service = service;
        this.checks = checks;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public MedicationCheckResponse check(JsonNode json) throws IOException {
        MedicationCheckBody body = checks.strict(json, MedicationCheckBody.class, "medications");
        Language language = Language.parse(body.language());
        List<String> meds = checks.texts("medications", body.medications(), body.patientId() == null);
        List<String> allergies = checks.texts("allergies", body.allergies(), false);
        List<String> conditions = checks.texts("conditions", body.conditions(), false);
        Double egfr = body.egfr();
        if (body.observations() != null) {
            checks.size("observations", body.observations());
            for (int i = 0; i < body.observations().size(); i++) {
                MedicationCheckBody.Observation o = body.observations().get(i);
                if (o == null || o.code() == null || o.value() == null) {
                    throw ApiProblemException.badField("observations[" + i + "]", "needs a code and a numeric value");
                }
                String code = o.code().trim().toLowerCase(Locale.ROOT);
                if (!code.equals("egfr") && !ConditionCatalog.EGFR_LOINC.contains(code)) {
                    throw ApiProblemException.badField("observations[" + i + "].code",
                            "only eGFR is used (\"egfr\" or LOINC " + String.join(", ",
                                    ConditionCatalog.EGFR_LOINC.stream().sorted().toList()) + "), got \"" + o.code() + "\"");
                }
                if (egfr == null) {
                    egfr = o.value();
                }
            }
        }
        MedicationCheckService.Outcome outcome = service.check(meds, body.patientId(), allergies, conditions, egfr,
                language);
        MedicationCheckResult r = outcome.result();
        return new MedicationCheckResponse(r.medications(), r.unknown(), r.alerts(), r.interrupts(),
                outcome.storedMedications(), r.unrecognisedAllergies(), r.unrecognisedConditions(),
                r.knowledgeVersion(), language.code(), Notices.advisory(language));
    }
}
