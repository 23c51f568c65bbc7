package com.mediassist.appliance.security;

import com.mediassist.appliance.problem.Problem;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A role check that fails inside the REST layer as a 403 problem; a body without a length that
 * grows past the limit as a 413 problem. Authentication failures are
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

    /** A body without a declared length grew past the limit while it was read (see {@link ChunkedBodyLimit}). */
    @ServerExceptionMapper
    public Response bodyTooLarge(ChunkedBodyLimit.BodyTooLargeException e, UriInfo uri) {
        // The rest of the body is not read: the connection cannot carry another request.
        return Response.status(413).type(Problem.MEDIA_TYPE).header("Connection", "close")
                .header("Cache-Control", "no-store")
                .entity(new Problem("about:blank", BodyLimitFilter.TOO_LARGE_TITLE, 413,
                        "The body grew past the limit while it was sent; " + BodyLimitFilter.limitText(e.maxBytes()),
                        "/" + uri.getPath().replaceFirst("^/", ""), List.of()))
                .build();
    }
}
