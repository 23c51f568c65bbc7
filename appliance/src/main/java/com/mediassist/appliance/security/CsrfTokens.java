package com.mediassist.appliance.security;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The double-submit CSRF token: a random value in a cookie that scripts of this origin can read
 * (not HttpOnly) and must echo in the {@value #HEADER} header of every state-changing request
 * authenticated by the session cookie. Another site can make the browser send the cookie but
 * cannot read it, so it cannot produce the header.
 */
public final class CsrfTokens {

    /** Name of the cookie holding the token. */
    public static final String COOKIE = "csrf-token";
    /** Header in which scripts echo the token. */
    public static final String HEADER = "X-CSRF-Token";
    /** Query parameter carrying the token on the login form's post (forms cannot set headers). */
    public static final String LOGIN_PARAMETER = "csrf";

    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfTokens() {
    }

    /** A fresh 256-bit token, URL-safe base64 without padding. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The token of the request's cookie, or {@code null} when it has none. */
    public static String fromCookie(HttpServerRequest request) {
        Cookie cookie = request.getCookie(COOKIE);
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }

    /** Returns the request's token, first setting a new cookie on the response when it has none. */
    public static String ensureCookie(HttpServerRequest request, HttpServerResponse response) {
        String existing = fromCookie(request);
        if (existing != null) {
            return existing;
        }
        String token = newToken();
        response.addCookie(Cookie.cookie(COOKIE, token).setPath("/").setHttpOnly(false)
                .setSameSite(CookieSameSite.STRICT).setSecure(request.isSSL()));
        return token;
    }

    /** Constant-time comparison of the cookie's token with the echoed one. */
    public static boolean matches(String cookieToken, String echoed) {
        if (cookieToken == null || echoed == null) {
            return false;
        }
        return MessageDigest.isEqual(cookieToken.getBytes(StandardCharsets.UTF_8),
                echoed.getBytes(StandardCharsets.UTF_8));
    }
}
