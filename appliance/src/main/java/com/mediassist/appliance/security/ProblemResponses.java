package com.mediassist.appliance.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mediassist.appliance.problem.Problem;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Writes problem details from Vert.x handlers, which run before (or outside) the REST layer and
 * so cannot throw {@link com.mediassist.appliance.problem.ApiProblemException}.
 */
@ApplicationScoped
public class ProblemResponses {

    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    /** Ends the response with the given status and an {@code application/problem+json} body. */
    public void end(RoutingContext ctx, int status, String title, String detail) {
        Problem problem = new Problem("about:blank", title, status, detail, ctx.normalizedPath(), List.of());
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a problem record", e);
        }
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store")
                .end(body);
    }
}
