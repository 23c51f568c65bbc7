package com.mediassist.appliance.consult;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.mediassist.store.Database;
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

/** Only a consultation's doctor (or an admin) changes it; another doctor reads it or takes it over. */
@QuarkusTest
class ConsultationOwnershipTest {

    @Inject
    Database database;

    private long consultation;
    private long patient;

    @BeforeEach
    void anotherDoctorsConsultation() {
        patient = database.patients().create(new PatientDetails("O-" + UUID.randomUUID(), "Ana", "López",
                LocalDate.of(1970, 5, 1), Sex.FEMALE)).id();
        consultation = database.consultations().start(patient, "dra-otra").id();
    }

    @Test
    @TestSecurity(user = "doc", roles = "doctor")
    void anotherDoctorMayReadButNotChangeOrSignOff() {
        String base = "/api/v1/consultations/" + consultation;
        given().get(base).then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"note\":\"mine now\"}").put(base + "/draft").then()
                .statusCode(403).contentType("application/problem+json").body("detail", containsString("dra-otra"));
        given().contentType(ContentType.JSON).body("{\"medications\":[]}").put(base + "/prescriptions").then()
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .body("{\"summaryText\":\"x\",\"finalDiagnosis\":{\"name\":\"Gripe\"}}").post(base + "/sign-off").then()
                .statusCode(403);
        given().contentType(ContentType.JSON).body("{\"kind\":\"diagnosis\",\"item\":\"x\",\"action\":\"shown\"}")
                .post(base + "/feedback").then().statusCode(403);
        assertThat(database.consultations().get(consultation).noteText()).isEmpty();
        assertThat(database.consultations().get(consultation).signedOff()).isFalse();
    }

    @Test
    @TestSecurity(user = "doc", roles = "doctor")
    void anExplicitTakeOverIsRecordedAndThenAllowsChanges() {
        String base = "/api/v1/consultations/" + consultation;
        given().post(base + "/take-over").then().statusCode(200).body("doctor", equalTo("doc"));
        assertThat(database.audit().list(patient, null, 5)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("consultation.take-over");
            assertThat(e.actor()).isEqualTo("doc");
            assertThat(e.detail()).contains("from dra-otra");
        });
        given().contentType(ContentType.JSON).body("{\"note\":\"continuing\"}").put(base + "/draft").then()
                .statusCode(200).body("note", equalTo("continuing"));
    }

    @Test
    @TestSecurity(user = "jefa", roles = "admin")
    void anAdministratorMayChangeAnyConsultation() {
        given().contentType(ContentType.JSON).body("{\"note\":\"corrected\"}")
                .put("/api/v1/consultations/" + consultation + "/draft").then().statusCode(200);
    }
}
