package com.mediassist.appliance.ui;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Logout: the session is an encrypted, HttpOnly cookie that scripts cannot clear, so the server
 * expires it (and the CSRF cookie). Open to anyone: ending a session that is already gone is a no-op.
 */
@Path("/api/v1/session")
public class SessionResource {

    private final String sessionCookie;

    public SessionResource(
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
            String sessionCookie) {
        this.sessionCookie = sessionCookie;
    }

    @POST
    @Path("logout")
    @PermitAll
    public Response logout() {
        return Response.noContent()
                .cookie(expired(sessionCookie, true), expired("csrf-token", false))
                .header("Clear-Site-Data", "\"cookies\"")
                .build();
    }

    private static NewCookie expired(String name, boolean httpOnly) {
        return new NewCookie.Builder(name).value("").path("/").maxAge(0).httpOnly(httpOnly)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
