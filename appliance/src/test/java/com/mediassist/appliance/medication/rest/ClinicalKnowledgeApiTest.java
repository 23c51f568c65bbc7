package com.mediassist.appliance.medication.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.mediassist.store.Database;
import com.mediassist.store.history.AllergyEntry;
import com.mediassist.store.history.Coding;
import com.mediassist.store.history.ConditionEntry;
import com.mediassist.store.history.ConditionStatus;
import com.mediassist.store.history.ImmunizationEntry;
import com.mediassist.store.history.MedicationEntry;
import com.mediassist.store.history.MedicationStatus;
import com.mediassist.store.history.ObservationEntry;
import com.mediassist.store.patients.Patient;
import com.mediassist.store.patients.PatientDetails;
import com.mediassist.core.knowledge.Sex;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The three clinical-knowledge endpoints through HTTP, as a doctor. */
@QuarkusTest
@TestSecurity(user = "doc", roles = "doctor")
class ClinicalKnowledgeApiTest {

    @Inject
    Database database;

    private Patient patient(LocalDate birth, Sex sex) {
        return database.patients().create(new PatientDetails("T-" + UUID.randomUUID(), "Ana", "Prueba", birth, sex));
    }

    @Test
    void medicationCheckFlagsSintromWithIbuprofenAndListsUnknownNames() {
        given().contentType(ContentType.JSON)
                .body("{\"medications\": [\"Sintrom 4 mg\", \"ibuprofeno 600\", \"pastillas rosas\"], \"language\": \"es\"}")
                .post("/api/v1/medication-check").then().statusCode(200)
                .body("interrupt", equalTo(true))
                .body("alerts[0].kind", equalTo("drug-drug"))
                .body("alerts[0].severity", equalTo("major"))
                .body("alerts[0].interrupt", equalTo(true))
                .body("alerts[0].drugs", hasItems("acenocumarol", "ibuprofeno"))
                .body("alerts[0].source", containsString("Sintrom"))
                .body("medications[0].matched", equalTo(true))
                .body("medications[0].how", equalTo("brand"))
                .body("medications[0].ingredients[0].key", equalTo("acenocoumarol"))
                .body("unknown", equalTo(List.of("pastillas rosas")))
                .body("knowledgeVersion", notNullValue())
                .body("notice", containsString("médico"));
    }

    @Test
    void medicationCheckAnswersInEnglish() {
        given().contentType(ContentType.JSON)
                .body("{\"medications\": [\"propranolol\"], \"conditions\": [\"asthma\"], \"language\": \"en\"}")
                .post("/api/v1/medication-check").then().statusCode(200)
                .body("alerts[0].kind", equalTo("drug-condition"))
                .body("alerts[0].severity", equalTo("contraindicated"))
                .body("alerts[0].message", containsString("asthma"));
    }

    @Test
    void medicationCheckAcceptsAnEgfrObservation() {
        given().contentType(ContentType.JSON)
                .body("{\"medications\": [\"metformina 850\"], \"observations\": [{\"code\": \"62238-1\", \"value\": 25}]}")
                .post("/api/v1/medication-check").then().statusCode(200)
                .body("alerts[0].ruleId", equalTo("metformin-egfr-30"))
                .body("alerts[0].interrupt", equalTo(true));
    }

