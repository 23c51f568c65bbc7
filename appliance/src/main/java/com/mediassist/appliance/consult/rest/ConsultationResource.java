package com.mediassist.appliance.consult.rest;

import com.mediassist.appliance.consult.service.ConsultationAccess;
import com.mediassist.appliance.consult.workspace.ConsultationWorkspace;
import com.mediassist.appliance.consult.service.ConsultationExportService;
import com.mediassist.appliance.consult.service.ConsultationService;
import com.mediassist.appliance.problem.ApiProblemException;
import com.mediassist.appliance.problem.QueryParams;
import com.mediassist.appliance.consult.service.ConsultationView;
import com.mediassist.appliance.consult.service.PrescriptionService;
import com.mediassist.appliance.consult.service.Requests;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * Consultations: {@code POST /api/v1/consultations} starts one for a patient; the draft is saved
 * with {@code PUT .../draft}; {@code POST .../sign-off} closes it with the final diagnosis and what
 * the server computed ({@link WorkspaceResource} for the view and the doctor's commands);
 * {@code POST .../feedback} records what was shown and what the doctor did with it.
 */
@Path("/api/v1/consultations")
@RolesAllowed({"doctor", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConsultationResource {

    private final ConsultationService consultations;
    private final ConsultationExportService export;
    private final PrescriptionService prescriptions;
    private final ConsultationAccess access;
    private final ConsultationWorkspace workspace;
    private final SecurityIdentity identity;

    public ConsultationResource(ConsultationService consultations, ConsultationExportService export,
            PrescriptionService prescriptions, ConsultationAccess access, ConsultationWorkspace workspace,
            SecurityIdentity identity) {
        this.workspace = workspace;
        this.consultations = consultations;
        this.export = export;
        this.prescriptions = prescriptions;
        this.access = access;
        this.identity = identity;
    }

    private String user() {
        return identity.getPrincipal().getName();
    }

    @POST
    public Response start(Requests.Start request) {
        ConsultationView c = consultations.start(request == null ? null : request.patientId(), user());
        return Response.created(URI.create("/api/v1/consultations/" + c.id())).entity(c).build();
    }

    @GET
    @Path("{id}")
    public ConsultationView get(@PathParam("id") long id) {
        return consultations.get(id, user());
    }

    /** {@code GET /api/v1/consultations?patientId=12}: a patient's consultations, newest first. */
    @GET
    public List<ConsultationView> forPatient(@QueryParam("patientId") String patientIdParam) {
        Long patientId = QueryParams.optionalLong("patientId", patientIdParam);
        if (patientId == null) {
            throw ApiProblemException.badField("patientId", "is required");
        }
        return consultations.forPatient(patientId, user());
    }

    @PUT
    @Path("{id}/draft")
    public ConsultationView draft(@PathParam("id") long id, Requests.Draft draft) {
        return consultations.saveDraft(id, draft, user());
    }

    /**
     * Saves the prescription after the medication-safety check; 422 problem details list every
     * interrupting alert that lacks the doctor's override reason.
     */
    @PUT
    @Path("{id}/prescriptions")
    public PrescriptionService.Saved prescriptions(@PathParam("id") long id, Requests.Prescriptions request) {
        return prescriptions.save(id, request, user());
    }

    @POST
    @Path("{id}/sign-off")
    public ConsultationView signOff(@PathParam("id") long id, Requests.SignOff request) {
        return workspace.signOff(id, request, user());
    }

    /** The signed-off consultation as a FHIR R4 document Bundle (Composition first). */
    @GET
    @Path("{id}/fhir")
    @Produces({"application/fhir+json", MediaType.APPLICATION_JSON})
    public String fhir(@PathParam("id") long id) {
        return export.fhir(id, user());
    }

    /**
     * Another doctor continues a consultation: it becomes theirs, and the audit log records from
     * whom. Without it only the consultation's doctor (or an admin) may change it (403 otherwise).
     */
    @POST
    @Path("{id}/take-over")
    @Consumes(MediaType.WILDCARD)
    public ConsultationView takeOver(@PathParam("id") long id) {
        return access.takeOver(id, user(), consultations);
    }

    @POST
    @Path("{id}/feedback")
    public Response feedback(@PathParam("id") long id, Requests.Feedback request) {
        consultations.feedback(id, request, user());
        return Response.noContent().build();
    }
}
