package com.mediassist.appliance.consult;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.appliance.diagnosis.service.DiagnosisService;
import com.mediassist.appliance.status.LatencyRecorder;
import com.mediassist.appliance.status.Module;
import com.mediassist.core.knowledge.Sex;
import com.mediassist.store.Database;
import com.mediassist.store.patients.Patient;
import com.mediassist.store.patients.PatientDetails;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The consultation view reuses the differential and the recommended tests while everything they read is
 * unchanged, and runs them again as soon as any of it changes: the findings, the patient's age and sex,
 * the language, the bundle answering, the consultation (never one patient's answer for another).
 * Engine runs are counted from the status page's record of them ({@link LatencyRecorder}).
 */
@QuarkusTest
@TestSecurity(user = "doc", roles = "doctor")
class ConsultationMemoTest {

    private static final String COUGH_AND_FEVER = "{\"type\": \"set-note\", \"text\": \"Mujer con tos y fiebre de tres días.\"},"
            + "{\"type\": \"add-evidence\", \"code\": \"E_91\", \"present\": true}";
    private static final String PRESCRIBE = "{\"type\": \"prescribe\", \"medications\": [\"paracetamol 1 g\"]}";

    @Inject
    Database database;

    @Inject
    DiagnosisService diagnosis;

    @Inject
    LatencyRecorder latencies;

    private Patient patient(LocalDate birthDate, Sex sex) {
        return database.patients().create(new PatientDetails("M-" + UUID.randomUUID(), "Rosa", "Prieto", birthDate, sex));
    }

    private long start(Patient p) {
        return given().contentType(ContentType.JSON).body("{\"patientId\": " + p.id() + "}")
                .post("/api/v1/consultations").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private JsonPath commands(long id, String language, String commands) {
        return given().contentType(ContentType.JSON).body("{\"language\": \"" + language + "\", \"commands\": [" + commands + "]}")
                .post("/api/v1/consultations/" + id + "/commands").then().statusCode(200).extract().jsonPath();
    }

    /** The sequence number of the module's engine's last recorded run (0 when none). */
    private long mark(Module module) {
        var calls = latencies.recentCalls(module);
        return calls.isEmpty() ? 0 : calls.get(calls.size() - 1).sequence();
    }

    private long runsSince(Module module, long mark) {
        return latencies.recentCalls(module).stream().filter(c -> c.sequence() > mark).count();
    }

    @Test
    void aCommandThatLeavesTheDifferentialsInputsAloneDoesNotRunItAgain() {
        long id = start(patient(LocalDate.of(1958, 2, 11), Sex.FEMALE));
        JsonPath first = commands(id, "es", COUGH_AND_FEVER);
        long diagnosed = mark(Module.DIAGNOSIS);
        long tested = mark(Module.RECOMMENDED_TESTS);

        JsonPath second = commands(id, "es", PRESCRIBE);

        assertThat(runsSince(Module.DIAGNOSIS, diagnosed)).isZero();
        assertThat(runsSince(Module.RECOMMENDED_TESTS, tested)).isZero();
        assertThat(second.getList("diagnosis.answer.differential.code"))
                .isEqualTo(first.getList("diagnosis.answer.differential.code"));
        assertThat(second.getList("tests.answer.tests")).isEqualTo(first.getList("tests.answer.tests"));
        assertThat(second.getList("consultation.prescriptions")).containsExactly("paracetamol 1 g");
    }

    @Test
    void aNewFindingRunsTheDifferentialAgain() {
        long id = start(patient(LocalDate.of(1958, 2, 11), Sex.FEMALE));
        commands(id, "es", COUGH_AND_FEVER);
        long diagnosed = mark(Module.DIAGNOSIS);

        JsonPath view = commands(id, "es", "{\"type\": \"add-evidence\", \"code\": \"E_201\", \"present\": true}");

        assertThat(runsSince(Module.DIAGNOSIS, diagnosed)).isEqualTo(1);
        assertThat(view.getList("diagnosisInput.present", String.class)).contains("E_91", "E_201");
    }

    @Test
    void aBirthDateOrSexCorrectedInTheRecordRunsTheDifferentialAgainWithTheNewFacts() {
        Patient p = patient(LocalDate.of(1958, 2, 11), Sex.FEMALE);
        long id = start(p);
        JsonPath before = commands(id, "es", COUGH_AND_FEVER);
        long diagnosed = mark(Module.DIAGNOSIS);

        database.patients().update(p.id(), new PatientDetails(p.patientNumber(), "Rosa", "Prieto", LocalDate.of(2019, 5, 1),
                Sex.FEMALE));
        JsonPath child = commands(id, "es", PRESCRIBE);
        assertThat(runsSince(Module.DIAGNOSIS, diagnosed)).isEqualTo(1);
        assertThat(child.getInt("patient.age")).isLessThan(10);
        assertThat(child.getList("diagnosis.answer.differential.probability"))
                .isNotEqualTo(before.getList("diagnosis.answer.differential.probability"));

        diagnosed = mark(Module.DIAGNOSIS);
        database.patients().update(p.id(), new PatientDetails(p.patientNumber(), "Rosa", "Prieto", LocalDate.of(2019, 5, 1),
                Sex.MALE));
        JsonPath boy = commands(id, "es", PRESCRIBE);
        assertThat(runsSince(Module.DIAGNOSIS, diagnosed)).isEqualTo(1);
        assertThat(boy.getString("patient.modelSex")).isEqualTo("M");
    }

    @Test
    void anotherLanguageRunsTheDifferentialAndTheTestsAgainInThatLanguage() {
        long id = start(patient(LocalDate.of(1958, 2, 11), Sex.FEMALE));
        JsonPath es = commands(id, "es", COUGH_AND_FEVER);
        long diagnosed = mark(Module.DIAGNOSIS);
        long tested = mark(Module.RECOMMENDED_TESTS);

        JsonPath en = commands(id, "en", PRESCRIBE);

        assertThat(runsSince(Module.DIAGNOSIS, diagnosed)).isEqualTo(1);
        assertThat(runsSince(Module.RECOMMENDED_TESTS, tested)).isEqualTo(1);
        assertThat(en.getString("tests.answer.language")).isEqualTo("en");
        assertThat(en.getList("diagnosis.answer.differential.code")).isEqualTo(es.getList("diagnosis.answer.differential.code"));
        assertThat(en.getList("diagnosis.answer.differential.name")).isNotEqualTo(es.getList("diagnosis.answer.differential.name"));
    }

    @Test
    void anotherPatientWithTheSameFindingsGetsTheirOwnDifferential() {
        long old = start(patient(LocalDate.of(1940, 2, 11), Sex.MALE));
        JsonPath first = commands(old, "es", COUGH_AND_FEVER);
        long diagnosed = mark(Module.DIAGNOSIS);

        long young = start(patient(LocalDate.of(2001, 7, 3), Sex.FEMALE));
        JsonPath second = commands(young, "es", COUGH_AND_FEVER);

        assertThat(runsSince(Module.DIAGNOSIS, diagnosed)).isEqualTo(1);
        assertThat(second.getString("patient.modelSex")).isEqualTo("F");
        assertThat(second.getList("diagnosis.answer.differential.probability"))
                .isNotEqualTo(first.getList("diagnosis.answer.differential.probability"));
    }

    @Test
    void aReloadedBundleAnswersTheNextViewAtOnce() {
        long id = start(patient(LocalDate.of(1958, 2, 11), Sex.FEMALE));
        commands(id, "es", COUGH_AND_FEVER);
        long diagnosed = mark(Module.DIAGNOSIS);

        // A (re)load opens a new engine, as an over-the-air switch does: nothing of the previous one is reused.
        diagnosis.load();
        JsonPath view = commands(id, "es", PRESCRIBE);

        assertThat(runsSince(Module.DIAGNOSIS, diagnosed)).isEqualTo(1);
        assertThat(view.getString("diagnosis.answer.model.version")).isEqualTo(diagnosis.activeBundle().orElseThrow().version());
    }
}
