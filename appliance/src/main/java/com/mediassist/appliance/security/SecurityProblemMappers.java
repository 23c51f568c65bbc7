package com.mediassist.appliance.security;

import com.mediassist.appliance.problem.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Security failures raised inside the REST layer (role checks) as problem details. */
public class SecurityProblemMappers {

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return challenge(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return challenge(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Response.status(403).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", "Forbidden", 403,
                        "Your role does not allow this operation", "/" + uri.getPath().replaceFirst("^/", ""),
                        List.of()))
                .build();
    }

    private static Response challenge(UriInfo uri) {
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", BearerTokenMechanism.SCHEME + " realm=\"mediassist\"")
                .entity(new Problem("about:blank", "Authentication required", 401,
                        "Log in, or send an API token as 'Authorization: Bearer <token>'",
                        "/" + uri.getPath().replaceFirst("^/", ""), List.of()))
                .build();
    }
}
