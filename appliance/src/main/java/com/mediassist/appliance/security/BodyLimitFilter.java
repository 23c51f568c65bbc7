package com.mediassist.appliance.security;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.vertx.VertxInputStream;

/**
 * Refuses a request whose declared {@code Content-Length} exceeds
 * {@code quarkus.http.limits.max-body-size} with a 413 problem document before any of it is read.
 * Bodies without a length (chunked) are counted as the REST layer reads them ({@link ChunkedBodyLimit});
 * Quarkus's own check for them, which would answer an empty 413, is moved a margin further.
 */
@ApplicationScoped
public class BodyLimitFilter {

    /** After Quarkus's route that sets its limit for bodies without a length (order -2). */
    static final int AFTER_QUARKUS_LIMIT_PRIORITY = 1;

    /**
     * The routing-context key under which Quarkus keeps the limit that its REST input stream checks
     * while a body without a length arrives (it ends the response with an empty 413 past it).
     */
    private static final String QUARKUS_LIMIT_KEY = VertxInputStream.MAX_REQUEST_SIZE_KEY;

    /** The problem title of every 413. */
    static final String TOO_LARGE_TITLE = "Request body too large";

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
        filters.register(this::moveQuarkusLimit, AFTER_QUARKUS_LIMIT_PRIORITY);
    }

    /** Set only for requests without a {@code Content-Length}: those are counted by {@link ChunkedBodyLimit}. */
    void moveQuarkusLimit(RoutingContext ctx) {
        if (ctx.get(QUARKUS_LIMIT_KEY) != null) {
            ctx.put(QUARKUS_LIMIT_KEY, maxBytes + ChunkedBodyLimit.QUARKUS_MARGIN_BYTES);
        }
        ctx.next();
    }

    void check(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        if (length != null) {
            try {
                long declared = Long.parseLong(length.strip());
                if (declared > maxBytes) {
                    ctx.response().putHeader("Connection", "close");
                    problems.end(ctx, 413, TOO_LARGE_TITLE, "The body has " + declared + " bytes; " + limitText(maxBytes));
                    return;
                }
            } catch (NumberFormatException malformed) {
                problems.end(ctx, 400, "Malformed request", "Content-Length is not a number: " + length);
                return;
            }
        }
        ctx.next();
    }

    /** "the limit is N bytes (M MB)", for the 413 details. */
    static String limitText(long maxBytes) {
        return "the limit is " + maxBytes + " bytes (" + (maxBytes / (1024 * 1024)) + " MB)";
    }
}
