package com.mediassist.appliance.workup.rest;

import com.mediassist.appliance.knowledge.ActiveKnowledge;
import com.mediassist.appliance.medication.rest.Notices;
import com.mediassist.appliance.medication.service.RequestChecks;
import com.mediassist.appliance.problem.ApiProblemException;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.workup.DifferentialEntry;
import com.mediassist.core.workup.WorkupPlan;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.io.IOException;
import java.util.List;

/** {@code POST /api/v1/recommended-tests}: the tests guidelines recommend for a differential. */
@Path("/api/v1/recommended-tests")
@RolesAllowed({"doctor", "admin"})
public class RecommendedTestsResource {

    private final ActiveKnowledge knowledge;
    private final RequestChecks checks;

    public RecommendedTestsResource(ActiveKnowledge knowledge, RequestChecks checks) {
        this.knowledge = knowledge;
        this.checks = checks;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public RecommendedTestsResponse recommend(JsonNode json) throws IOException {
        RecommendedTestsBody body = checks.strict(json, RecommendedTestsBody.class, "differential");
        if (body.differential() == null) {
            throw ApiProblemException.badField("differential", "is required");
        }
        if (body.differential().isEmpty()) {
            throw ApiProblemException.badField("differential", "must list at least one candidate");
        }
        checks.size("differential", body.differential());
        Language language = Language.parse(body.language());
        List<DifferentialEntry> entries = new ArrayList<>();
        for (int i = 0; i < body.differential().size(); i++) {
            RecommendedTestsBody.Candidate c = body.differential().get(i);
            if (c == null || c.pathology() == null || c.pathology().isBlank()) {
                throw ApiProblemException.badField("differential[" + i + "].pathology", "is required");
            }
            if (c.probability() == null) {
                throw ApiProblemException.badField("differential[" + i + "].probability", "is required");
            }
            entries.add(new DifferentialEntry(c.pathology(), c.probability()));
        }
        WorkupPlan plan = knowledge.use(k -> k.workup().recommend(entries, language));
        return new RecommendedTestsResponse(plan.tests(), plan.unknownPathologies(), plan.knowledgeVersion(),
                language.code(), Notices.advisory(language));
    }
}
