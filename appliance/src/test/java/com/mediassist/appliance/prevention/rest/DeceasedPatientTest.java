package com.mediassist.appliance.prevention.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 19: a deceased patient's record is read-only: no preventive care, no new consultation. */
@QuarkusTest
@TestSecurity(user = "dr-deceased", roles = "doctor")
class DeceasedPatientTest {

    private long patient(String deceasedDate) {
        String body = "{\"patientNumber\":\"dec-" + UUID.randomUUID() + "\",\"givenName\":\"Luis\",\"familyName\":\"Gil\","
                + "\"birthDate\":\"1940-02-02\",\"sex\":\"male\"" + (deceasedDate == null ? "" : ",\"deceasedDate\":\""
                + deceasedDate + "\"") + "}";
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/patients").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    @Test
    void aDeceasedPatientGetsNoPreventiveCareInEitherProgrammeAndNoNewConsultation() {
        long id = patient("2025-12-24");
        given().get("/api/v1/patients/" + id).then().statusCode(200).body("deceased", equalTo(true))
                .body("deceasedDate", equalTo("2025-12-24"));
        for (String programme : new String[] {"papps", "uspstf"}) {
            given().get("/api/v1/patients/" + id + "/preventive-care?programme=" + programme).then().statusCode(200)
                    .body("deceased", equalTo(true)).body("items", empty());
        }
        given().contentType(ContentType.JSON).body("{\"patientId\": " + id + "}").post("/api/v1/consultations").then()
                .statusCode(409).contentType("application/problem+json").body("title", equalTo("Patient deceased"))
                .body("detail", containsString("2025-12-24"));
    }

    @Test
    void aLivingPatientsItemsStateTheirProgrammeAndVersion() {
        long id = patient(null);
        given().get("/api/v1/patients/" + id + "/preventive-care?programme=uspstf").then().statusCode(200)
                .body("deceased", equalTo(false)).body("items.programme", everyItem(equalTo("uspstf")))
                .body("items.programmeVersion", everyItem(notNullValue()))
                .body("items.findAll { it.id == 'hepatitis-c-screening' }", hasSize(1));
    }
}
