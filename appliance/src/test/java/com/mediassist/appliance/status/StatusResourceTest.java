package com.mediassist.appliance.status;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StatusResourceTest {

    @Test
    @TestSecurity(user = "boss", roles = "admin")
    void adminSeesEveryModuleTheDatabaseAndRecentLatencies() {
        given().get("/api/v1/consultations/424242").then().statusCode(404);
        given().get("/api/v1/status").then().statusCode(200)
                .body("modules.name", hasItems("diagnosis", "medication", "recommended-tests", "preventive-care",
                        "summary", "database", "diagnosis-fallback", "tls-certificate"))
                .body("bundle.version", org.hamcrest.Matchers.notNullValue())
                .body("modules.find { it.name == 'database' }.state", org.hamcrest.Matchers.equalTo("up"))
                .body("latencies.endpoint", hasItems("GET /api/v1/consultations/{id}"));
    }

    @Test
    @TestSecurity(user = "doc", roles = "doctor")
    void doctorsMayNotSeeTheStatusPage() {
        given().get("/api/v1/status").then().statusCode(403);
    }
}
