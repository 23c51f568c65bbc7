package com.mediassist.appliance.diagnosis.rest;

import com.mediassist.appliance.diagnosis.service.DiagnosisService;
import com.mediassist.appliance.problem.ApiProblemException;
import com.mediassist.appliance.problem.QueryParams;
import com.mediassist.core.diagnosis.DiagnosisException.DiagnosisUnavailableException;
import com.mediassist.core.diagnosis.DiagnosisResult;
import com.mediassist.core.diagnosis.DiagnosisResult.AnswerOption;
import com.mediassist.core.fit.ScopeStatement;
import com.mediassist.core.knowledge.InvalidClinicalInputException;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.KnowledgeException.InvalidFindingException;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.knowledge.PatientFindings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Diagnosis suggestions and the evidence search of the symptom picker. */
@Path("/api/v1/diagnosis")
@RolesAllowed({"doctor", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class DiagnosisResource {

    private static final int MAX_RESULTS = 50;
    /** The short clinical labels the next questions use, for the picker's options too. */
    private static final com.mediassist.core.summary.lexicon.ClinicalLabels LABELS =
            com.mediassist.core.summary.lexicon.ClinicalLabels.loadDefault();

    private final DiagnosisService service;

    public DiagnosisResource(DiagnosisService service) {
        this.service = service;
    }

    /**
     * The differential, red flags and next questions for the patient described in the body. A body with
     * {@code unmappedFindings} (even empty) comes from a note and is diagnosed as one
     * ({@link DiagnosisService#diagnoseNote}).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public DiagnosisResult diagnose(DiagnosisRequest request) {
        if (request == null) {
            throw ApiProblemException.badField("body", "a JSON object with age, sex and evidences is required");
        }
        Language lang = language(request.language());
        Knowledge knowledge = knowledge();
        PatientFindings findings;
        try {
            findings = knowledge.findings(request.age(), request.sex(), request.evidences(), request.absent());
        } catch (InvalidFindingException e) {
            throw ApiProblemException.badField(e.item(), e.reason());
        }
        List<String> unmapped = unmapped(request.unmappedFindings());
        try {
            // unmappedFindings is what the note reader (/api/v1/summary) returns: a request that carries it
            // describes a note, whose findings may stand for more than one DDXPlus coding
            return request.unmappedFindings() != null
                    ? service.diagnoseNote(findings, unmapped, lang)
                    : service.diagnose(findings, unmapped, lang);
        } catch (DiagnosisUnavailableException e) {
            throw unavailable(e);
        }
    }

    /** What the model covers and what it does not, in words. */
    @GET
    @Path("/scope")
    public ScopeStatement scope(@QueryParam("lang") String lang) {
        Language language;
        try {
            language = Language.parse(lang);
        } catch (InvalidClinicalInputException e) {
            throw ApiProblemException.badField("lang", "expected \"es\" or \"en\" but found \"" + lang + "\"");
        }
        return ScopeStatement.of(language);
    }

    private static List<String> unmapped(List<String> given) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > DiagnosisRequest.MAX_UNMAPPED) {
            throw ApiProblemException.badField("unmappedFindings", "at most " + DiagnosisRequest.MAX_UNMAPPED
                    + " findings, found " + given.size());
        }
        for (int i = 0; i < given.size(); i++) {
            String f = given.get(i);
            if (f == null || f.isBlank()) {
                throw ApiProblemException.badField("unmappedFindings[" + i + "]", "must be a non-empty text");
            }
            if (f.length() > DiagnosisRequest.MAX_UNMAPPED_CHARS) {
                throw ApiProblemException.badField("unmappedFindings[" + i + "]", "at most "
                        + DiagnosisRequest.MAX_UNMAPPED_CHARS + " characters, found " + f.length());
            }
        }
        return given;
    }

    /** Evidences whose question matches the words typed, accent- and case-insensitively. */
    @GET
    @Path("/evidences")
    public List<EvidenceSummary> evidences(@QueryParam("q") String q, @QueryParam("language") String language,
                                           @QueryParam("limit") String limitParam) {
        int limit = QueryParams.intOr("limit", limitParam, 20);
        if (q == null || q.isBlank()) {
            throw ApiProblemException.badField("q", "type at least one word to search the evidences");
        }
        if (limit < 1 || limit > MAX_RESULTS) {
            throw ApiProblemException.badField("limit", "must be between 1 and " + MAX_RESULTS + ", found " + limit);
        }
        Language lang = language(language);
        return knowledge().search(q, lang, limit).stream()
                .map(e -> new EvidenceSummary(e.code().value(), e.question().in(lang), e.type().name(), e.antecedent(),
                        e.values().stream().map(v -> new AnswerOption(v.code(), v.label().in(lang))).toList(),
                        LABELS.label(e.code(), lang).orElse(e.question().in(lang)),
                        e.parentCode().map(com.mediassist.core.knowledge.EvidenceCode::value).orElse(null)))
                .toList();
    }

    private Knowledge knowledge() {
        try {
            return service.knowledge();
        } catch (DiagnosisUnavailableException e) {
            throw unavailable(e);
        }
    }

    private static ApiProblemException unavailable(DiagnosisUnavailableException e) {
        return new ApiProblemException(503, "Diagnosis unavailable", e.getMessage());
    }

    private static Language language(String tag) {
        try {
            return Language.parse(tag);
        } catch (IllegalArgumentException e) {
            throw ApiProblemException.badField("language", e.getMessage());
        }
    }
}
