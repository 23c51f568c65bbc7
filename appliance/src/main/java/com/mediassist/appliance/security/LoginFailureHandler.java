package com.mediassist.appliance.security;

import com.mediassist.appliance.login.LoginPage;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers a throttled login with 429. The throttle fails authentication with an exception that is
 * not an authentication failure, so Quarkus hands it to the router's failure handlers instead of
 * redirecting to the login error page: browsers get the login page with the reason, scripts a
 * problem document; both carry {@code Retry-After}.
 */
@ApplicationScoped
public class LoginFailureHandler {

    private final ProblemResponses problems;
    private final LoginPage loginPage;

    public LoginFailureHandler(ProblemResponses problems, LoginPage loginPage) {
        this.problems = problems;
        this.loginPage = loginPage;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    void handle(RoutingContext ctx) {
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
            problems.end(ctx, 429, throttled.title(), throttled.getMessage());
        }
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
