package com.mediassist.appliance.security;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * The server-side session's cookie, {@value #SID_COOKIE}: HttpOnly, SameSite=Strict, holding the
 * session id that the store knows (by its hash). The encrypted Quarkus cookie alone no longer
 * authenticates: a cookie forged or kept after logout has no live session id to go with it.
 *
 * <p>Cookies of a login are set from a headers-end handler ({@link #writePending}) on the event
 * loop, after the identity provider put the new session id in the routing context.
 */
public final class SessionCookies {

    /** Name of the cookie holding the session id. */
    public static final String SID_COOKIE = "mediassist-sid";
    /** Routing-context key of a session id started during this request. */
    static final String NEW_SESSION = "mediassist.new-session";
    /** Routing-context key set when this request ended its session. */
    static final String ENDED_SESSION = "mediassist.ended-session";
    /** Identity attribute: the session id of a session-authenticated caller. */
    public static final String SESSION_ID = "mediassist.session-id";

    private SessionCookies() {
    }

    /** The session id the request carries, or {@code null}. */
    static String sessionId(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(SID_COOKIE);
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }

    /** Adds the Set-Cookie headers of a session started or ended during this request. */
    static void writePending(RoutingContext ctx, SessionCsrf csrf) {
        Object started = ctx.get(NEW_SESSION);
        if (started != null) {
            boolean secure = ctx.request().isSSL();
            ctx.response().headers().add("Set-Cookie", Cookie.cookie(SID_COOKIE, started.toString()).setPath("/")
                    .setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setSecure(secure).encode());
            // The CSRF token is rotated at login and bound to the new session.
            ctx.response().headers().add("Set-Cookie", Cookie.cookie(CsrfTokens.COOKIE, csrf.tokenFor(started.toString()))
                    .setPath("/").setHttpOnly(false).setSameSite(CookieSameSite.STRICT).setSecure(secure).encode());
        } else if (ctx.get(ENDED_SESSION) != null) {
            ctx.response().headers().add("Set-Cookie", Cookie.cookie(SID_COOKIE, "").setPath("/").setMaxAge(0)
                    .setHttpOnly(true).setSameSite(CookieSameSite.STRICT).encode());
        }
    }
}
