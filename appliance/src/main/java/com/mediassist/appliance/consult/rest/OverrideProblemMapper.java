package com.mediassist.appliance.consult.rest;

import com.mediassist.appliance.consult.service.OverrideReason;
import com.mediassist.appliance.consult.service.OverrideRequiredException;
import com.mediassist.appliance.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers {@link OverrideRequiredException} with an {@link OverrideRequiredProblem}. */
public class OverrideProblemMapper {

    @ServerExceptionMapper
    public Response overrideRequired(OverrideRequiredException e, UriInfo uri) {
        String path = uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
        return Response.status(422).type(Problem.MEDIA_TYPE)
                .entity(new OverrideRequiredProblem(OverrideRequiredProblem.TYPE, e.title(), 422, e.getMessage(), path,
                        e.errors(), e.alerts(), OverrideReason.codes()))
                .build();
    }
}
