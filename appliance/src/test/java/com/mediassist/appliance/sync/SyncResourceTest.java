package com.mediassist.appliance.sync;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SyncResourceTest {

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void showsTheQueueToTheAdministratorWithTheSchedulerOffWithoutAVendorUrl() {
        given().get("/api/v1/sync/status").then().statusCode(200)
                .body("enabled", equalTo(false))
                .body("queue.waitingForDelay", greaterThanOrEqualTo(0))
                .body("queue.sent", greaterThanOrEqualTo(0))
                .body("queue.dropped", notNullValue());
    }

    @Test
    @TestSecurity(user = "doc", roles = "doctor")
    void refusesDoctors() {
        given().get("/api/v1/sync/status").then().statusCode(403);
    }
}