    @Test
    void medicationCheckRejectsUnknownFieldsWrongTypesAndLongLists() {
        given().contentType(ContentType.JSON).body("{\"medications\": [\"Sintrom\"], \"dose\": 4}")
                .post("/api/v1/medication-check").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("dose"));
        given().contentType(ContentType.JSON).body("{\"medications\": \"Sintrom\", \"egfr\": \"bajo\"}")
                .post("/api/v1/medication-check").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"medications\": [\"Sintrom\"], \"egfr\": \"bajo\"}")
                .post("/api/v1/medication-check").then().statusCode(400).body("detail", containsString("egfr"));
        String many = String.join(",", Collections.nCopies(101, "\"paracetamol\""));
        given().contentType(ContentType.JSON).body("{\"medications\": [" + many + "]}")
                .post("/api/v1/medication-check").then().statusCode(400)
                .body("errors[0].field", equalTo("medications"));
        given().contentType(ContentType.JSON).body("{\"medications\": [\"Sintrom\"], \"language\": \"fr\"}")
                .post("/api/v1/medication-check").then().statusCode(400)
                .body("errors[0].field", equalTo("language"));
        given().contentType(ContentType.JSON).body("{}")
                .post("/api/v1/medication-check").then().statusCode(400)
                .body("errors[0].field", equalTo("medications"));
    }

    @Test
    void medicationCheckWithUnknownPatientIs404() {
        given().contentType(ContentType.JSON).body("{\"medications\": [\"Sintrom\"], \"patientId\": 987654321}")
                .post("/api/v1/medication-check").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void medicationCheckIncludesTheStoredRecordAndAuditsTheRead() {
        Patient p = patient(LocalDate.of(1950, 3, 3), Sex.MALE);
        database.history().add(p.id(), new MedicationEntry(Coding.text("Sintrom 4 mg comprimidos"),
                MedicationStatus.ACTIVE, null, null, null, null));
        database.history().add(p.id(), new AllergyEntry(Coding.text("Penicilina"), null, null, null, null));
        database.history().add(p.id(), new ConditionEntry(new Coding("http://snomed.info/sct", "195967001", "Asthma"),
                ConditionStatus.ACTIVE, null, null, null));
        database.history().add(p.id(), new ObservationEntry(new Coding("http://loinc.org", "33914-3", "eGFR"), 24.0,
                null, "mL/min/1.73m2", LocalDate.of(2026, 1, 10), null));
        given().contentType(ContentType.JSON)
                .body("{\"medications\": [\"ibuprofeno\", \"amoxicilina 500\", \"propranolol\", \"metformina\"],"
                        + " \"patientId\": " + p.id() + "}")
                .post("/api/v1/medication-check").then().statusCode(200)
                .body("storedMedications", equalTo(List.of("Sintrom 4 mg comprimidos")))
                .body("alerts.ruleId", hasItems("bleeding-anticoagulant-nsaid", "allergy-penicillin-penicillin",
                        "nonselective-bb-asthma", "metformin-egfr-30", "nsaid-egfr-30"));
        assertThat(database.audit().list(p.id(), null, 10)).anyMatch(a -> a.action().equals("medication-check.read")
                && a.actor().equals("doc"));
    }

    @Test
    void recommendedTestsOrdersAndDeduplicates() {
        given().contentType(ContentType.JSON)
                .body("{\"differential\": [{\"pathology\": \"Pulmonary embolism\", \"probability\": 0.4},"
                        + " {\"pathology\": \"Possible NSTEMI / STEMI\", \"probability\": 0.3},"
                        + " {\"pathology\": \"Dengue\", \"probability\": 0.1}], \"language\": \"en\"}")
                .post("/api/v1/recommended-tests").then().statusCode(200)
                .body("tests[0].test", equalTo("ctpa"))
                .body("tests.find { it.test == 'ecg' }.reasons", hasSize(2))
                .body("tests.test", hasItems("d-dimer", "ctpa", "hs-troponin"))
                .body("tests[0].sources", hasItem(containsString("ESC 2019")))
                .body("unknownPathologies", equalTo(List.of("Dengue")));
    }

    @Test
    void recommendedTestsRejectsBadInput() {
        given().contentType(ContentType.JSON).body("{\"differential\": [{\"pathology\": \"Pneumonia\", \"probability\": 2}]}")
                .post("/api/v1/recommended-tests").then().statusCode(400)
                .body("errors[0].field", equalTo("differential[0].probability"));
        given().contentType(ContentType.JSON).body("{\"differential\": []}")
                .post("/api/v1/recommended-tests").then().statusCode(400)
                .body("errors[0].field", equalTo("differential"));
        given().contentType(ContentType.JSON).body("{\"differential\": [{\"pathology\": \"Pneumonia\", \"p\": 0.2}]}")
                .post("/api/v1/recommended-tests").then().statusCode(400).body("detail", containsString("p"));
    }

    @Test
    void preventiveCareReadsTheStoredPatient() {
        Patient p = patient(LocalDate.of(1950, 3, 3), Sex.FEMALE);
        database.history().add(p.id(), new ImmunizationEntry(new Coding("http://hl7.org/fhir/sid/cvx", "187",
                "zoster recombinant"), LocalDate.of(2025, 1, 10), null));
        database.history().add(p.id(), new ImmunizationEntry(new Coding("http://hl7.org/fhir/sid/cvx", "187",
                "zoster recombinant"), LocalDate.of(2025, 4, 10), null));
        given().get("/api/v1/patients/" + p.id() + "/preventive-care?language=es").then().statusCode(200)
                .body("patientId", equalTo((int) p.id()))
                .body("programme", equalTo("papps"))
                .body("items.find { it.id == 'herpes-zoster-vaccine' }.status", equalTo("up-to-date"))
                .body("items.find { it.id == 'colorectal-cancer-screening' }.status", equalTo("not-applicable"))
                .body("items.find { it.id == 'breast-cancer-screening' }.status", equalTo("not-applicable"))
                .body("items.find { it.id == 'influenza-vaccine' }.status", notNullValue());
        assertThat(database.audit().list(p.id(), null, 10)).anyMatch(a -> a.action().equals("preventive-care.read"));
        given().get("/api/v1/patients/" + p.id() + "/preventive-care?language=en&programme=uspstf").then()
                .statusCode(200).body("programme", equalTo("uspstf"))
                .body("items.find { it.id == 'colorectal-cancer-screening' }.name", equalTo("Colorectal cancer screening"));
    }

    @Test
    void preventiveCareRejectsUnknownPatientsAndLanguages() {
        given().get("/api/v1/patients/987654321/preventive-care").then().statusCode(404)
                .contentType("application/problem+json");
        Patient p = patient(LocalDate.of(1980, 1, 1), Sex.MALE);
        given().get("/api/v1/patients/" + p.id() + "/preventive-care?language=fr").then().statusCode(400)
                .body("errors[0].field", equalTo("language"));
        given().get("/api/v1/patients/" + p.id() + "/preventive-care?programme=nhs").then().statusCode(400)
                .body("errors[0].field", equalTo("programme"));
    }
}
