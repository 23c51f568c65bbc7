package com.mediassist.appliance.fhir;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mediassist.store.Database;
import com.mediassist.store.consultations.ConsultationUpdate;
import com.mediassist.store.history.AllergyEntry;
import com.mediassist.store.history.Coding;
import com.mediassist.store.history.ConditionEntry;
import com.mediassist.store.history.ConditionStatus;
import com.mediassist.store.history.Criticality;
import com.mediassist.store.history.HistoryEntry;
import com.mediassist.store.history.ImmunizationEntry;
import com.mediassist.store.history.ImmunizationStatus;
import com.mediassist.store.history.MedicationEntry;
import com.mediassist.store.history.MedicationStatus;
import com.mediassist.store.history.ObservationEntry;
import com.mediassist.store.history.ProcedureCategory;
import com.mediassist.store.history.ProcedureEntry;
import com.mediassist.store.patients.Patient;
import com.mediassist.store.patients.PatientDetails;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/** The Synthea record and variants of it, one per failure case, built in memory. */
public final class FhirFixtures {

    public static final String SYNTHEA = "/fhir/synthea-r4-patient.json";
    private static final String SNOMED = "http://snomed.info/sct";
    private static final String LOINC = "http://loinc.org";
    public static final String SYNTHEA_PATIENT_NUMBER = "f07e9b1d-9cc7-465e-8abc-94e84793d1fb";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FhirFixtures() {
    }

    public static ObjectNode synthea() {
        try (InputStream in = FhirFixtures.class.getResourceAsStream(SYNTHEA)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + SYNTHEA);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String syntheaText() {
        return synthea().toString();
    }

    /** The Synthea bundle with the first resource of {@code type} changed by {@code change}. */
    public static String withFirst(String type, Consumer<ObjectNode> change) {
        ObjectNode bundle = synthea();
        for (var entry : bundle.withArray("entry")) {
            ObjectNode resource = (ObjectNode) entry.get("resource");
            if (type.equals(resource.path("resourceType").asText())) {
                change.accept(resource);
                return bundle.toString();
            }
        }
        throw new IllegalArgumentException("no " + type + " in the fixture");
    }

    /** The Synthea bundle with its Patient entry removed. */
    public static String withoutPatient() {
        ObjectNode bundle = synthea();
        ArrayNode entries = bundle.withArray("entry");
        for (int i = 0; i < entries.size(); i++) {
            if ("Patient".equals(entries.get(i).path("resource").path("resourceType").asText())) {
                entries.remove(i);
                break;
            }
        }
        return bundle.toString();
    }

    /** The Synthea bundle with a second, different Patient appended. */
    public static String withSecondPatient() {
        ObjectNode bundle = synthea();
        ObjectNode second = bundle.withArray("entry").addObject();
        second.put("fullUrl", "urn:uuid:00000000-0000-0000-0000-000000000002");
        ObjectNode patient = second.putObject("resource");
        patient.put("resourceType", "Patient").put("id", "00000000-0000-0000-0000-000000000002");
        patient.putArray("name").addObject().put("family", "Otro").putArray("given").add("Paciente");
        return bundle.toString();
    }

    /**
     * A realistic record in {@code database} through the running appliance: the Synthea patient
     * imported over the API (under {@code number}), twelve history items entered by hand (every
     * kind, smoking status, pack-years and quit date among them), a signed consultation, and a date
     * of death. The caller's test security identity is the doctor {@code dr-roundtrip}.
     *
     * @return the patient's id
     */
    public static long realisticRecord(Database database, String number) {
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
}
