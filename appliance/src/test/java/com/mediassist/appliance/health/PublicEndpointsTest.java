package com.mediassist.appliance.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What anonymous callers learn from the open endpoints: no raw paths in metrics, no file paths in readiness. */
@QuarkusTest
class PublicEndpointsTest {

    @Test
    void metricsNeverLabelTheRawPathOfAnAnonymousRequest() {
        given().redirects().follow(false).get("/api/v1/patients/attacker-chosen-label-4711").then().statusCode(401);
        given().redirects().follow(false).get("/api/v1/attacker-chosen-label-4712").then().statusCode(401);
        given().get("/q/metrics").then().statusCode(200)
                .body(not(containsString("attacker-chosen-label")));
    }

    @Test
    void readinessDetailsNameNoFilePath() {
        given().get("/q/health/ready").then().statusCode(200)
                .body(not(containsString("mediassist.db"))).body(not(containsString("test-data")))
                .body(containsString("audit-chain"));
    }
}
