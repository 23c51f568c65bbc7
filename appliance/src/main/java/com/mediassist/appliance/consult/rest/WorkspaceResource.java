package com.mediassist.appliance.consult.rest;

import com.mediassist.appliance.consult.workspace.CommandBatch;
import com.mediassist.appliance.consult.workspace.ConsultationWorkspace;
import com.mediassist.appliance.consult.workspace.WorkspaceView;
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
}
