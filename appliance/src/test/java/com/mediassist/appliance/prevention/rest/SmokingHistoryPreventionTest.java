package com.mediassist.appliance.prevention.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.mediassist.store.Database;
import com.mediassist.store.consultations.ConsultationUpdate;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 19: pack-years and quit dates come from the whole history, and the doctor can record them. */
@QuarkusTest
@TestSecurity(user = "dr-smoking", roles = "doctor")
class SmokingHistoryPreventionTest {

    @Inject
    Database database;

    private long patient() {
        int birthYear = LocalDate.now().getYear() - 60;
        String body = "{\"patientNumber\":\"smk-" + UUID.randomUUID() + "\",\"givenName\":\"Eva\",\"familyName\":\"Sanz\","
                + "\"birthDate\":\"" + birthYear + "-01-15\",\"sex\":\"female\"}";
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/patients").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private String lungReason(long id) {
        return given().get("/api/v1/patients/" + id + "/preventive-care?programme=uspstf&language=en").then()
                .statusCode(200).extract().jsonPath()
                .getString("items.find { it.id == 'lung-cancer-screening' }.reason");
    }

    @Test
    void withoutASmokingHistoryLungScreeningSaysWhatIsMissing() {
        long id = patient();
        org.assertj.core.api.Assertions.assertThat(lungReason(id)).contains("Smoking history is missing");
    }

    @Test
    void theSignedNoteGivesStatusPackYearsAndQuitDate() {
        long id = patient();
        long c = database.consultations().start(id, "dr-smoking").id();
        database.consultations().update(c, new ConsultationUpdate(
                "Antecedentes: exfumadora desde 1995, 30 paquetes-año.", null, null, "Revisión"));
        database.consultations().signOff(c);
        org.assertj.core.api.Assertions.assertThat(lungReason(id)).contains("quit more than 15 years ago");
    }

    @Test
    void observationsRecordedByTheDoctorGiveStatusPackYearsAndQuitDate() {
        long id = patient();
        String quit = LocalDate.now().minusYears(3).toString();
        post(id, "{\"coding\":{\"system\":\"http://loinc.org\",\"code\":\"72166-2\",\"display\":\"Tobacco smoking status\"},"
                + "\"valueText\":\"Ex-smoker\",\"date\":\"" + LocalDate.now() + "\"}");
        post(id, "{\"coding\":{\"system\":\"http://snomed.info/sct\",\"code\":\"401201003\",\"display\":\"Cigarette pack-years\"},"
                + "\"valueNumber\":25,\"unit\":\"{PackYears}\",\"date\":\"" + LocalDate.now() + "\"}");
        post(id, "{\"coding\":{\"system\":\"http://loinc.org\",\"code\":\"74010-0\",\"display\":\"Date quit tobacco smoking\"},"
                + "\"valueText\":\"" + quit + "\",\"date\":\"" + LocalDate.now() + "\"}");
        given().get("/api/v1/patients/" + id + "/preventive-care?programme=uspstf&language=en").then().statusCode(200)
                .body("items.find { it.id == 'lung-cancer-screening' }.status", not(equalTo("not-applicable")))
                .body("items.find { it.id == 'lung-cancer-screening' }.reason", not(containsString("missing")))
                .body("items.programmeVersion", hasItem("USPSTF 2021"));
    }

    @Test
    void theDoctorRecordsTheSmokingHistoryInOneCall() {
        long id = patient();
        String quit = LocalDate.now().minusYears(20).toString();
        given().contentType(ContentType.JSON).body("{\"status\":\"former\",\"packYears\":30,\"quitDate\":\"" + quit + "\"}")
                .post("/api/v1/patients/" + id + "/smoking").then().statusCode(200)
                .body("entry.coding.code", org.hamcrest.Matchers.contains("72166-2", "401201003", "74010-0"));
        org.assertj.core.api.Assertions.assertThat(lungReason(id)).contains("quit more than 15 years ago");
        given().contentType(ContentType.JSON).body("{\"packYears\":-3}").post("/api/v1/patients/" + id + "/smoking")
                .then().statusCode(400).body("errors[0].field", equalTo("packYears"));
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/patients/" + id + "/smoking")
                .then().statusCode(400);
    }

    private static void post(long id, String body) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/patients/" + id + "/observations").then()
                .statusCode(201);
    }
}
