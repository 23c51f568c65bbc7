package com.mediassist.appliance.security;

import com.mediassist.appliance.login.LoginPage;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a session whose user was disabled with 401 (API) or the login page (browser), expiring
 * the cookie, and a throttled login with 429. The throttle fails authentication with an exception that is
 * not an authentication failure, so Quarkus hands it to the router's failure handlers instead of
 * redirecting to the login error page: browsers get the login page with the reason, scripts a
 * problem document; both carry {@code Retry-After}.
 */
@ApplicationScoped
public class LoginFailureHandler {

    private final ProblemResponses problems;
    private final LoginPage loginPage;
    private final String sessionCookie;

    public LoginFailureHandler(ProblemResponses problems, LoginPage loginPage,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String sessionCookie) {
        this.problems = problems;
        this.loginPage = loginPage;
        this.sessionCookie = sessionCookie;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    void handle(RoutingContext ctx) {
        if (!ctx.response().ended() && causedBy(ctx.failure(), SessionRevokedException.class)) {
            ctx.request().resume();
            ctx.response().addCookie(io.vertx.core.http.Cookie.cookie(sessionCookie, "").setPath("/").setMaxAge(0)
                    .setHttpOnly(true).setSameSite(io.vertx.core.http.CookieSameSite.STRICT));
            ctx.put(SessionCookies.ENDED_SESSION, Boolean.TRUE);
            if (ctx.normalizedPath().startsWith("/api/")) {
                problems.end(ctx, 401, "Authentication required", "The session has ended; log in again");
            } else {
                ctx.response().setStatusCode(302).putHeader("Location", "/login").end();
            }
            return;
        }
        LoginThrottledException throttled = find(ctx.failure());
        if (throttled == null || ctx.response().ended()) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("Retry-After", Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
        String accept = ctx.request().getHeader("Accept");
        if (accept != null && accept.contains("text/html")) {
            String html = loginPage.render(ctx.request().getHeader("Accept-Language"), ctx.request().getParam("lang"),
                    "throttled", CsrfTokens.ensureCookie(ctx.request(), ctx.response()));
            ctx.response().setStatusCode(429).putHeader("Content-Type", "text/html; charset=UTF-8").end(html);
        } else {
            problems.end(ctx, 429, "Too many failed logins", throttled.getMessage());
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static LoginThrottledException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LoginThrottledException e) {
                return e;
            }
        }
        return null;
    }
}
