package com.mediassist.appliance.consult.rest;

import com.mediassist.appliance.consult.workspace.CommandBatch;
import com.mediassist.appliance.consult.workspace.ConsultationWorkspace;
import com.mediassist.appliance.consult.workspace.WorkspaceException;
import com.mediassist.appliance.consult.workspace.WorkspaceView;
import com.mediassist.appliance.problem.Problem;
import com.mediassist.appliance.problem.ProblemTypes;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The consultation owned by the server: {@code GET .../workspace} is the whole view in one call;
 * {@code POST .../commands} applies the doctor's actions and answers the same view.
 */
@Path("/api/v1/consultations/{id}")
@RolesAllowed({"doctor", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class WorkspaceResource {

    private final ConsultationWorkspace workspace;
    private final SecurityIdentity identity;

    public WorkspaceResource(ConsultationWorkspace workspace, SecurityIdentity identity) {
        this.workspace = workspace;
        this.identity = identity;
    }

    /** The consultation view: recorded evidences, the note's reading and every engine's answer. */
    @GET
    @Path("workspace")
    public WorkspaceView view(@PathParam("id") long id, @QueryParam("language") String language) {
        return workspace.view(id, ConsultationWorkspace.parse(language), identity.getPrincipal().getName());
    }

    /** Applies the commands in order (all or none) and answers the view. */
    @POST
    @Path("commands")
    @Consumes(MediaType.APPLICATION_JSON)
    public WorkspaceView commands(@PathParam("id") long id, CommandBatch batch) {
        return workspace.apply(id, batch, ConsultationWorkspace.parse(batch == null ? null : batch.language()),
                identity.getPrincipal().getName());
    }

    /** 400 naming the bad command field. */
    @ServerExceptionMapper
    public Response invalid(WorkspaceException.InvalidCommandException e, UriInfo uri) {
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(new Problem(ProblemTypes.INVALID_REQUEST,
                "Invalid command", 400, e.getMessage(), "/" + uri.getPath().replaceFirst("^/", ""),
                List.of(new Problem.FieldError(e.field(), e.reason())))).build();
    }

    /** 409 for a command to a signed-off consultation. */
    @ServerExceptionMapper
    public Response closed(WorkspaceException.ConsultationClosedException e, UriInfo uri) {
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(new Problem(ProblemTypes.CONFLICT,
                "Consultation signed off", 409, e.getMessage(), "/" + uri.getPath().replaceFirst("^/", ""),
                List.of())).build();
    }
}
