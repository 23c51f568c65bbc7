package com.mediassist.appliance.fhir;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * {@code POST /api/v1/fhir/import}: stores one patient's FHIR R4 Bundle (JSON) with their history,
 * all or nothing. Answers 201 with an {@link ImportReport} for a new patient, 200 when the patient
 * was already known (a re-import updates, it does not duplicate), 400 listing every problem.
 * The export is {@code GET /api/v1/patients/{id}/fhir}.
 */
@Path("/api/v1/fhir")
@RolesAllowed({"doctor", "admin"})
public class FhirResource {

    private final FhirImportService imports;

    public FhirResource(FhirImportService imports) {
        this.imports = imports;
    }

    @POST
    @Path("import")
    @Consumes({"application/fhir+json", MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public Response importBundle(String body) {
        ImportReport report = imports.importBundle(body);
        if (report.patientCreated()) {
            return Response.created(URI.create("/api/v1/patients/" + report.patientId())).entity(report).build();
        }
        return Response.ok(report).build();
    }
}
