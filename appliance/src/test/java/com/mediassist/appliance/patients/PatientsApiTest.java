package com.mediassist.appliance.patients;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.mediassist.store.Database;
import com.mediassist.store.audit.AuditEntry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "dr-lopez", roles = "doctor")
class PatientsApiTest {

    @Inject
    Database database;

    private static String number() {
        return "N-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private static long create(String number, String given, String family) {
        return given().contentType(ContentType.JSON)
                .body("{\"patientNumber\":\"" + number + "\",\"givenName\":\"" + given + "\",\"familyName\":\"" + family
                        + "\",\"birthDate\":\"1961-03-04\",\"sex\":\"female\"}")
                .post("/api/v1/patients").then().statusCode(201)
                .header("Location", containsString("/api/v1/patients/"))
                .extract().jsonPath().getLong("id");
    }

    @Test
    void createsReadsAndUpdatesAPatient() {
        String number = number();
        long id = create(number, "María José", "García Núñez");
        given().get("/api/v1/patients/" + id).then().statusCode(200)
                .body("patientNumber", equalTo(number)).body("givenName", equalTo("María José"))
                .body("birthDate", equalTo("1961-03-04")).body("sex", equalTo("female"));
        given().contentType(ContentType.JSON)
                .body("{\"patientNumber\":\"" + number + "\",\"givenName\":\"María José\",\"familyName\":\"García\","
                        + "\"birthDate\":\"1961-03-05\",\"sex\":\"female\"}")
                .put("/api/v1/patients/" + id).then().statusCode(200)
                .body("familyName", equalTo("García")).body("birthDate", equalTo("1961-03-05"));
    }

