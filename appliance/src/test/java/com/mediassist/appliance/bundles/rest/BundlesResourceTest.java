package com.mediassist.appliance.bundles.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BundlesResourceTest {

    @Test
    @TestSecurity(user = "boss", roles = "admin")
    void adminSeesTheShippedBundleActiveAndNoPolling() {
        given().get("/api/v1/bundles").then().statusCode(200)
                .body("active", startsWith("shipped "))
                .body("running", startsWith("ddxplus-diagnosis-"))
                .body("polling", equalTo(false));
    }

    @Test
    @TestSecurity(user = "boss", roles = "admin")
    void adminSeesTheShippedKnowledgeActiveAndItsVersionRunning() {
        given().get("/api/v1/bundles").then().statusCode(200)
                .body("knowledge.active", startsWith("shipped "))
                .body("knowledge.running", startsWith("mediassist-knowledge "))
                .body("knowledge.previous", equalTo(null));
    }

    @Test
    @TestSecurity(user = "boss", roles = "admin")
    void knowledgeRollbackWithNothingToGoBackToIsAProblemAndAnUnknownKindIsRefused() {
        given().header("X-CSRF-Token", "x").post("/api/v1/bundles/rollback?kind=knowledge").then().statusCode(409)
                .body("type", equalTo("https://mediassist.example/problems/ota/nothing-to-roll-back"));
        given().header("X-CSRF-Token", "x").post("/api/v1/bundles/rollback?kind=model").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "boss", roles = "admin")
    void rollbackWithNothingToGoBackToIsAProblem() {
        given().header("X-CSRF-Token", "x").post("/api/v1/bundles/rollback").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mediassist.example/problems/ota/nothing-to-roll-back"))
                .body("detail", equalTo("there is no previous bundle to roll back to"));
    }

    @Test
    @TestSecurity(user = "doc", roles = "doctor")
    void doctorsMayNotSeeBundleUpdates() {
        given().get("/api/v1/bundles").then().statusCode(403);
    }
}
