package com.mediassist.appliance.security;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose declared {@code Content-Length} exceeds
 * {@code quarkus.http.limits.max-body-size} with a 413 problem document before any of it is read.
 * Quarkus enforces the same limit on bodies without a length (chunked), answering 413 itself: that
 * answer carries the security headers (added to every response) but no problem body.
 */
@ApplicationScoped
public class BodyLimitFilter {

    /** After the security headers (1000), so that a 413 carries them too; before the CSRF check (900). */
    static final int PRIORITY = 950;

    private final ProblemResponses problems;
    private final long maxBytes;

    public BodyLimitFilter(ProblemResponses problems,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize max) {
        this.problems = problems;
        this.maxBytes = max.asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        if (length != null) {
            try {
                long declared = Long.parseLong(length.strip());
                if (declared > maxBytes) {
                    ctx.response().putHeader("Connection", "close");
                    problems.end(ctx, 413, "Request body too large", "The body has " + declared
                            + " bytes; the limit is " + maxBytes + " bytes (" + (maxBytes / (1024 * 1024)) + " MB)");
                    return;
                }
            } catch (NumberFormatException malformed) {
                problems.end(ctx, 400, "Malformed request", "Content-Length is not a number: " + length);
                return;
            }
        }
        ctx.next();
    }
}
