package com.mediassist.appliance.prevention.rest;

import com.mediassist.appliance.medication.rest.Notices;
import com.mediassist.appliance.prevention.service.PreventiveCareService;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.prevention.PreventiveCareReport;
import com.mediassist.core.prevention.Programme;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/v1/patients/{id}/preventive-care?language=es&programme=papps}: each preventive item
 * as due, overdue, up to date, not applicable or unknown. Unknown patient: 404.
 */
@Path("/api/v1/patients/{id}/preventive-care")
@RolesAllowed({"doctor", "admin"})
public class PreventiveCareResource {

    private final PreventiveCareService service;

    public PreventiveCareResource(PreventiveCareService service) {
        this.service = service;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public PreventiveCareResponse get(@PathParam("id") long id, @QueryParam("language") String language,
                                      @QueryParam("programme") String programme) {
        Language lang = Language.parse(language);
        Programme prog = Programme.parse(programme);
        PreventiveCareReport r = service.evaluate(id, prog, lang);
        return new PreventiveCareResponse(id, r.asOf(), r.ageYears(), prog.code(), r.items(), r.knowledgeVersion(),
                lang.code(), Notices.advisory(lang), r.deceased());
    }
}
