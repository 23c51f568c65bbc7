package com.mediassist.appliance.consult;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.mediassist.store.Database;
import com.mediassist.store.feedback.Feedback;
import com.mediassist.store.feedback.FeedbackAction;
import com.mediassist.store.feedback.Suggestion;
import com.mediassist.store.feedback.SuggestionKind;
import com.mediassist.store.outbox.OutboxEvent;
import com.mediassist.store.patients.Patient;
import com.mediassist.store.patients.PatientDetails;
import com.mediassist.core.knowledge.Sex;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "doc", roles = "doctor")
class ConsultationResourceTest {

    @Inject
    Database database;

    @Inject
    com.mediassist.appliance.diagnosis.service.DiagnosisService diagnosis;

    private Patient patient;

    @BeforeEach
    void patient() {
        patient = database.patients().create(new PatientDetails("T-" + UUID.randomUUID(), "Ana", "López",
                LocalDate.of(1970, 5, 1), Sex.FEMALE));
    }

    private long start() {
        return given().contentType(ContentType.JSON).body("{\"patientId\": " + patient.id() + "}")
                .post("/api/v1/consultations")
                .then().statusCode(201).body("doctor", equalTo("doc")).body("note", equalTo(""))
                .extract().jsonPath().getLong("id");
    }

    @Test
    void startsAConsultationAndAuditsEveryRead() {
        long before = database.audit().count();
        long id = start();
        given().get("/api/v1/consultations/" + id).then().statusCode(200)
                .body("patientId", equalTo((int) patient.id())).body("signedOffAt", equalTo(null));
        assertThat(database.audit().list(patient.id(), null, 10))
                .extracting(e -> e.action()).contains("consultation.start", "consultation.read");
        assertThat(database.audit().count()).isEqualTo(before + 2);
    }

    @Test
    void refusesAConsultationForAnUnknownPatient() {
        given().contentType(ContentType.JSON).body("{\"patientId\": 987654321}").post("/api/v1/consultations")
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/consultations")
                .then().statusCode(400).body("errors[0].field", equalTo("patientId"));
    }

    @Test
    void keepsTheDraftNoteAndMedicinesAndRefusesEvidencesFromADraft() {
        long id = start();
        given().contentType(ContentType.JSON)
                .body("{\"note\": \"Tos seca. <script>x</script>\", \"prescriptions\": [\"Sintrom 4 mg\"]}")
                .put("/api/v1/consultations/" + id + "/draft").then().statusCode(200);
        given().get("/api/v1/consultations/" + id).then().statusCode(200)
                .body("note", equalTo("Tos seca. <script>x</script>"))
                .body("prescriptions[0]", equalTo("Sintrom 4 mg"));
        // Evidences are recorded by commands only: a draft carrying them is refused.
        given().contentType(ContentType.JSON).body("{\"evidences\": [{\"code\": \"E_201\", \"present\": true}]}")
                .put("/api/v1/consultations/" + id + "/draft").then().statusCode(400)
                .body("detail", containsString("evidences"));
    }

