package com.mediassist.appliance.security;

import com.mediassist.appliance.problem.Problem;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A role check that fails inside the REST layer as a 403 problem. Authentication failures are
 * left to Quarkus, which asks the mechanisms for their challenge: {@link BearerTokenMechanism}
 * answers API calls with a 401 problem, the form mechanism sends browsers to the login page.
 */
public class SecurityProblemMappers {

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Response.status(403).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", "Forbidden", 403,
                        "Your role does not allow this operation", "/" + uri.getPath().replaceFirst("^/", ""),
                        List.of()))
                .build();
    }
}