    @Test
    void searchesByNameIgnoringAccentsAndByNumber() {
        String number = number();
        String family = "Zúñiga" + UUID.randomUUID().toString().substring(0, 6);
        create(number, "Íñigo", family);
        given().queryParam("q", "inigo " + family.replace("ú", "u").replace("ñ", "n").toUpperCase())
                .get("/api/v1/patients").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].patientNumber", equalTo(number));
        given().queryParam("q", number).get("/api/v1/patients").then().statusCode(200)
                .body("items[0].patientNumber", equalTo(number));
    }

    @Test
    void duplicatePatientNumberIs409AndWritesNothing() {
        String number = number();
        create(number, "Ana", "Uno");
        long before = database.patients().count();
        given().contentType(ContentType.JSON)
                .body("{\"patientNumber\":\"" + number + "\",\"givenName\":\"Otra\",\"familyName\":\"Dos\"}")
                .post("/api/v1/patients").then().statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo("patientNumber"));
        assertThat(database.patients().count()).isEqualTo(before);
    }

    @Test
    void malformedJsonIs400Problem() {
        given().contentType(ContentType.JSON).body("{\"patientNumber\": \"x\", ").post("/api/v1/patients").then()
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("Malformed JSON"));
    }

    @Test
    void wrongTypesAndBadValuesAre400NamingTheField() {
        given().contentType(ContentType.JSON)
                .body("{\"patientNumber\":\"" + number() + "\",\"givenName\":\"A\",\"familyName\":\"B\",\"birthDate\":\"yesterday\"}")
                .post("/api/v1/patients").then().statusCode(400).body("errors[0].field", equalTo("birthDate"));
        given().contentType(ContentType.JSON)
                .body("{\"patientNumber\":\"" + number() + "\",\"givenName\":\"A\",\"familyName\":\"B\",\"sex\":\"yes\"}")
                .post("/api/v1/patients").then().statusCode(400).body("errors[0].field", equalTo("sex"))
                .body("detail", containsString("female"));
        given().contentType(ContentType.JSON)
                .body("{\"patientNumber\":\"" + number() + "\",\"familyName\":\"B\"}")
                .post("/api/v1/patients").then().statusCode(400).body("errors[0].field", equalTo("givenName"));
        given().contentType(ContentType.JSON).body("[1,2]").post("/api/v1/patients").then().statusCode(400);
    }

    @Test
    void unknownIdIs404AndNonNumericIdIs400() {
        given().get("/api/v1/patients/987654321").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("987654321"));
        given().get("/api/v1/patients/abc").then().statusCode(400).body("errors[0].field", equalTo("id"));
        given().get("/api/v1/patients/987654321/conditions").then().statusCode(404);
    }

    @Test
    void addsListsAndDeletesHistoryItems() {
        long id = create(number(), "Luis", "Pérez");
        String location = given().contentType(ContentType.JSON)
                .body("{\"coding\":{\"system\":\"http://snomed.info/sct\",\"code\":\"38341003\",\"display\":\"Hipertensión\"},"
                        + "\"status\":\"active\",\"onsetDate\":\"2019-05-01\"}")
                .post("/api/v1/patients/" + id + "/conditions").then().statusCode(201)
                .body("entry.coding.display", equalTo("Hipertensión")).body("entry.status", equalTo("active"))
                .extract().header("Location");
        given().contentType(ContentType.JSON)
                .body("{\"coding\":{\"display\":\"Metformina 850 mg\"},\"status\":\"on-hold\",\"dosage\":\"1-0-1\"}")
                .post("/api/v1/patients/" + id + "/medications").then().statusCode(201)
                .body("entry.status", equalTo("on-hold"));
        given().get("/api/v1/patients/" + id + "/conditions").then().statusCode(200).body("$", hasSize(1));
        given().get("/api/v1/patients/" + id + "/history").then().statusCode(200)
                .body("medications", hasSize(1)).body("allergies", hasSize(0));

        given().delete(location).then().statusCode(204);
        given().get("/api/v1/patients/" + id + "/conditions").then().statusCode(200).body("$", hasSize(0));
        given().delete(location).then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"status\":\"active\"}")
                .post("/api/v1/patients/" + id + "/conditions").then().statusCode(400)
                .body("errors[0].field", equalTo("coding"));
    }

    @Test
    void everyReadAndWriteOfAPatientIsAudited() {
        long id = create(number(), "Eva", "Sanz");
        given().get("/api/v1/patients/" + id).then().statusCode(200);
        given().get("/api/v1/patients/" + id + "/allergies").then().statusCode(200);
        List<AuditEntry> rows = database.audit().list(id, null, 100);
        assertThat(rows).extracting(AuditEntry::action)
                .contains("patient.create", "patient.read", "patient.allergies.read");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.actor()).isEqualTo("dr-lopez");
            assertThat(row.patientId()).hasValue(id);
            assertThat(row.at()).isNotNull();
        });
        database.audit().verify();
    }

    @Test
    void oversizedBodyIs413Problem() {
        byte[] body = new byte[21 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');
        given().contentType(ContentType.JSON).body(body).post("/api/v1/patients").then().statusCode(413)
                .contentType("application/problem+json").body("detail", containsString("limit"));
        given().get("/api/v1/patients/987654321").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "it-admin", roles = "admin")
    void adminMayUseThePatientsApiToo() {
        given().get("/api/v1/patients").then().statusCode(200);
        given().contentType(ContentType.JSON).post("/api/v1/patients").then().statusCode(400)
                .body("errors[0].field", equalTo("body"));
        given().get("/api/v1/audit?limit=5").then().statusCode(200);
    }

    @Test
    void createdPatientIsReachableAtTheLocationHeader() {
        String number = number();
        String location = given().contentType(ContentType.JSON)
                .body("{\"patientNumber\":\"" + number + "\",\"givenName\":\"A\",\"familyName\":\"B\"}")
                .post("/api/v1/patients").then().statusCode(201).extract().header("Location");
        given().get(location).then().statusCode(200).body("patientNumber", equalTo(number)).body("sex", equalTo("unknown"));
        assertThat(location).satisfies(l -> org.hamcrest.MatcherAssert.assertThat(l, endsWith(
                String.valueOf(database.patients().findByNumber(number).orElseThrow().id()))));
    }
}
