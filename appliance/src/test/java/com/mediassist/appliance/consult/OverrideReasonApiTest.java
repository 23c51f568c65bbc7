package com.mediassist.appliance.consult;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.mediassist.store.Database;
import com.mediassist.store.feedback.FeedbackAction;
import com.mediassist.store.patients.Patient;
import com.mediassist.store.patients.PatientDetails;
import com.mediassist.core.knowledge.Sex;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Saving a prescription against an interrupting alert: the 422 carries the alerts; coded reasons. */
@QuarkusTest
@TestSecurity(user = "doc", roles = "doctor")
class OverrideReasonApiTest {

    private static final String MEDS = "\"medications\": [\"Sintrom 4 mg\", \"ibuprofeno 600\"]";
    private static final String ALERT = "\"kind\": \"drug-drug\", \"drugs\": [\"acenocumarol\", \"ibuprofeno\"]";

    @Inject
    Database database;

    private Patient patient;

    @BeforeEach
    void patient() {
        patient = database.patients().create(new PatientDetails("O-" + UUID.randomUUID(), "Rosa", "Vidal",
                LocalDate.of(1950, 2, 1), Sex.FEMALE));
    }

    private long start() {
        return given().contentType(ContentType.JSON).body("{\"patientId\": " + patient.id() + "}")
                .post("/api/v1/consultations").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private io.restassured.response.ValidatableResponse save(long id, String body) {
        return given().contentType(ContentType.JSON).body(body).put("/api/v1/consultations/" + id + "/prescriptions").then();
    }

    @Test
    void refusalCarriesTheInterruptingAlertInTheRequestedLanguageAndTheAcceptedCodes() {
        long id = start();
        save(id, "{" + MEDS + ", \"language\": \"en\"}").statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://mediassist.local/problems/override-reason-required"))
                .body("alerts[0].ruleId", equalTo("bleeding-anticoagulant-nsaid"))
                .body("alerts[0].interrupt", equalTo(true))
                .body("alerts[0].management", containsString("paracetamol"))
                .body("alerts[0].mechanism", containsString("bleeding"))
                .body("alerts[0].replacements[0].input", equalTo("ibuprofeno 600"))
                .body("alerts[0].replacements[0].with", equalTo("paracetamol"))
                .body("reasonCodes", hasItem("monitoring-planned"));
        save(id, "{" + MEDS + ", \"language\": \"es\"}").statusCode(422)
                .body("alerts[0].mechanism", containsString("hemorragia"));
    }

    @Test
    void aCodedReasonAloneIsEnoughAndIsStoredWithTheOverride() {
        long id = start();
        save(id, "{" + MEDS + ", \"overrides\": [{" + ALERT + ", \"reasonCode\": \"monitoring-planned\"}]}")
                .statusCode(200)
                .body("consultation.overrides[0].reasonCode", equalTo("monitoring-planned"));
        assertThat(database.feedback().feedback(id)).filteredOn(f -> f.action() == FeedbackAction.OVERRIDDEN)
                .extracting(f -> f.reason().orElse(null)).containsExactly("monitoring-planned");
    }

    @Test
    void codeOtherNeedsFreeTextAndACodeWithTextKeepsBoth() {
        long id = start();
        save(id, "{" + MEDS + ", \"overrides\": [{" + ALERT + ", \"reasonCode\": \"other\"}]}").statusCode(422);
        save(id, "{" + MEDS + ", \"overrides\": [{" + ALERT + ", \"reasonCode\": \"other\", \"reason\": \"Pauta de 2 días\"}]}")
                .statusCode(200)
                .body("consultation.overrides[0].reasonCode", equalTo("other"))
                .body("consultation.overrides[0].reason", equalTo("Pauta de 2 días"));
        assertThat(database.feedback().feedback(id)).filteredOn(f -> f.action() == FeedbackAction.OVERRIDDEN)
                .extracting(f -> f.reason().orElse(null)).containsExactly("other: Pauta de 2 días");
    }

    @Test
    void refusesAnUnknownReasonCodeNamingTheField() {
        long id = start();
        save(id, "{" + MEDS + ", \"overrides\": [{" + ALERT + ", \"reasonCode\": \"because\"}]}").statusCode(400)
                .body("errors[0].field", equalTo("overrides[0].reasonCode"))
                .body("detail", containsString("benefit-outweighs-risk"));
    }
}
