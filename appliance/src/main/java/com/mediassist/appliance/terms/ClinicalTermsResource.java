package com.mediassist.appliance.terms;

import com.mediassist.appliance.problem.ApiProblemException;
import com.mediassist.core.knowledge.Language;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/clinical-terms}: clinical words for the symptom picker, and short labels. */
@Path("/api/v1/clinical-terms")
@RolesAllowed({"doctor", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class ClinicalTermsResource {

    private static final int MAX_RESULTS = 50;

    private final ClinicalTerms terms;

    public ClinicalTermsResource(ClinicalTerms terms) {
        this.terms = terms;
    }

    /** The answer of a search: the terms found, best first. */
    public record Found(List<ClinicalTerm> terms) {
    }

    /** The short clinical label of each evidence, in one language. */
    public record Labels(String language, Map<String, String> labels) {
    }

    @GET
    public Found search(@QueryParam("q") String q, @QueryParam("language") String language,
                        @QueryParam("limit") @DefaultValue("8") int limit) {
        if (q == null || q.isBlank()) {
            throw ApiProblemException.badField("q", "type at least one word to search the clinical terms");
        }
        if (limit < 1 || limit > MAX_RESULTS) {
            throw ApiProblemException.badField("limit", "must be between 1 and " + MAX_RESULTS + ", found " + limit);
        }
        return new Found(terms.search(q, parse(language), limit));
    }

    @GET
    @Path("/labels")
    public Labels labels(@QueryParam("language") String language) {
        Language lang = parse(language);
        return new Labels(lang.name().toLowerCase(java.util.Locale.ROOT), terms.labels(lang));
    }

    private static Language parse(String language) {
        try {
            return Language.parse(language);
        } catch (IllegalArgumentException e) {
            throw ApiProblemException.badField("language", e.getMessage());
        }
    }
}
