package com.mediassist.appliance.security;

import com.mediassist.store.Database;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Who is calling ({@code GET /api/v1/me}) and logging out ({@code POST /api/v1/logout}). */
@Path("/api/v1")
@RolesAllowed({"doctor", "admin"})
public class MeResource {

    /**
     * The caller as the UI needs it.
     *
     * @param username    the login name (or {@code token:<name>} for an unbound API token)
     * @param roles       {@code doctor} and/or {@code admin}, sorted
     * @param csrfToken   the value to send in {@value CsrfTokens#HEADER} on state-changing requests
     * @param authenticatedBy {@code session} or {@code token}
     */
    public record Me(String username, List<String> roles, String csrfToken, String authenticatedBy) {
    }

    private final SecurityIdentity identity;
    private final SessionCsrf csrf;
    private final Database database;

    public MeResource(SecurityIdentity identity, SessionCsrf csrf, Database database) {
        this.identity = identity;
        this.csrf = csrf;
        this.database = database;
    }

    @GET
    @Path("me")
    @Produces(MediaType.APPLICATION_JSON)
    public Me me(@Context HttpServerRequest request, @Context HttpServerResponse response) {
        Object sessionId = identity.getAttribute(SessionCookies.SESSION_ID);
        String token = sessionId == null ? CsrfTokens.ensureCookie(request, response) : csrf.tokenFor(sessionId.toString());
        Object by = identity.getAttribute(StoreIdentities.AUTHENTICATED_BY);
        return new Me(identity.getPrincipal().getName(), identity.getRoles().stream().sorted().toList(), token,
                by == null ? "session" : by.toString());
    }

    /**
     * Ends the browser session: the server-side session is deleted (so the old cookies no longer
     * authenticate, even if kept) and the cookies expired. API tokens are revoked with the CLI.
     */
    @POST
    @Path("logout")
    public Response logout(@Context RoutingContext ctx) {
        String sessionId = SessionCookies.sessionId(ctx);
        if (sessionId != null) {
            database.users().sessions().end(sessionId);
            ctx.put(SessionCookies.ENDED_SESSION, Boolean.TRUE);
        }
        if (ctx.request().getCookie(sessionCookieName(ctx)) != null) {
            FormAuthenticationMechanism.logout(ctx);
        }
        return Response.noContent().build();
    }

    private static String sessionCookieName(RoutingContext ctx) {
        Object name = ctx.get("io.quarkus.vertx.http.runtime.security.form.cookie-name");
        return name == null ? "mediassist-session" : name.toString();
    }
}
