package com.mediassist.appliance.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mediassist.store.Database;
import com.mediassist.store.audit.AuditEntry;
import com.mediassist.store.history.HistoryKind;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "dr-import", roles = "doctor")
class FhirImportExportTest {

    @Inject
    Database database;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The Synthea record under a patient number of its own, so tests do not share a patient. */
    private static ObjectNode syntheaAs(String number) {
        ObjectNode bundle = FhirFixtures.synthea();
        for (JsonNode identifier : bundle.withArray("entry").get(0).get("resource").withArray("identifier")) {
            ((ObjectNode) identifier).put("value", number);
        }
        return bundle;
    }

    private static Map<String, Integer> countByType(String bundle) throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonNode entry : JSON.readTree(bundle).get("entry")) {
            counts.merge(entry.get("resource").get("resourceType").asText(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void importsTheSyntheaRecordExportsItAndReimportsWithoutDuplicates() throws Exception {
        String number = "synthea-" + UUID.randomUUID();
        var created = given().contentType("application/fhir+json").body(syntheaAs(number).toString())
                .post("/api/v1/fhir/import").then().statusCode(201)
                .body("patientNumber", equalTo(number)).body("patientCreated", equalTo(true))
                .body("imported.conditions.created", equalTo(10)).body("imported.medications.created", equalTo(3))
                .body("imported.immunizations.created", equalTo(9)).body("imported.procedures.created", equalTo(4))
                .body("imported.observations.created", equalTo(118)).body("imported.allergies.created", equalTo(0))
                .body("skipped.Claim", equalTo(19)).body("skipped.ExplanationOfBenefit", equalTo(16))
                .body("skipped.Encounter", equalTo(16)).body("skipped.DiagnosticReport", equalTo(11))
                .extract().jsonPath();
        long id = created.getLong("patientId");
        given().get("/api/v1/patients/" + id).then().statusCode(200)
                .body("familyName", equalTo("Dare")).body("birthDate", equalTo("1976-06-14")).body("sex", equalTo("male"));

        String export = given().get("/api/v1/patients/" + id + "/fhir").then().statusCode(200)
                .contentType(containsString("application/fhir+json")).extract().asString();
        assertThat(countByType(export)).containsEntry("Patient", 1).containsEntry("Condition", 10)
                .containsEntry("MedicationStatement", 3).containsEntry("Immunization", 9)
                .containsEntry("Procedure", 4).containsEntry("Observation", 118).hasSize(6);
        assertThat(JSON.readTree(export).get("type").asText()).isEqualTo("collection");

        given().contentType(ContentType.JSON).body(export).post("/api/v1/fhir/import").then().statusCode(200)
                .body("patientId", equalTo((int) id)).body("patientCreated", equalTo(false))
                .body("imported.conditions.created", equalTo(0)).body("imported.conditions.updated", equalTo(10))
                .body("imported.observations.created", equalTo(0)).body("imported.observations.updated", equalTo(118));
        given().contentType(ContentType.JSON).body(syntheaAs(number).toString()).post("/api/v1/fhir/import").then()
                .statusCode(200).body("imported.medications.created", equalTo(0));

        Map<HistoryKind, Integer> sizes = new TreeMap<>();
        database.history().all(id).forEach((kind, items) -> sizes.put(kind, items.size()));
        assertThat(sizes).containsEntry(HistoryKind.CONDITION, 10).containsEntry(HistoryKind.MEDICATION, 3)
                .containsEntry(HistoryKind.IMMUNIZATION, 9).containsEntry(HistoryKind.PROCEDURE, 4)
                .containsEntry(HistoryKind.OBSERVATION, 118);
        String reExport = given().get("/api/v1/patients/" + id + "/fhir").then().statusCode(200).extract().asString();
        assertThat(countByType(reExport)).isEqualTo(countByType(export));

        assertThat(database.audit().list(id, null, 100)).extracting(AuditEntry::action)
                .contains("patient.import", "patient.export");
    }

    @Test
    void oneMalformedResourceRejectsTheWholeImportAndStoresNothing() {
        String number = "malformed-" + UUID.randomUUID();
        ObjectNode bundle = syntheaAs(number);
        for (JsonNode entry : bundle.withArray("entry")) {
            ObjectNode resource = (ObjectNode) entry.get("resource");
            if ("Observation".equals(resource.path("resourceType").asText())) {
                resource.put("effectiveDateTime", "2013-02-30T99:00:00");
                break;
            }
        }
        long patientsBefore = database.patients().count();
        long auditBefore = database.audit().count();
        given().contentType(ContentType.JSON).body(bundle.toString()).post("/api/v1/fhir/import").then()
                .statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("FHIR bundle rejected"))
                .body("errors.size()", greaterThanOrEqualTo(1))
                .body("errors[0].field", containsString("Observation"))
                .body("detail", containsString("nothing was imported"));
        assertThat(database.patients().findByNumber(number)).isEmpty();
        assertThat(database.patients().count()).isEqualTo(patientsBefore);
        assertThat(database.audit().count()).isEqualTo(auditBefore);
        given().get("/api/v1/patients?q=" + number).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void bundleWithoutPatientOrNotJsonIs400() {
        given().contentType(ContentType.JSON).body(FhirFixtures.withoutPatient()).post("/api/v1/fhir/import").then()
                .statusCode(400).body("errors[0].message", containsString("exactly one Patient"));
        given().contentType(ContentType.JSON).body("{\"resourceType\":\"Bundle\",\"type\":").post("/api/v1/fhir/import")
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
    }

    @Test
    void exportOfUnknownPatientIs404() {
        given().get("/api/v1/patients/99999999/fhir").then().statusCode(404);
    }
}
