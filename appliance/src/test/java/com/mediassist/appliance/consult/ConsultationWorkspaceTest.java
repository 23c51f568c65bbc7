package com.mediassist.appliance.consult;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mediassist.appliance.diagnosis.service.DiagnosisService;
import com.mediassist.appliance.problem.ProblemTypes;
import com.mediassist.core.knowledge.Evidence;
import com.mediassist.core.knowledge.EvidenceType;
import com.mediassist.store.Database;
import com.mediassist.store.consultations.Consultation;
import com.mediassist.store.patients.Patient;
import com.mediassist.store.patients.PatientDetails;
import com.mediassist.core.knowledge.Sex;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The consultation owned by the server (issue 16): commands in, one view out; sign-off stores what
 * the server computed.
 */
@QuarkusTest
@TestSecurity(user = "doc", roles = "doctor")
class ConsultationWorkspaceTest {

    @Inject
    Database database;

    @Inject
    DiagnosisService diagnosis;

    private Patient patient;

    @BeforeEach
    void patient() {
        patient = database.patients().create(new PatientDetails("W-" + UUID.randomUUID(), "Rosa", "Prieto",
                LocalDate.of(1958, 2, 11), Sex.FEMALE));
    }

    private long start() {
        return given().contentType(ContentType.JSON).body("{\"patientId\": " + patient.id() + "}")
                .post("/api/v1/consultations").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private JsonPath commands(long id, String commands) {
        return given().contentType(ContentType.JSON).body("{\"language\": \"es\", \"commands\": [" + commands + "]}")
                .post("/api/v1/consultations/" + id + "/commands").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void commandsAnswerOneViewWithEveryEngineAndTheModelThatProducedTheDifferential() {
        long id = start();
        JsonPath view = commands(id, "{\"type\": \"set-note\", \"text\": \"Mujer con tos y fiebre de tres días. Niega disnea.\"},"
                + "{\"type\": \"add-evidence\", \"code\": \"E_91\", \"present\": true},"
                + "{\"type\": \"prescribe\", \"medications\": [\"Sintrom\", \"ibuprofeno 600\"]}");

        assertThat(view.getInt("patient.age")).isEqualTo(Period.between(patient.birthDate(), LocalDate.now()).getYears());
        assertThat(view.getString("patient.modelSex")).isEqualTo("F");
        assertThat(view.getString("evidences[0].code")).isEqualTo("E_91");
        assertThat(view.getString("evidences[0].label")).as("a short clinical label, not the survey question")
                .doesNotStartWith("¿").isEqualToIgnoringCase("fiebre");
        assertThat(view.getString("note.status")).isEqualTo("ok");
        assertThat(view.getList("note.answer.findings.key", String.class)).isNotEmpty();
        assertThat(view.getList("diagnosisInput.present", String.class)).contains("E_91", "E_201");
        assertThat(view.getList("diagnosisInput.absent", String.class)).contains("E_66");
        assertThat(view.getString("diagnosis.status")).isEqualTo("ok");
        assertThat(view.getString("diagnosis.answer.model.version")).isEqualTo(diagnosis.activeBundle().orElseThrow().version());
        assertThat(view.getList("diagnosis.answer.differential.code", String.class)).isNotEmpty();
        assertThat(view.getString("tests.status")).isEqualTo("ok");
        assertThat(view.getString("medication.status")).isEqualTo("ok");
        assertThat(view.getBoolean("medication.answer.interrupt")).isTrue();
        assertThat(view.getString("preventive.status")).isEqualTo("ok");

        // The same view in one GET.
        given().get("/api/v1/consultations/" + id + "/workspace?language=en").then().statusCode(200)
                .body("language", equalTo("en"))
                .body("diagnosisInput.present", equalTo(view.getList("diagnosisInput.present")))
                .body("diagnosis.answer.model.version", equalTo(view.getString("diagnosis.answer.model.version")))
                .body("consultation.prescriptions", equalTo(List.of("Sintrom", "ibuprofeno 600")));
    }

    @Test
    void theNotesOwnAssessmentOfAConditionOutsideTheModelWeighsInTheFitAndTheSameWordInThePastHistoryDoesNot() {
        JsonPath stated = commands(start(), "{\"type\": \"set-note\", \"text\": "
                + "\"Dolor lumbar intenso irradiado a la ingle con náuseas desde esta mañana.\\nJC: cólico renal.\"}");
        assertThat(stated.getString("diagnosis.status")).isEqualTo("ok");
        assertThat(stated.getString("diagnosis.answer.fit.verdict")).isNotEqualTo("in-scope");
        assertThat(stated.getList("diagnosis.answer.fit.reasons.code", String.class)).contains("assessed-outside");
        JsonPath history = commands(start(), "{\"type\": \"set-note\", \"text\": "
                + "\"Antecedentes personales: cólico renal.\\nEnfermedad actual: tos y fiebre de tres días.\"}");
        assertThat(history.getList("diagnosis.answer.fit.reasons.code", String.class)).doesNotContain("assessed-outside");
    }

    @Test
    void answeringADetailAlsoAnswersItsParentQuestion() {
        Evidence detail = diagnosis.knowledge().evidences().stream()
                .filter(e -> e.parent() != null && e.type() == EvidenceType.MULTI).findFirst().orElseThrow();
        String value = detail.values().stream().map(v -> v.code()).filter(v -> !v.equals(detail.defaultValue()))
                .findFirst().orElseThrow();
        long id = start();
        JsonPath view = commands(id, "{\"type\": \"answer-question\", \"code\": \"" + detail.code().value()
                + "\", \"value\": \"" + value + "\", \"present\": true}");
        assertThat(view.getString("evidences.find { it.code == '" + detail.code().value() + "' }.parent"))
                .isEqualTo(detail.parent().value());
        assertThat(view.getBoolean("evidences.find { it.code == '" + detail.parent().value() + "' }.present")).isTrue();
        assertThat(view.getList("diagnosisInput.present", String.class))
                .contains(detail.parent().value(), detail.code().value() + "_@_" + value);
        // The picker's search exposes the parent too.
        given().get("/api/v1/diagnosis/evidences?q=" + detail.code().value()).then().statusCode(200)
                .body("[0].parent", equalTo(detail.parent().value()));
    }

    @Test
    void theDoctorsRecordWinsOverTheNoteAndARemovedFindingLeavesTheDifferential() {
        long id = start();
        JsonPath view = commands(id, "{\"type\": \"set-note\", \"text\": \"Paciente con fiebre y tos.\"},"
                + "{\"type\": \"add-evidence\", \"code\": \"E_91\", \"present\": false}");
        assertThat(view.getList("diagnosisInput.absent", String.class)).contains("E_91");
        assertThat(view.getList("diagnosisInput.present", String.class)).doesNotContain("E_91").contains("E_201");
        String cough = view.getString("note.answer.findings.find { it.evidence == 'E_201' }.key");
        view = commands(id, "{\"type\": \"remove-finding\", \"key\": \"" + cough.replace("\"", "\\\"") + "\"}");
        assertThat(view.getList("diagnosisInput.present", String.class)).doesNotContain("E_201");
        assertThat(view.getBoolean("note.answer.findings.find { it.evidence == 'E_201' }.removed")).isTrue();
        view = commands(id, "{\"type\": \"remove-evidence\", \"code\": \"E_91\"}");
        assertThat(view.getList("diagnosisInput.present", String.class)).contains("E_91");
    }

    @Test
    void aTamperedSignOffBodyIsRefusedAndChangesNothingStored() throws Exception {
        long id = start();
        commands(id, "{\"type\": \"add-evidence\", \"code\": \"E_201\", \"present\": true},"
                + "{\"type\": \"choose-diagnosis\", \"code\": \"urti\", \"name\": \"IRA\"}");
        Consultation before = database.consultations().get(id);
        long pending = database.outbox().pendingCount();
        for (String tampered : List.of(
                "\"model\": {\"bundle\": \"other-bundle\", \"version\": \"6.6.6\"}",
                "\"diagnosisEvidences\": [\"E_91\", \"E_66\"]",
                "\"evidences\": [{\"code\": \"E_66\", \"present\": true}]",
                "\"structuredNote\": {\"summary\": \"otra nota\"}")) {
            given().contentType(ContentType.JSON)
                    .body("{\"summaryText\": \"Tos.\", \"finalDiagnosis\": {\"code\": \"urti\"}, \"language\": \"es\", " + tampered + "}")
                    .post("/api/v1/consultations/" + id + "/sign-off").then().statusCode(400)
                    .body("type", equalTo(ProblemTypes.INVALID_REQUEST)).body("detail", containsString("not a field"));
        }
        Consultation after = database.consultations().get(id);
        assertThat(after.signedOff()).isFalse();
        assertThat(after.evidencesJson()).isEqualTo(before.evidencesJson());
        assertThat(after.finalDiagnosis()).isEqualTo(before.finalDiagnosis());
        assertThat(database.outbox().pendingCount()).isEqualTo(pending);

        // The genuine sign-off stores the server's evidences and model, and the chosen diagnosis.
        given().contentType(ContentType.JSON).body("{\"summaryText\": \"Tos.\", \"language\": \"es\"}")
                .post("/api/v1/consultations/" + id + "/sign-off").then().statusCode(200)
                .body("finalDiagnosis.code", equalTo("urti"));
        JsonNode stored = new ObjectMapper().readTree(database.consultations().get(id).evidencesJson());
        assertThat(stored.path("diagnosis").path("evidences").toString()).isEqualTo("[\"E_201\"]");
        assertThat(stored.path("diagnosis").path("model").path("version").asText())
                .isEqualTo(diagnosis.activeBundle().orElseThrow().version());
        String event = database.jdbi().withHandle(h -> h.createQuery("SELECT payload_json FROM outbox ORDER BY id DESC LIMIT 1")
                .mapTo(String.class).one());
        assertThat(event).contains("\"evidencesPresent\":[\"E_201\"]").doesNotContain("6.6.6").doesNotContain("E_66");
    }

    @Test
    void problemsSayWhatKindOfFailureTheyAre() {
        long id = start();
        given().contentType(ContentType.JSON).body("{\"commands\": [{\"type\": \"add-evidence\", \"code\": \"E_99999\", \"present\": true}]}")
                .post("/api/v1/consultations/" + id + "/commands").then().statusCode(400)
                .body("type", equalTo(ProblemTypes.INVALID_REQUEST)).body("errors[0].field", equalTo("commands[0].code"));
        given().contentType(ContentType.JSON).body("{\"commands\": [{\"type\": \"fly\"}]}")
                .post("/api/v1/consultations/" + id + "/commands").then().statusCode(400);
        given().get("/api/v1/consultations/987654321/workspace").then().statusCode(404)
                .body("type", equalTo(ProblemTypes.NOT_FOUND));
        given().contentType(ContentType.JSON).body("{\"summaryText\": \"x\", \"finalDiagnosis\": {\"name\": \"Catarro\"}}")
                .post("/api/v1/consultations/" + id + "/sign-off").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"commands\": [{\"type\": \"set-note\", \"text\": \"más\"}]}")
                .post("/api/v1/consultations/" + id + "/commands").then().statusCode(409)
                .body("type", equalTo(ProblemTypes.CONFLICT));
    }

    @Test
    void aPatientWithoutAModelSexGetsTheOtherSectionsAndSaysWhatIsMissing() {
        patient = database.patients().create(new PatientDetails("W-" + UUID.randomUUID(), "Alex", "Mora",
                LocalDate.of(1990, 1, 1), Sex.UNKNOWN));
        long id = start();
        given().contentType(ContentType.JSON).body("{\"commands\": [{\"type\": \"add-evidence\", \"code\": \"E_91\", \"present\": true}]}")
                .post("/api/v1/consultations/" + id + "/commands").then().statusCode(200)
                .body("diagnosis.status", equalTo("incomplete"))
                .body("diagnosis.problem.type", equalTo(ProblemTypes.INCOMPLETE_RECORD))
                .body("diagnosis.problem.detail", containsString("sex"))
                .body("preventive.status", equalTo("ok"))
                .body("evidences.code", hasItem("E_91"))
                .body("diagnosis.answer", equalTo(null))
                .body("consultation.id", notNullValue())
                .body("patient.modelSex", not(equalTo("F")));
    }
}