    @Test
    void recordsShownAndAcceptedSuggestionsWithTheServersModelVersionInTheStoreAndTheOutbox() {
        long id = start();
        long pending = database.outbox().pendingCount();
        // The client's model claim is ignored: the server records the bundle it runs.
        String shown = "{\"kind\": \"diagnosis\", \"item\": \"pneumonia\", \"action\": \"shown\","
                + " \"model\": {\"bundle\": \"ddxplus-mlp\", \"version\": \"9.9.9-claimed\"}}";
        given().contentType(ContentType.JSON).body(shown).post("/api/v1/consultations/" + id + "/feedback").then().statusCode(204);
        // Shown twice for the same bundle version is one suggestion.
        given().contentType(ContentType.JSON).body(shown).post("/api/v1/consultations/" + id + "/feedback").then().statusCode(204);
        given().contentType(ContentType.JSON)
                .body(shown.replace("\"shown\"", "\"dismissed\""))
                .post("/api/v1/consultations/" + id + "/feedback").then().statusCode(204);

        List<Suggestion> suggestions = database.feedback().suggestions(id);
        assertThat(suggestions).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(SuggestionKind.DIAGNOSIS);
            assertThat(s.itemCode()).isEqualTo("pneumonia");
            assertThat(s.bundleId()).isEqualTo(diagnosis.activeBundle().orElseThrow().id());
            assertThat(s.bundleVersion()).isEqualTo(diagnosis.activeBundle().orElseThrow().version());
        });
        assertThat(database.feedback().feedback(id)).extracting(Feedback::action).containsExactly(FeedbackAction.DISMISSED);
        assertThat(database.outbox().pendingCount()).isEqualTo(pending + 2);
        List<OutboxEvent> events = database.outbox().listEligible(1000);
        assertThat(events).as("held back for the upload delay").isEmpty();
        List<String> typed = database.jdbi().withHandle(h -> h.createQuery("SELECT payload_json FROM outbox ORDER BY id DESC LIMIT 2")
                .mapTo(String.class).list());
        assertThat(typed).allSatisfy(p -> assertThat(p).contains("\"type\":\"suggestion-feedback\"")
                .contains("\"modelVersion\":\"" + diagnosis.activeBundle().orElseThrow().version() + "\"")
                .doesNotContain("9.9.9-claimed").doesNotContain("consultation"));
    }

    @Test
    void signOffRefusesAnUnknownFinalDiagnosisCodeAndStoresNothing() {
        long id = start();
        long pending = database.outbox().pendingCount();
        given().contentType(ContentType.JSON)
                .body("{\"summaryText\": \"s\", \"finalDiagnosis\": {\"code\": \"dolor de Juan\"}, \"language\": \"es\"}")
                .post("/api/v1/consultations/" + id + "/sign-off")
                .then().statusCode(400).body("errors[0].field", equalTo("finalDiagnosis.code"));
        assertThat(database.consultations().get(id).signedOff()).isFalse();
        assertThat(database.outbox().pendingCount()).isEqualTo(pending);
    }

    @Test
    void refusesFeedbackOnAnItemThatIsNotACodeOfTheKnowledge() {
        long id = start();
        long pending = database.outbox().pendingCount();
        given().contentType(ContentType.JSON).body("{\"kind\": \"diagnosis\", \"item\": \"Ana López, neumonía\", \"action\": \"shown\"}")
                .post("/api/v1/consultations/" + id + "/feedback")
                .then().statusCode(400).body("errors[0].field", equalTo("item"));
        given().contentType(ContentType.JSON).body("{\"kind\": \"test\", \"item\": \"llamar al 600123456\", \"action\": \"shown\"}")
                .post("/api/v1/consultations/" + id + "/feedback")
                .then().statusCode(400).body("errors[0].field", equalTo("item"));
        assertThat(database.outbox().pendingCount()).isEqualTo(pending);
    }

    @Test
    void refusesAnOverrideWithoutReasonAndAnUnknownKind() {
        long id = start();
        given().contentType(ContentType.JSON).body("{\"kind\": \"alert\", \"item\": \"x\", \"action\": \"overridden\"}")
                .post("/api/v1/consultations/" + id + "/feedback")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().contentType(ContentType.JSON).body("{\"kind\": \"horoscope\", \"item\": \"x\", \"action\": \"shown\"}")
                .post("/api/v1/consultations/" + id + "/feedback")
                .then().statusCode(400).body("errors[0].field", equalTo("kind"));
    }

    @Test
    void signOffRecordsTheFinalDiagnosisAndFreezesTheConsultation() {
        long id = start();
        given().contentType(ContentType.JSON)
                .body("{\"kind\": \"diagnosis\", \"item\": \"urti\", \"action\": \"shown\", \"model\": {\"bundle\": \"b\", \"version\": \"1\"}}")
                .post("/api/v1/consultations/" + id + "/feedback").then().statusCode(204);
        given().get("/api/v1/consultations/" + id + "/fhir").then().statusCode(409);
        given().contentType(ContentType.JSON).body("{\"finalDiagnosis\": {\"code\": \"urti\"}}")
                .post("/api/v1/consultations/" + id + "/sign-off")
                .then().statusCode(400).body("errors[0].field", equalTo("summaryText"));
        given().contentType(ContentType.JSON).body("{\"language\": \"es\", \"commands\": ["
                        + "{\"type\": \"add-evidence\", \"code\": \"E_201\", \"present\": true},"
                        + "{\"type\": \"add-evidence\", \"code\": \"E_91\", \"present\": false}]}")
                .post("/api/v1/consultations/" + id + "/commands").then().statusCode(200);
        long pending = database.outbox().pendingCount();
        given().contentType(ContentType.JSON)
                .body("{\"summaryText\": \"Motivo: odinofagia.\","
                        + " \"finalDiagnosis\": {\"code\": \"urti\", \"name\": \"Infección respiratoria alta\"},"
                        + " \"language\": \"es\"}")
                .post("/api/v1/consultations/" + id + "/sign-off")
                .then().statusCode(200).body("signedOffAt", notNullValue())
                .body("finalDiagnosis.code", equalTo("urti")).body("summaryText", equalTo("Motivo: odinofagia."));

        assertThat(database.consultations().get(id).finalDiagnosis()).contains("urti");
        assertThat(database.feedback().feedback(id)).extracting(Feedback::action).containsExactly(FeedbackAction.ACCEPTED);
        assertThat(database.outbox().pendingCount()).isEqualTo(pending + 1);
        String event = database.jdbi().withHandle(h -> h.createQuery("SELECT payload_json FROM outbox ORDER BY id DESC LIMIT 1")
                .mapTo(String.class).one());
        String served = diagnosis.activeBundle().orElseThrow().version();
        assertThat(event).contains("\"type\":\"consultation-signed-off\"").contains("\"finalDiagnosis\":\"urti\"")
                .contains("\"category\":\"cat:ent\"").contains("\"modelVersion\":\"" + served + "\"")
                .contains("\"evidencesPresent\":[\"E_201\"]").contains("\"ageBand\":\"55-59\"")
                .doesNotContain("Infección").doesNotContain("odinofagia").doesNotContain("\"b\"");

        given().accept("application/fhir+json").get("/api/v1/consultations/" + id + "/fhir").then().statusCode(200)
                .body("resourceType", equalTo("Bundle"))
                .body("entry[0].resource.resourceType", equalTo("Composition"))
                .body("entry[0].resource.subject.reference", equalTo("Patient/" + patient.id()));
        assertThat(database.audit().list(patient.id(), null, 5)).extracting(e -> e.action()).contains("consultation.export-fhir");

        given().contentType(ContentType.JSON).body("{\"note\": \"later edit\"}")
                .put("/api/v1/consultations/" + id + "/draft")
                .then().statusCode(409).body("detail", containsString("signed off"));
    }

    @Test
    void savingAcenocumarolWithIbuprofenNeedsAnOverrideReasonAndRecordsTheOverride() {
        long id = start();
        String meds = "\"medications\": [\"Sintrom 4 mg\", \"ibuprofeno 600\"], \"language\": \"es\"";
        given().contentType(ContentType.JSON).body("{" + meds + "}")
                .put("/api/v1/consultations/" + id + "/prescriptions")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("overrides"))
                .body("errors[0].message", containsString("acenocumarol"));
        given().contentType(ContentType.JSON)
                .body("{" + meds + ", \"overrides\": [{\"kind\": \"drug-drug\", \"drugs\": [\"acenocumarol\", \"ibuprofeno\"], \"reason\": \" \"}]}")
                .put("/api/v1/consultations/" + id + "/prescriptions").then().statusCode(422);
        assertThat(database.consultations().get(id).prescriptionsJson()).doesNotContain("ibuprofeno");

        List<java.util.Map<String, Object>> interrupting = given().contentType(ContentType.JSON).body("{" + meds + "}")
                .post("/api/v1/medication-check").then().statusCode(200)
                .extract().jsonPath().getList("alerts.findAll { it.interrupt }");
        assertThat(interrupting).isNotEmpty();
        StringBuilder overrides = new StringBuilder();
        for (java.util.Map<String, Object> a : interrupting) {
            overrides.append(overrides.length() == 0 ? "" : ",").append("{\"kind\": \"").append(a.get("kind"))
                    .append("\", \"drugs\": ").append(toJson(a.get("drugs")))
                    .append(", \"reason\": \"Dolor intenso; control de INR en 3 días\"}");
        }
        given().contentType(ContentType.JSON).body("{" + meds + ", \"overrides\": [" + overrides + "]}")
                .put("/api/v1/consultations/" + id + "/prescriptions")
                .then().statusCode(200)
                .body("consultation.prescriptions", org.hamcrest.Matchers.contains("Sintrom 4 mg", "ibuprofeno 600"))
                .body("consultation.overrides[0].reason", equalTo("Dolor intenso; control de INR en 3 días"));
        assertThat(database.feedback().feedback(id)).extracting(Feedback::action).contains(FeedbackAction.OVERRIDDEN)
                .allSatisfy(a -> assertThat(a).isEqualTo(FeedbackAction.OVERRIDDEN));
        assertThat(database.feedback().suggestions(id)).allSatisfy(s -> assertThat(s.kind()).isEqualTo(SuggestionKind.ALERT));
    }

    private static String toJson(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void unknownConsultationIsNotFound() {
        given().get("/api/v1/consultations/99999999").then().statusCode(404).contentType("application/problem+json");
    }
}
