package com.mediassist.appliance.summary.rest;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class SummaryResourceTest {

    private static final FhirContext R4 = FhirContext.forR4();

    private static final String NOTE = "MC: tos y fiebre de 3 días.\n"
            + "EA: tos productiva. Niega disnea. Madre con asma.\n"
            + "AP: HTA. Alergia a penicilina.\n"
            + "EF: TA 150/95, FC 98 lpm, Tª 38,2 ºC, SatO2 96%.\n"
            + "JC: neumonía.\n"
            + "Plan: amoxicilina 1 g cada 8 h vo.";

    private static JsonPath summarize(String text, String language) {
        return given().contentType(ContentType.JSON).body(Map.of("text", text, "language", language))
                .when().post("/api/v1/summary")
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    @Test
    @TestSecurity(user = "doc", roles = "doctor")
    void structuresASpanishNoteWithStatusesCodesSpansAndVitals() {
        JsonPath json = summarize(NOTE, "auto");
        assertThat(json.getString("language")).isEqualTo("es");
        List<Map<String, Object>> findings = json.getList("findings");
        Map<String, Object> dyspnea = findings.stream().filter(f -> f.get("text").equals("disnea")).findFirst().orElseThrow();
        assertThat(dyspnea.get("status")).isEqualTo("denied");
        assertThat(dyspnea.get("evidence")).isEqualTo("E_66");
        List<?> span = (List<?>) dyspnea.get("span");
        assertThat(NOTE.substring((Integer) span.get(0), (Integer) span.get(1))).isEqualTo("disnea");
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.get("text")).isEqualTo("asma");
            assertThat(f.get("status")).isEqualTo("family");
        });
        assertThat(json.getList("evidences", String.class)).contains("E_201", "E_91", "E_104", "E_87");
        assertThat(json.getList("absent", String.class)).containsExactly("E_66");
        assertThat(json.getList("vitals.kind", String.class)).contains("systolic", "diastolic", "heart_rate", "temperature", "spo2");
        assertThat(json.getList("vitals.flag", String.class)).contains("out_of_range");
        assertThat(json.getList("medications.ingredients.flatten()", String.class)).contains("amoxicillin");
        assertThat(json.getList("allergies.substance", String.class)).containsExactly("penicilina");
        assertThat(json.getList("sections.kind", String.class)).contains("reason_for_visit", "examination", "plan");
        assertThat(json.getString("summary")).contains("Niega: disnea.");
        assertThat(json.getString("source")).contains("summary-knowledge");

        Object structured = json.get("$");
        String fhir = given().contentType(ContentType.JSON)
                .body(Map.of("note", structured, "patient", "Patient/7", "author", "doc", "signedAt", "2026-11-24T10:00:00Z"))
                .when().post("/api/v1/summary/fhir").then().statusCode(200).extract().asString();
        Bundle bundle = R4.newJsonParser().parseResource(Bundle.class, fhir);
        assertThat(bundle.getEntry()).anySatisfy(e -> {
            assertThat(e.getResource()).isInstanceOf(org.hl7.fhir.r4.model.Condition.class);
            org.hl7.fhir.r4.model.Condition c = (org.hl7.fhir.r4.model.Condition) e.getResource();
            assertThat(c.getCode().getText()).isEqualTo("neumonía");
            assertThat(c.getCode().getCodingFirstRep().getCode()).isEqualTo("E_118");
        });
    }

    @Test
    @TestSecurity(user = "doc", roles = "doctor")
    void listsPresentFindingsWithoutADdxplusCodeAsUnmappedFindings() {
        JsonPath json = summarize("Disuria y polaquiuria de 2 días. Dolor en el primer dedo del pie. Niega ictericia. "
                + "AR: MVC.", "es");
        assertThat(json.getList("unmappedFindings", String.class))
                .containsExactly("disuria", "polaquiuria", "dolor en el primer dedo del pie");
        assertThat(json.getList("evidences", String.class)).doesNotContain("E_20");
        assertThat(summarize("Itchy rash, no dysuria.", "en").getList("unmappedFindings", String.class)).containsExactly("itching");
    }

    @Test
    @TestSecurity(user = "doc", roles = "doctor")
    void detectsEnglishWhenAskedToAndExportsTheSignedNoteAsFhir() {
        String text = "Cough and fever for two days. Denies chest pain. BP 128/82, HR 90. Plan: paracetamol 1 g every 6 hours.";
        JsonPath json = summarize(text, "auto");
        assertThat(json.getString("language")).isEqualTo("en");
        Object note = json.get("$");
        String fhir = given().contentType(ContentType.JSON)
                .body(Map.of("note", note, "patient", "Patient/42", "author", "Dra. Ruiz", "signedAt", "2026-11-24T09:30:00Z"))
                .when().post("/api/v1/summary/fhir")
                .then().statusCode(200).contentType(containsString("json")).extract().asString();
        Bundle bundle = R4.newJsonParser().parseResource(Bundle.class, fhir);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.DOCUMENT);
        Composition composition = (Composition) bundle.getEntryFirstRep().getResource();
        assertThat(composition.getSubject().getReference()).isEqualTo("Patient/42");
        assertThat(composition.getType().getCodingFirstRep().getCode()).isEqualTo("11488-4");
        assertThat(composition.getSection()).isNotEmpty();
        List<Observation> observations = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Observation.class::isInstance).map(Observation.class::cast).toList();
        assertThat(observations).anySatisfy(o -> assertThat(o.getCode().getCodingFirstRep().getCode()).isEqualTo("85354-9"));
        assertThat(observations).anySatisfy(o -> assertThat(o.getCode().getCodingFirstRep().getCode()).isEqualTo("8867-4"));
        assertThat(observations).anySatisfy(o -> {
            assertThat(o.getCode().getCodingFirstRep().getCode()).isEqualTo("E_53");
            assertThat(o.getValueBooleanType().booleanValue()).isFalse();
        });
        assertThat(bundle.getEntry()).anySatisfy(e -> assertThat(e.getResource()).isInstanceOf(MedicationStatement.class));
        given().contentType(ContentType.JSON)
                .body(Map.of("note", note, "patient", "42", "author", "Dra. Ruiz", "signedAt", "2026-11-24T09:30:00Z"))
                .when().post("/api/v1/summary/fhir")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("patient"));
        given().contentType(ContentType.JSON)
                .body(Map.of("note", note, "patient", "Patient/42", "author", "Dra. Ruiz", "signedAt", "ayer"))
                .when().post("/api/v1/summary/fhir")
                .then().statusCode(400).body("detail", containsString("signedAt"));
    }

    @Test
    @TestSecurity(user = "doc", roles = "doctor")
    @SuppressWarnings("unchecked")
    void refusesAnExportWhoseNoteNamesAMalformedEvidenceCode() {
        Map<String, Object> note = new java.util.HashMap<>(
                (Map<String, Object>) summarize("Tos y fiebre. Niega disnea.", "es").get("$"));
        note.put("evidences", List.of("E_91", "fiebre"));
        given().contentType(ContentType.JSON)
                .body(Map.of("note", note, "patient", "Patient/42", "author", "doc", "signedAt", "2026-11-24T09:30:00Z"))
                .when().post("/api/v1/summary/fhir")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("fiebre"));
        note.put("evidences", List.of("E_91"));
        note.put("absent", List.of("E_66; DROP"));
        given().contentType(ContentType.JSON)
                .body(Map.of("note", note, "patient", "Patient/42", "author", "doc", "signedAt", "2026-11-24T09:30:00Z"))
                .when().post("/api/v1/summary/fhir")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("E_66; DROP"));
    }

    @Test
    @TestSecurity(user = "doc", roles = "doctor")
    void answersBadInputWithProblemDetails() {
        given().contentType(ContentType.JSON).body(Map.of("text", "  ")).when().post("/api/v1/summary")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("text"));
        given().contentType(ContentType.JSON).body(Map.of("text", "tos ".repeat(25_001))).when().post("/api/v1/summary")
                .then().statusCode(413).contentType("application/problem+json").body("detail", containsString("100000"));
        given().contentType(ContentType.JSON).body(Map.of("text", "\u0000\u0001\u0002\u0003")).when().post("/api/v1/summary")
                .then().statusCode(400).body("detail", containsString("binary"));
        given().contentType(ContentType.JSON).body(Map.of("text", "tos", "language", "fr")).when().post("/api/v1/summary")
                .then().statusCode(400).body("detail", containsString("language"));
        given().contentType(ContentType.JSON).body("{\"text\": ").when().post("/api/v1/summary")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("text", "fever and cough, niega disnea", "language", "en"))
                .when().post("/api/v1/summary")
                .then().statusCode(200).body("evidences", hasItems("E_91", "E_201")).body("absent", hasItems("E_66"))
                .body("language", equalTo("en"));
    }

    @Test
    void refusesAnonymousCallers() {
        given().contentType(ContentType.JSON).body(Map.of("text", "tos")).when().post("/api/v1/summary")
                .then().statusCode(401);
    }
}
