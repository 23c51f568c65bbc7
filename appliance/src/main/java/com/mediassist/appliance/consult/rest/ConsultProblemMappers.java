package com.mediassist.appliance.consult.rest;

import com.mediassist.appliance.consult.service.ConsultationClosedException;
import com.mediassist.appliance.consult.service.ConsultationStillOpenException;
import com.mediassist.appliance.consult.service.NoteNotStructuredException;
import com.mediassist.appliance.consult.service.NotTheConsultationsDoctorException;
import com.mediassist.appliance.consult.service.OverrideReason;
import com.mediassist.appliance.consult.service.OverrideRequiredException;
import com.mediassist.appliance.consult.workspace.InvalidCommandException;
import com.mediassist.appliance.problem.Problem;
import com.mediassist.appliance.problem.ProblemMappers;
import com.mediassist.appliance.problem.ProblemTypes;
import com.mediassist.appliance.sync.NoBundleLoadedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The consultation services' domain exceptions as problem details, each with its status and {@code type}. */
public class ConsultProblemMappers {

    /** 400 naming the bad command field. */
    @ServerExceptionMapper
    public Response invalidCommand(InvalidCommandException e, UriInfo uri) {
        return ProblemMappers.respond(ProblemTypes.INVALID_REQUEST, "Invalid command", 400, e.getMessage(), uri,
                List.of(new Problem.FieldError(e.field(), e.reason())));
    }

    /** 403 for a change to another doctor's consultation. */
    @ServerExceptionMapper
    public Response notTheDoctor(NotTheConsultationsDoctorException e) {
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(new Problem("about:blank",
                "Not your consultation", 403, e.getMessage(), "/api/v1/consultations/" + e.consultationId(),
                List.of())).build();
    }

    /** 409: a signed-off consultation refuses changes and feedback. */
    @ServerExceptionMapper
    public Response closed(ConsultationClosedException e, UriInfo uri) {
        return ProblemMappers.respond(ProblemTypes.CONFLICT, "Consultation signed off", 409, e.getMessage(), uri, List.of());
    }

    /** 409: the export needs a signed-off consultation. */
    @ServerExceptionMapper
    public Response stillOpen(ConsultationStillOpenException e, UriInfo uri) {
        return ProblemMappers.respond(ProblemTypes.CONFLICT, "Consultation not signed off", 409, e.getMessage(), uri, List.of());
    }

    /** 422: the note reader failed on the signed note (the server's own text, not the request's). */
    @ServerExceptionMapper
    public Response noteNotStructured(NoteNotStructuredException e, UriInfo uri) {
        return ProblemMappers.respond(ProblemTypes.ENGINE_FAILED, "Note cannot be structured", 422, e.getMessage(), uri,
                List.of());
    }

    /** 409: feedback on a diagnosis suggestion while the diagnosis module has no bundle. */
    @ServerExceptionMapper
    public Response noBundle(NoBundleLoadedException e, UriInfo uri) {
        return ProblemMappers.respond(ProblemTypes.MODULE_UNAVAILABLE, "Diagnosis unavailable", 409, e.getMessage(), uri,
                List.of());
    }

    /** 422 with the alerts and the accepted reason codes, so that the client can ask for the reasons. */
    @ServerExceptionMapper
    public Response overrideRequired(OverrideRequiredException e, UriInfo uri) {
        String path = uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
        List<Problem.FieldError> errors = e.missing().stream().map(m -> new Problem.FieldError("overrides", m)).toList();
        return Response.status(422).type(Problem.MEDIA_TYPE)
                .entity(new OverrideRequiredProblem(OverrideRequiredProblem.TYPE, "Override reason required", 422,
                        e.getMessage(), path, errors, e.alerts(), OverrideReason.codes()))
                .build();
    }
}
