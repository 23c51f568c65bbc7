package com.mediassist.appliance.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mediassist.appliance.audit.AuditService;
import com.mediassist.store.Database;
import com.mediassist.store.history.HistoryEntry;
import com.mediassist.store.history.HistoryItem;
import com.mediassist.store.history.HistoryKind;
import com.mediassist.store.notes.SignedNote;
import com.mediassist.store.patients.Patient;
import com.mediassist.store.patients.PatientDetails;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: a realistic record (every history kind, hand-entered and imported, a date of death, a
 * smoking history and a signed consultation) survives export → import into an empty box, and
 * re-importing the export into the same box, once or ten times, changes nothing.
 */
@QuarkusTest
@TestSecurity(user = "dr-roundtrip", roles = "doctor")
class FhirRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Database database;
    @Inject
    FhirBundleReader reader;
    @Inject
    FhirBundleWriter writer;
    @Inject
    FhirExportService exports;
    @Inject
    AuditService audit;
    @Inject
    FhirContext fhir;

    /** A record as the doctor sees it, without database ids and write times. */
    record Snapshot(PatientDetails patient, Map<String, HistoryEntry> items, Map<String, List<Object>> notes) {
    }

    private static Snapshot snapshot(Database db, long patientId) {
        Patient p = db.patients().get(patientId);
        Map<String, HistoryEntry> items = new TreeMap<>();
        for (List<HistoryItem> list : db.history().all(patientId).values()) {
            for (HistoryItem item : list) {
                assertThat(items.put(item.kind() + "/" + item.uid(), item.entry())).as("duplicate uid").isNull();
            }
        }
        Map<String, List<Object>> notes = new TreeMap<>();
        for (SignedNote n : db.notes().list(patientId)) {
            notes.put(n.uid(), List.of(n.title(), n.signedAt(), n.author(), n.text(),
                    n.diagnosis() == null ? "" : n.diagnosis()));
        }
        return new Snapshot(p.details(), items, notes);
    }

    @Test
    void aRealisticRecordSurvivesExportAndImportIntoAnEmptyBoxAndIntoTheSameBoxTenTimes() throws Exception {
        long id = FhirFixtures.realisticRecord(database, "roundtrip-" + UUID.randomUUID());
        Snapshot original = snapshot(database, id);
        assertThat(original.items()).hasSize(144 + 12);
        assertThat(original.notes()).hasSize(1);
        String export = exports.export(id);

        for (int trip = 1; trip <= 10; trip++) {
            given().contentType(ContentType.JSON).body(export).post("/api/v1/fhir/import").then().statusCode(200)
                    .body("patientId", equalTo((int) id)).body("patientCreated", equalTo(false))
                    .body("imported.conditions.created", equalTo(0)).body("imported.medications.created", equalTo(0))
                    .body("imported.allergies.created", equalTo(0)).body("imported.immunizations.created", equalTo(0))
                    .body("imported.procedures.created", equalTo(0)).body("imported.observations.created", equalTo(0))
                    .body("imported.notes.created", equalTo(0));
            assertThat(snapshot(database, id)).as("after trip " + trip).isEqualTo(original);
        }

        Path dir = Files.createTempDirectory("empty-box");
        try (Database empty = Database.open(dir)) {
            FhirImportService importer = new FhirImportService(reader, empty, audit);
            ImportReport report = importer.importBundle(export);
            assertThat(report.patientCreated()).isTrue();
            assertThat(report.imported().get("notes").created()).isEqualTo(1);
            Snapshot copied = snapshot(empty, report.patientId());
            assertThat(copied).isEqualTo(original);

            String exportFromCopy = new FhirExportService(writer, empty, audit).export(report.patientId());
            Map<String, String> copiedResources = resources(exportFromCopy, report.patientId());
            Map<String, String> originalResources = resources(export, id);
            assertThat(copiedResources.keySet()).isEqualTo(originalResources.keySet());
            originalResources.forEach((key, resource) -> assertThat(copiedResources.get(key)).as(key).isEqualTo(resource));
            importer.importBundle(exportFromCopy);
            importer.importBundle(exportFromCopy);
            assertThat(snapshot(empty, report.patientId())).isEqualTo(original);
        }
    }

    @Test
    void theExportIsWellFormedFhirWithTheFactsTheRecordHolds() throws Exception {
        long id = FhirFixtures.realisticRecord(database, "wellformed-" + UUID.randomUUID());
        String export = exports.export(id);
        Bundle bundle = fhir.newJsonParser().setParserErrorHandler(new StrictErrorHandler())
                .parseResource(Bundle.class, export);
        JsonNode json = JSON.readTree(export);
        JsonNode patient = json.get("entry").get(0).get("resource");
        assertThat(patient.get("deceasedDateTime").asText()).isEqualTo("2026-01-20");
        List<String> types = new ArrayList<>();
        for (JsonNode e : json.get("entry")) {
            JsonNode r = e.get("resource");
            types.add(r.get("resourceType").asText());
            if (!"Patient".equals(r.get("resourceType").asText())) {
                assertThat(r.get("identifier").toString()).as(r.get("id").asText())
                        .contains(FhirBundleWriter.ITEM_SYSTEM).contains(r.get("id").asText());
            }
        }
        assertThat(types).contains("Composition", "AllergyIntolerance", "MedicationRequest", "MedicationStatement",
                "Immunization", "Procedure", "Observation", "Condition");
        String text = export;
        assertThat(text).contains("\"criticality\":\"high\"").contains("urticaria, angioedema")
                .contains("2 inhalaciones cada 8 h si disnea").contains("\"status\":\"not-done\"")
                .contains("\"abatementDateTime\":\"2015-06-30\"").contains("\"code\":\"resolved\"")
                .contains("\"valueDateTime\":\"2015-06-30\"").contains("\"code\":\"8517006\"")
                .contains("Exacerbación asmática");
        assertThat(bundle.getEntry()).allSatisfy(e -> assertThat(e.getResource().getIdElement().getIdPart()).isNotBlank());
    }

    /** Every resource of an export by id, with the patient's box-specific id made neutral. */
    private static Map<String, String> resources(String export, long patientId) throws Exception {
        Map<String, String> byId = new TreeMap<>();
        for (JsonNode e : JSON.readTree(export).get("entry")) {
            String text = e.get("resource").toString().replace("mediassist-patient-" + patientId, "PATIENT");
            String id = e.get("resource").get("id").asText().replace("mediassist-patient-" + patientId, "PATIENT");
            byId.put(e.get("resource").get("resourceType").asText() + "/" + id, text);
        }
        return byId;
    }
}
