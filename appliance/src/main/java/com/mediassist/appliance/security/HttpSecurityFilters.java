package com.mediassist.appliance.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Filters that run on every request before authentication: security headers on every response
 * (including error and challenge responses) and the CSRF check on state-changing requests.
 *
 * <p>The CSRF check applies to requests that a browser authenticates on its own, that is those
 * carrying the session cookie, and to the login form's post. Requests with a bearer token are
 * exempt (a browser never adds that header by itself), and so are requests with no session cookie:
 * they are either anonymous (and refused by authentication) or come from tests that inject an
 * identity directly.
 */
@ApplicationScoped
public class HttpSecurityFilters {

    /** Runs before CORS (300) and authentication (200). */
    static final int HEADERS_PRIORITY = 1000;
    static final int CSRF_PRIORITY = 900;

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    private static final Set<HttpMethod> STATE_CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT,
            HttpMethod.PATCH, HttpMethod.DELETE);

    private final ProblemResponses problems;
    private final SessionCsrf sessionCsrf;
    private final String sessionCookie;
    private final String loginPostLocation;

    public HttpSecurityFilters(ProblemResponses problems, SessionCsrf sessionCsrf,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String sessionCookie,
            @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check")
            String loginPostLocation) {
        this.problems = problems;
        this.sessionCsrf = sessionCsrf;
        this.sessionCookie = sessionCookie;
        this.loginPostLocation = loginPostLocation;
    }

    void register(@Observes Filters filters) {
        filters.register(this::securityHeaders, HEADERS_PRIORITY);
        filters.register(this::csrf, CSRF_PRIORITY);
    }

    void securityHeaders(RoutingContext ctx) {
        ctx.addHeadersEndHandler(ignored -> {
            ctx.response().headers()
                    .set("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                    .set("X-Content-Type-Options", "nosniff")
                    .set("Referrer-Policy", "no-referrer")
                    .set("X-Frame-Options", "DENY");
            SessionCookies.writePending(ctx, sessionCsrf);
        });
        ctx.next();
    }

    void csrf(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (!STATE_CHANGING.contains(request.method()) || hasBearer(request)) {
            ctx.next();
            return;
        }
        boolean loginPost = ctx.normalizedPath().equals(loginPostLocation);
        if (!loginPost && request.getCookie(sessionCookie) == null) {
            ctx.next();
            return;
        }
        String echoed = loginPost ? request.getParam(CsrfTokens.LOGIN_PARAMETER) : request.getHeader(CsrfTokens.HEADER);
        // Before login the token is the cookie's (double submit); with a session it must be the
        // session's own token, so a token read elsewhere or kept from before login does not pass.
        String sessionId = SessionCookies.sessionId(ctx);
        String expected = loginPost ? CsrfTokens.fromCookie(request)
                : sessionId == null ? null : sessionCsrf.tokenFor(sessionId);
        if (CsrfTokens.matches(expected, echoed)) {
            ctx.next();
            return;
        }
        String detail = !loginPost && sessionId == null
                ? "The request has no " + SessionCookies.SID_COOKIE + " cookie; log in again"
                : loginPost && CsrfTokens.fromCookie(request) == null
                ? "The request has no " + CsrfTokens.COOKIE + " cookie; load the page again and retry"
                : echoed == null
                        ? "The request lacks the " + (loginPost ? "'" + CsrfTokens.LOGIN_PARAMETER + "' parameter"
                                : CsrfTokens.HEADER + " header") + " that must echo the " + CsrfTokens.COOKIE + " cookie"
                        : "The " + (loginPost ? "'" + CsrfTokens.LOGIN_PARAMETER + "' parameter" : CsrfTokens.HEADER
                                + " header") + " does not match the token of " + (loginPost ? "the "
                                + CsrfTokens.COOKIE + " cookie" : "this session (the " + CsrfTokens.COOKIE
                                + " cookie set at login)");
        // The body is left unread; resume so the connection is not stuck on a paused request.
        request.resume();
        problems.end(ctx, 403, "CSRF check failed", detail);
    }

    static boolean hasBearer(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith("bearer ");
    }
}
