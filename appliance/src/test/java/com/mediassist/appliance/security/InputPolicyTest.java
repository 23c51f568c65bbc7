package com.mediassist.appliance.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One input policy at every endpoint: unknown fields, duplicate keys, hostile nesting, control
 * characters in names, malformed query parameters and oversized bodies are 400/413 problems that
 * name what was wrong in the API's words.
 */
@QuarkusTest
@TestSecurity(user = "doc", roles = {"doctor", "admin"})
class InputPolicyTest {

    private static String patient(String extra) {
        return "{\"patientNumber\":\"IP-" + UUID.randomUUID() + "\",\"givenName\":\"Ana\",\"familyName\":\"Ruiz\"" + extra + "}";
    }

    @Test
    void unknownFieldsAreRefusedEverywhereNamingTheFieldNotAJavaClass() {
        given().contentType(ContentType.JSON).body(patient(",\"isAdmin\":true")).post("/api/v1/patients").then()
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("'isAdmin' is not a field of this request"))
                .body("detail", not(containsString("com.mediassist"))).body("detail", not(containsString("class ")));
        given().contentType(ContentType.JSON).body("{\"evidences\":[],\"sex\":\"female\",\"age\":40,\"extra\":1}")
                .post("/api/v1/diagnosis").then().statusCode(400).body("detail", containsString("'extra'"));
        given().contentType(ContentType.JSON).body("{\"medications\":[\"ibuprofeno\"],\"foo\":1}")
                .post("/api/v1/medication-check").then().statusCode(400)
                .body("detail", containsString("'foo' is not a field")).body("detail", not(containsString("com.mediassist")));
    }

    @Test
    void wrongTypesAreExplainedInTheApisWords() {
        given().contentType(ContentType.JSON).body("{\"medications\":\"ibuprofeno\"}").post("/api/v1/medication-check")
                .then().statusCode(400).body("detail", not(containsString("java."))).body("detail", not(containsString("com.mediassist")));
    }

    @Test
    void duplicateKeysAreRefusedNamingTheKey() {
        given().contentType(ContentType.JSON)
                .body("{\"patientNumber\":\"D-1\",\"givenName\":\"Ana\",\"givenName\":\"Eva\",\"familyName\":\"Ruiz\"}")
                .post("/api/v1/patients").then().statusCode(400).body("errors.field", hasItem("givenName"))
                .body("detail", containsString("Duplicate field 'givenName'"));
    }

    @Test
    void controlCharactersAndLoneSurrogatesInNamesAreRefused() {
        for (String bad : new String[] {"Ana\\u0000", "Ana\\nINFO forged", "Ana\\ud800"}) {
            given().contentType(ContentType.JSON).body(patient("").replace("\"Ana\"", "\"" + bad + "\""))
                    .post("/api/v1/patients").then().statusCode(400).body("errors.field", hasItem("givenName"))
                    .body("detail", containsString("control or invalid characters"));
        }
    }

    @Test
    void malformedQueryParametersAre400NamingTheParameter() {
        given().get("/api/v1/audit?limit=abc").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("limit"));
        given().get("/api/v1/consultations?patientId=abc").then().statusCode(400).body("errors.field", hasItem("patientId"));
    }

    @Test
    void deeplyNestedJsonIsA400ProblemEvenForTheFhirImport() throws Exception {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        java.net.http.HttpResponse<String> arrays = post("/api/v1/fhir/import", deep);
        org.assertj.core.api.Assertions.assertThat(arrays.statusCode()).isEqualTo(400);
        org.assertj.core.api.Assertions.assertThat(arrays.body()).contains("nesting depth").doesNotContain("NullPointer")
                .doesNotContain("StreamReadConstraints");
        String extensions = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
                + "{\"resourceType\":\"Patient\",\"id\":\"p\"," + "\"extension\":[{\"url\":\"x\",".repeat(20_000)
                + "\"valueString\":\"v\"" + "}]".repeat(20_000) + "}}]}";
        org.assertj.core.api.Assertions.assertThat(post("/api/v1/fhir/import", extensions).statusCode()).isEqualTo(400);
        java.net.http.HttpResponse<String> body = post("/api/v1/patients",
                "{\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}");
        org.assertj.core.api.Assertions.assertThat(body.statusCode()).isEqualTo(400);
        org.assertj.core.api.Assertions.assertThat(body.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    /** Posts JSON outside RestAssured, which would pretty-print a hostile body into memory. */
    private static java.net.http.HttpResponse<String> post(String path, String json) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + path))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSearchWithTooManyWordsIsA400NotA503() {
        given().queryParam("q", "a ".repeat(1000)).get("/api/v1/patients").then().statusCode(400)
                .body("errors.field", hasItem("q"));
    }

    @Test
    void oversizedBodiesGetTheSecurityHeadersAndAProblem() throws Exception {
        // A raw request: HTTP clients refuse to declare a length they do not send.
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.getOutputStream().write(("POST /api/v1/patients HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + (50L * 1024 * 1024) + "\r\n\r\n{}")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.setSoTimeout(20_000);
            StringBuilder received = new StringBuilder();
            byte[] chunk = new byte[4096];
            int n;
            // The server answers before the declared body arrives and may keep the connection open.
            while (!received.toString().contains("}") && (n = socket.getInputStream().read(chunk)) > 0) {
                received.append(new String(chunk, 0, n, java.nio.charset.StandardCharsets.UTF_8));
            }
            String response = received.toString();
            org.assertj.core.api.Assertions.assertThat(response).startsWith("HTTP/1.1 413")
                    .containsIgnoringCase("Content-Security-Policy: " + HttpSecurityFilters.CONTENT_SECURITY_POLICY)
                    .containsIgnoringCase("X-Frame-Options: DENY")
                    .contains("application/problem+json").contains("\"status\":413");
        }
    }
}
