package com.mediassist.appliance.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mediassist.appliance.audit.AuditService;
import com.mediassist.store.Database;
import com.mediassist.store.consultations.ConsultationUpdate;
import com.mediassist.store.history.AllergyEntry;
import com.mediassist.store.history.Coding;
import com.mediassist.store.history.ConditionEntry;
import com.mediassist.store.history.ConditionStatus;
import com.mediassist.store.history.Criticality;
import com.mediassist.store.history.HistoryEntry;
import com.mediassist.store.history.HistoryItem;
import com.mediassist.store.history.HistoryKind;
import com.mediassist.store.history.ImmunizationEntry;
import com.mediassist.store.history.ImmunizationStatus;
import com.mediassist.store.history.MedicationEntry;
import com.mediassist.store.history.MedicationStatus;
import com.mediassist.store.history.ObservationEntry;
import com.mediassist.store.history.ProcedureCategory;
import com.mediassist.store.history.ProcedureEntry;
import com.mediassist.store.notes.SignedNote;
import com.mediassist.store.patients.Patient;
import com.mediassist.store.patients.PatientDetails;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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

    private static final String SNOMED = "http://snomed.info/sct";
    private static final String LOINC = "http://loinc.org";
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

    private long realisticPatient(String number) {
        ObjectNode synthea = FhirFixtures.synthea();
        for (JsonNode identifier : synthea.withArray("entry").get(0).get("resource").withArray("identifier")) {
            ((ObjectNode) identifier).put("value", number);
        }
        long id = given().contentType("application/fhir+json").body(synthea.toString()).post("/api/v1/fhir/import")
                .then().statusCode(201).extract().jsonPath().getLong("patientId");
        List<HistoryEntry> byHand = List.of(
                new ConditionEntry(new Coding(SNOMED, "77176002", "Fumador"), ConditionStatus.RESOLVED,
                        LocalDate.of(1990, 1, 1), LocalDate.of(2015, 6, 30), null),
                new ConditionEntry(Coding.text("Asma"), ConditionStatus.ACTIVE, LocalDate.of(2001, 5, 1), null, null),
                new MedicationEntry(Coding.text("Salbutamol 100 mcg inhalador"), MedicationStatus.ACTIVE,
                        LocalDate.of(2020, 2, 2), null, "2 inhalaciones cada 8 h si disnea", null),
                new MedicationEntry(Coding.text("Amoxicilina 500 mg"), MedicationStatus.CANCELLED, LocalDate.of(2021, 3, 3),
                        null, "1 cápsula cada 8 h, 7 días", null),
                new AllergyEntry(new Coding(SNOMED, "373270004", "Penicilina"), "urticaria, angioedema",
                        Criticality.HIGH, LocalDate.of(2010, 7, 7), null),
                new ImmunizationEntry(new Coding("http://hl7.org/fhir/sid/cvx", "140", "Gripe"), LocalDate.of(2025, 10, 15),
                        null, ImmunizationStatus.COMPLETED),
                new ImmunizationEntry(Coding.text("Neumococo VNC20"), LocalDate.of(2025, 11, 2), null,
                        ImmunizationStatus.NOT_DONE),
                new ImmunizationEntry(Coding.text("Tétanos"), null, null),
                new ProcedureEntry(Coding.text("Colonoscopia"), ProcedureCategory.SCREENING, LocalDate.of(2019, 9, 9), null),
                new ObservationEntry(new Coding(LOINC, "72166-2", "Tobacco smoking status"), null, "Exfumador", null,
                        LocalDate.of(2024, 1, 10), null),
                new ObservationEntry(new Coding(SNOMED, "401201003", "Cigarette pack-years"), 32.5, null, "{PackYears}",
                        LocalDate.of(2024, 1, 10), null),
                new ObservationEntry(new Coding(LOINC, "74010-0", "Date quit tobacco smoking"), null, "2015-06-30", null,
                        LocalDate.of(2024, 1, 10), null));
        for (HistoryEntry e : byHand) {
            database.history().add(id, e);
        }
        long consultation = database.consultations().start(id, "dr-roundtrip").id();
        database.consultations().update(consultation, new ConsultationUpdate(
                "Motivo: tos.\nExploración: sibilancias <leves> & roncus.\n\nPlan: control en 2 semanas.", null, null,
                "Exacerbación asmática"));
        database.consultations().signOff(consultation);
        Patient p = database.patients().get(id);
        database.patients().update(id, new PatientDetails(p.patientNumber(), p.givenName(), p.familyName(),
                p.birthDate(), p.sex(), true, LocalDate.of(2026, 1, 20)));
        return id;
    }

    @Test
    void aRealisticRecordSurvivesExportAndImportIntoAnEmptyBoxAndIntoTheSameBoxTenTimes() throws Exception {
        long id = realisticPatient("roundtrip-" + UUID.randomUUID());
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
        long id = realisticPatient("wellformed-" + UUID.randomUUID());
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
