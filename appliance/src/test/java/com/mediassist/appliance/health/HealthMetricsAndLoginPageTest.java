package com.mediassist.appliance.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.mediassist.store.Database;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthMetricsAndLoginPageTest {

    @Inject
    Database database;

    @Test
    void readinessReportsTheDatabaseWithoutLogin() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("database"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsExposeRequestLatencyHistogramsWithoutLogin() {
        given().get("/login").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_bucket"))
                .body(containsString("uri=\"/login\""));
    }

    @Test
    void loginPageIsSpanishByDefaultWithoutInlineScriptOrStyle() {
        given().get("/login").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("lang=\"es\"")).body(containsString("Iniciar sesión"))
                .body(containsString("action=\"/j_security_check?csrf="))
                .body(not(containsString("<script"))).body(not(containsString("style=")))
                .body(not(containsString("<style")));
        given().get("/login.html").then().statusCode(200).body(containsString("Iniciar sesión"));
        given().get("/login.css").then().statusCode(200).contentType(containsString("text/css"));
    }

    @Test
    void loginPageIsEnglishOnRequest() {
        given().queryParam("lang", "en").get("/login").then().statusCode(200)
                .body(containsString("lang=\"en\"")).body(containsString("User name"));
        given().header("Accept-Language", "en-GB,en;q=0.9").get("/login").then().statusCode(200)
                .body(containsString("Log in"));
        given().queryParam("error", "credentials").get("/login").then()
                .body(containsString("Usuario o contraseña incorrectos"));
    }

    @Test
    void firstAdminExistsAfterStart() {
        org.assertj.core.api.Assertions.assertThat(database.users().find("admin")).hasValueSatisfying(
                user -> org.assertj.core.api.Assertions.assertThat(user.role().code()).isEqualTo("admin"));
    }
}
