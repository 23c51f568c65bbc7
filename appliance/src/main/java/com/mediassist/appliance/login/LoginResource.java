package com.mediassist.appliance.login;

import com.mediassist.appliance.security.CsrfTokens;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Serves the login page at {@code /login} (and {@code /login.html}); the form posts to Quarkus. */
@Path("/")
@PermitAll
public class LoginResource {

    private final LoginPage page;

    public LoginResource(LoginPage page) {
        this.page = page;
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Response login(@HeaderParam("Accept-Language") String acceptLanguage, @QueryParam("lang") String lang,
            @QueryParam("error") String error, @QueryParam("logout") String logout,
            @Context HttpServerRequest request, @Context HttpServerResponse response) {
        String token = CsrfTokens.ensureCookie(request, response);
        String message = error != null ? error : logout != null ? "logout" : null;
        return Response.ok(page.render(acceptLanguage, lang, message, token))
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("login.html")
    @Produces(MediaType.TEXT_HTML)
    public Response loginHtml(@HeaderParam("Accept-Language") String acceptLanguage, @QueryParam("lang") String lang,
            @QueryParam("error") String error, @QueryParam("logout") String logout,
            @Context HttpServerRequest request, @Context HttpServerResponse response) {
        return login(acceptLanguage, lang, error, logout, request, response);
    }
}
