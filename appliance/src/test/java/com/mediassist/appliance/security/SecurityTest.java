package com.mediassist.appliance.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import com.mediassist.store.Database;
import com.mediassist.store.users.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecurityTest {

    static final String ADMIN_PASSWORD = "Tortuga-Faro-Mimbre-5820";

    @Inject
    Database database;

    /** Loads the login page and returns its CSRF cookie. */
    static String csrfFromLoginPage() {
        return given().get("/login").then().statusCode(200).extract().cookie(CsrfTokens.COOKIE);
    }

    /** The cookies of a logged-in browser: the encrypted cookie, the session id and the session's CSRF token. */
    record Session(String cookie, String sid, String csrf) {
        io.restassured.specification.RequestSpecification spec() {
            return given().redirects().follow(false).cookie("mediassist-session", cookie)
                    .cookie(SessionCookies.SID_COOKIE, sid).cookie(CsrfTokens.COOKIE, csrf).header(CsrfTokens.HEADER, csrf);
        }
    }

    static Session session(String username, String password) {
        Response response = login(username, password, csrfFromLoginPage());
        response.then().statusCode(302);
        return new Session(response.cookie("mediassist-session"), response.cookie(SessionCookies.SID_COOKIE),
                response.cookie(CsrfTokens.COOKIE));
    }

    static Response login(String username, String password, String csrf) {
        return given().redirects().follow(false).cookie(CsrfTokens.COOKIE, csrf)
                .contentType(ContentType.URLENC).formParam("j_username", username).formParam("j_password", password)
                .post("/j_security_check?csrf=" + csrf);
    }

    @Test
    void apiCallWithoutCredentialsGets401ProblemNotARedirect() {
        given().redirects().follow(false).get("/api/v1/patients").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401)).body("title", equalTo("Authentication required"));
        given().redirects().follow(false).get("/api/v1/no-such-endpoint").then().statusCode(401);
        given().redirects().follow(false).contentType(ContentType.JSON).body("{}").post("/api/v1/patients").then()
                .statusCode(401);
    }

    @Test
    void bearerTokenAuthenticatesWithItsRole() {
        String token = database.tokens().create("it-" + UUID.randomUUID(), Role.DOCTOR).secret();
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200)
                .body("roles", equalTo(java.util.List.of("doctor")))
                .body("username", containsString("token:it-"))
                .body("authenticatedBy", equalTo("token"));
    }

    @Test
    void unknownOrRevokedBearerTokenGets401() {
        given().auth().oauth2("mda_not-a-real-token").get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("unknown or revoked"));
        String name = "revoked-" + UUID.randomUUID();
        String token = database.tokens().create(name, Role.ADMIN).secret();
        database.tokens().revoke(name);
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void doctorGets403OnAdminOnlyEndpointAndAdminGets200() {
        String doctor = database.tokens().create("doc-" + UUID.randomUUID(), Role.DOCTOR).secret();
        given().auth().oauth2(doctor).get("/api/v1/audit").then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
        String admin = database.tokens().create("adm-" + UUID.randomUUID(), Role.ADMIN).secret();
        given().auth().oauth2(admin).get("/api/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void formLoginSetsAStrictHttpOnlySessionAndLandsOnTheRoot() {
        String csrf = csrfFromLoginPage();
        Response response = login("admin", ADMIN_PASSWORD, csrf);
        response.then().statusCode(302).header("Location", endsWith("/"));
        for (String name : new String[] {"mediassist-session=", SessionCookies.SID_COOKIE + "="}) {
            String setCookie = response.headers().getValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith(name)).findFirst().orElseThrow();
            assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        }
        Session session = new Session(response.cookie("mediassist-session"), response.cookie(SessionCookies.SID_COOKIE),
                response.cookie(CsrfTokens.COOKIE));
        session.spec().get("/api/v1/me").then()
                .statusCode(200).body("username", equalTo("admin")).body("roles", hasItem("admin"))
                .body("csrfToken", equalTo(session.csrf())).body("authenticatedBy", equalTo("session"));
    }

    @Test
    void theCsrfTokenIsRotatedAtLoginAndBoundToTheSession() {
        String before = csrfFromLoginPage();
        Response response = login("admin", ADMIN_PASSWORD, before);
        String after = response.cookie(CsrfTokens.COOKIE);
        assertThat(after).isNotNull().isNotEqualTo(before);
        Session mine = new Session(response.cookie("mediassist-session"), response.cookie(SessionCookies.SID_COOKIE), after);
        Session other = session("admin", ADMIN_PASSWORD);
        String body = "{\"patientNumber\":\"bound-" + UUID.randomUUID() + "\",\"givenName\":\"Ana\",\"familyName\":\"Ruiz\"}";
        // The pre-login token, and another session's token, set as both cookie and header: refused.
        for (String token : new String[] {before, other.csrf()}) {
            given().cookie("mediassist-session", mine.cookie()).cookie(SessionCookies.SID_COOKIE, mine.sid())
                    .cookie(CsrfTokens.COOKIE, token).header(CsrfTokens.HEADER, token).contentType(ContentType.JSON)
                    .body(body).post("/api/v1/patients").then().statusCode(403).body("title", equalTo("CSRF check failed"));
        }
        mine.spec().contentType(ContentType.JSON).body(body).post("/api/v1/patients").then().statusCode(201);
    }

    @Test
    void cookieAuthenticatedWritesNeedTheCsrfHeader() {
        Session session = session("admin", ADMIN_PASSWORD);
        String body = "{\"patientNumber\":\"csrf-" + UUID.randomUUID() + "\",\"givenName\":\"Ana\",\"familyName\":\"Ruiz\"}";

        given().cookie("mediassist-session", session.cookie()).cookie(SessionCookies.SID_COOKIE, session.sid())
                .cookie(CsrfTokens.COOKIE, session.csrf()).contentType(ContentType.JSON)
                .body(body).post("/api/v1/patients").then().statusCode(403)
                .contentType("application/problem+json").body("title", equalTo("CSRF check failed"));
        given().cookie("mediassist-session", session.cookie()).cookie(SessionCookies.SID_COOKIE, session.sid())
                .cookie(CsrfTokens.COOKIE, session.csrf()).header(CsrfTokens.HEADER, "forged").contentType(ContentType.JSON)
                .body(body).post("/api/v1/patients").then().statusCode(403);
        session.spec().contentType(ContentType.JSON).body(body).post("/api/v1/patients").then().statusCode(201);
    }

    @Test
    void loginFormPostWithoutTheCsrfTokenIsRefused() {
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", "admin").formParam("j_password", ADMIN_PASSWORD)
                .post("/j_security_check").then().statusCode(403);
    }

    @Test
    void wrongPasswordAndDisabledUserGoBackToTheLoginPageWithAnError() {
        login("admin", "wrong-password", csrfFromLoginPage()).then().statusCode(302)
                .header("Location", containsString("/login?error=credentials"));
        String username = "disabled-" + UUID.randomUUID().toString().substring(0, 8);
        database.users().add(username, Role.DOCTOR, "a-long-enough-password".toCharArray());
        database.users().disable(username);
        login(username, "a-long-enough-password", csrfFromLoginPage()).then().statusCode(302)
                .header("Location", containsString("error=credentials"));
    }

    @Test
    void sixthFailedLoginForOneUserIsThrottledWith429() {
        String username = "guess-" + UUID.randomUUID().toString().substring(0, 8);
        database.users().add(username, Role.DOCTOR, "the-right-password".toCharArray());
        String csrf = csrfFromLoginPage();
        for (int i = 0; i < 5; i++) {
            login(username, "wrong-" + i, csrf).then().statusCode(302);
        }
        login(username, "the-right-password", csrf).then().statusCode(429).header("Retry-After", notNullValue())
                .contentType("application/problem+json").body("status", equalTo(429));
        given().redirects().follow(false).cookie(CsrfTokens.COOKIE, csrf).accept("text/html")
                .contentType(ContentType.URLENC).formParam("j_username", username).formParam("j_password", "x")
                .post("/j_security_check?csrf=" + csrf).then().statusCode(429).contentType(containsString("text/html"))
                .body(containsString("Demasiados intentos"));
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (Response response : new Response[] {given().get("/login"),
                given().redirects().follow(false).get("/api/v1/patients"), given().get("/q/health/live")}) {
            response.then()
                    .header("Content-Security-Policy", equalTo(HttpSecurityFilters.CONTENT_SECURITY_POLICY))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer")
                    .header("X-Frame-Options", "DENY");
        }
    }

    @Test
    void disablingAUserEndsTheirSessionAtOnce() {
        String username = "leaving-" + UUID.randomUUID().toString().substring(0, 8);
        database.users().add(username, Role.DOCTOR, "a-long-enough-password".toCharArray());
        Session session = session(username, "a-long-enough-password");
        session.spec().get("/api/v1/me").then().statusCode(200);
        database.users().disable(username);
        session.spec().get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void changingThePasswordEndsTheUsersSessions() {
        String username = "moving-" + UUID.randomUUID().toString().substring(0, 8);
        database.users().add(username, Role.DOCTOR, "a-long-enough-password".toCharArray());
        Session session = session(username, "a-long-enough-password");
        session.spec().get("/api/v1/me").then().statusCode(200);
        database.users().changePassword(username, "another-long-password".toCharArray());
        session.spec().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void logoutEndsTheSessionOnTheServerSoKeptCookiesNoLongerWork() {
        Session session = session("admin", ADMIN_PASSWORD);
        Response logout = session.spec().post("/api/v1/logout");
        logout.then().statusCode(204);
        assertThat(logout.headers().getValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("mediassist-session=").containsIgnoringCase("Max-Age=0"));
        // An attacker who copied the cookies before the logout replays them.
        session.spec().get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void theEncryptedCookieAloneOrWithAnotherUsersSessionIdDoesNotAuthenticate() {
        Session admin = session("admin", ADMIN_PASSWORD);
        given().redirects().follow(false).cookie("mediassist-session", admin.cookie()).get("/api/v1/me").then()
                .statusCode(401);
        String username = "other-" + UUID.randomUUID().toString().substring(0, 8);
        database.users().add(username, Role.DOCTOR, "a-long-enough-password".toCharArray());
        Session doctor = session(username, "a-long-enough-password");
        given().redirects().follow(false).cookie("mediassist-session", admin.cookie())
                .cookie(SessionCookies.SID_COOKIE, doctor.sid()).get("/api/v1/me").then().statusCode(401);
    }
}
