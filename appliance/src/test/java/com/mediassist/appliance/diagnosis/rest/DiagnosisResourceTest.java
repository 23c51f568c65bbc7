package com.mediassist.appliance.diagnosis.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The diagnosis API over the bundle the build ships. */
@QuarkusTest
class DiagnosisResourceTest {

    private static final String ISSUE_EXAMPLE = """
            {"age": 54, "sex": "M", "evidences": ["E_53", "E_54_@_V_161", "E_56_@_7"],
             "absent": ["E_91", "E_201"], "language": "es"}""";

    @Test
    @TestSecurity(user = "doc", roles = "doctor")
    void returnsASpanishDifferentialWithSourceRedFlagsAndQuestions() {
        given().contentType(ContentType.JSON).body(ISSUE_EXAMPLE)
                .when().post("/api/v1/diagnosis")
                .then().statusCode(200)
                .body("fallback", equalTo(false))
                .body("model.bundle", equalTo("ddxplus-diagnosis"))
                .body("model.version", notNullValue())
                .body("differential.size()", equalTo(5))
                .body("differential[0].probability", greaterThan(0f))
                .body("differential.probability", everyItem(lessThanOrEqualTo(1f)))
                .body("differential[0].icd10", notNullValue())
                .body("differential[0].severity", notNullValue())
                .body("differential[0].supporting.evidence", hasItem("E_53"))
                .body("nextQuestions.size()", greaterThan(0))
                .body("nextQuestions[0].question", containsString("¿"))
                .body("nextQuestions.evidence", not(hasItem("E_91")))
                .body("nextQuestions.evidence", not(hasItem("E_201")))
                .body("nextQuestions.evidence", not(hasItem("E_53")));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"es", "en"})
    @TestSecurity(user = "doc", roles = "doctor")
    void asksAPneumoniaAboutItsLeadingCandidatesWithClinicalLabelsNeverAboutTheSkin(String language) {
        given().contentType(ContentType.JSON)
                .body("{\"age\": 67, \"sex\": \"M\", \"evidences\": [\"E_91\", \"E_201\", \"E_66\", \"E_94\"], \"language\": \""
                        + language + "\"}")
                .when().post("/api/v1/diagnosis")
                .then().statusCode(200)
                .body("nextQuestions.size()", greaterThan(0))
                .body("nextQuestions.evidence", everyItem(not(org.hamcrest.Matchers.oneOf(
                        "E_129", "E_130", "E_131", "E_132", "E_133", "E_134", "E_135"))))
                .body("nextQuestions.label", everyItem(not(org.hamcrest.Matchers.startsWith("¿"))))
                .body("nextQuestions.question", everyItem(notNullValue()));
    }

    @Test
    @TestSecurity(user = "doc", roles = "doctor")
    void showsFindingsOutsideACandidatesProfile() {
        // Contact with whooping cough (E_40) is in the profile of pertussis only: every other candidate
        // must say that it leaves it unexplained.
        given().contentType(ContentType.JSON).body("""
                        {"age": 40, "sex": "F", "evidences": ["E_91", "E_40"], "language": "es"}""")
                .when().post("/api/v1/diagnosis")
                .then().statusCode(200)
                .body("differential.findAll { it.code != 'whooping-cough' }.size()", greaterThan(0))
                .body("differential.findAll { it.code != 'whooping-cough' }.every { it.unexplained.evidence.contains('E_40') }",
                        equalTo(true))
                .body("differential.unexplained.flatten().text", hasItem(containsString("tos ferina")));
    }

    @Test
    @TestSecurity(user = "doc", roles = "doctor")
    void flagsASevereConditionForTypicalChestPain() {
        given().contentType(ContentType.JSON).body("""
                        {"age": 62, "sex": "M", "evidences": ["E_53", "E_54_@_V_183", "E_55_@_V_101", "E_55_@_V_29",
                         "E_57_@_V_195", "E_56_@_8", "E_59_@_8", "E_58_@_3", "E_14", "E_50", "E_66", "E_105", "E_104"],
                         "language": "en"}""")
                .when().post("/api/v1/diagnosis")
                .then().statusCode(200)
                .body("redFlags.size()", greaterThan(0))
                .body("redFlags[0].severity", lessThanOrEqualTo(2))
                .body("redFlags[0].reason", containsString("Severe condition"));
    }

    @Test
    @TestSecurity(user = "doc", roles = "doctor")
    void namesTheUnknownEvidence() {
        given().contentType(ContentType.JSON)
                .body("{\"age\": 54, \"sex\": \"M\", \"evidences\": [\"E_53\", \"E_9999\"]}")
                .when().post("/api/v1/diagnosis")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("evidences[1]"))
                .body("detail", containsString("E_9999"));
    }

    @Test
    @TestSecurity(user = "doc", roles = "doctor")
    void rejectsAnUnknownValueAnImpossibleAgeAndAWrongSex() {
        given().contentType(ContentType.JSON).body("{\"age\": 54, \"sex\": \"M\", \"evidences\": [\"E_54_@_V_9\"]}")
                .when().post("/api/v1/diagnosis").then().statusCode(400)
                .body("errors[0].field", equalTo("evidences[0]")).body("detail", containsString("V_9"));
        given().contentType(ContentType.JSON).body("{\"age\": 140, \"sex\": \"M\", \"evidences\": [\"E_53\"]}")
                .when().post("/api/v1/diagnosis").then().statusCode(400).body("errors[0].field", equalTo("age"));
        given().contentType(ContentType.JSON).body("{\"age\": 40, \"sex\": \"X\", \"evidences\": [\"E_53\"]}")
                .when().post("/api/v1/diagnosis").then().statusCode(400).body("errors[0].field", equalTo("sex"));
        given().contentType(ContentType.JSON).body("{\"age\": 40, \"sex\": \"F\", \"absent\": [\"E_91_@_V_1\"]}")
                .when().post("/api/v1/diagnosis").then().statusCode(400).body("errors[0].field", equalTo("absent[0]"));
    }

    @Test
    @TestSecurity(user = "doc", roles = "doctor")
    void searchesEvidencesIgnoringAccentsAndCase() {
        given().queryParam("q", "FIEBRE").queryParam("language", "es")
                .when().get("/api/v1/diagnosis/evidences")
                .then().statusCode(200)
                .body("code", hasItem("E_91"))
                .body("find { it.code == 'E_91' }.question", containsString("fiebre"));
        given().queryParam("q", "tos").queryParam("language", "xx")
                .when().get("/api/v1/diagnosis/evidences")
                .then().statusCode(400).body("errors[0].field", equalTo("language"));
    }

    @Test
    void refusesAnonymousCallers() {
        given().contentType(ContentType.JSON).body(ISSUE_EXAMPLE)
                .when().post("/api/v1/diagnosis")
                .then().statusCode(401);
    }

    @Test
    void readinessReportsTheLoadedBundle() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'diagnosis-bundle' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'diagnosis-bundle' }.data.bundle", equalTo("ddxplus-diagnosis"));
    }

    @Test
    @TestSecurity(user = "doc", roles = "doctor")
    void answersWithAFitVerdictBandsAndTheOtherMass() {
        given().contentType(ContentType.JSON).body(ISSUE_EXAMPLE)
                .when().post("/api/v1/diagnosis")
                .then().statusCode(200)
                .body("fit.verdict", org.hamcrest.Matchers.in(java.util.List.of("in-scope", "low-fit", "out-of-scope")))
                .body("fit.reasons.size()", greaterThan(0))
                .body("fit.reasons[0].code", notNullValue())
                .body("fit.unmappedFindings.size()", equalTo(0))
                .body("otherMass", greaterThan(0f))
                .body("differential[0].probabilityBand", notNullValue())
                .body("mustNotMiss", notNullValue());
    }

    @Test
    @TestSecurity(user = "doc", roles = "doctor")
    void findingsOutsideTheModelFlagTheAnswerAndNameThem() {
        // a swollen, painful big toe: the model alone says acute pulmonary oedema; the big toe is a third of the picture
        given().contentType(ContentType.JSON).body("""
                        {"age": 56, "sex": "M", "evidences": ["E_53", "E_151"], "absent": ["E_91"], "language": "es",
                         "unmappedFindings": ["dolor en el primer dedo del pie"]}""")
                .when().post("/api/v1/diagnosis")
                .then().statusCode(200)
                .body("fit.verdict", org.hamcrest.Matchers.in(java.util.List.of("low-fit", "out-of-scope")))
                .body("fit.reasons[0].code", equalTo("unmapped-findings"))
                .body("fit.reasons[0].text", equalTo("Fuera de lo que conozco: dolor en el primer dedo del pie"))
                .body("fit.unmappedFindings", hasItem("dolor en el primer dedo del pie"))
                .body("differential[0].probability", org.hamcrest.Matchers.lessThan(0.5f))
                .body("redFlags.size()", equalTo(0));
    }

    @Test
    @TestSecurity(user = "doc", roles = "doctor")
    void keepsPulmonaryEmbolismVisibleWithPleuriticPainAndDyspnoea() {
        given().contentType(ContentType.JSON).body("""
                        {"age": 58, "sex": "F", "evidences": ["E_66", "E_53", "E_220", "E_151"], "language": "en"}""")
                .when().post("/api/v1/diagnosis")
                .then().statusCode(200)
                .body("mustNotMiss.code", hasItem("pulmonary-embolism"))
                .body("mustNotMiss.find { it.code == 'pulmonary-embolism' }.redFlags.size()", greaterThan(1))
                .body("mustNotMiss.find { it.code == 'pulmonary-embolism' }.name", equalTo("Pulmonary embolism"));
    }

    @Test
    @TestSecurity(user = "doc", roles = "doctor")
    void refusesTooManyOrTooLongUnmappedFindingsNamingTheField() {
        String many = "[" + String.join(",", java.util.Collections.nCopies(51, "\"prurito\"")) + "]";
        given().contentType(ContentType.JSON).body("""
                        {"age": 30, "sex": "F", "evidences": ["E_91"], "unmappedFindings": %s}""".formatted(many))
                .when().post("/api/v1/diagnosis")
                .then().statusCode(400)
                .body("detail", containsString("unmappedFindings"));
        given().contentType(ContentType.JSON).body("""
                        {"age": 30, "sex": "F", "evidences": ["E_91"], "unmappedFindings": ["%s"]}""".formatted("x".repeat(201)))
                .when().post("/api/v1/diagnosis")
                .then().statusCode(400)
                .body("detail", containsString("unmappedFindings[0]"));
    }

    @Test
    @TestSecurity(user = "doc", roles = "doctor")
    void statesItsScopeInSpanishByDefaultAndInEnglish() {
        given().when().get("/api/v1/diagnosis/scope")
                .then().statusCode(200)
                .body("summary", containsString("49 enfermedades"))
                .body("covers.size()", greaterThan(2))
                .body("notCovered", hasItem(containsString("infección urinaria")));
        given().when().get("/api/v1/diagnosis/scope?lang=en")
                .then().statusCode(200)
                .body("notCovered", hasItem(containsString("gout")));
        given().when().get("/api/v1/diagnosis/scope?lang=fr")
                .then().statusCode(400)
                .body("detail", containsString("lang"));
    }
}
