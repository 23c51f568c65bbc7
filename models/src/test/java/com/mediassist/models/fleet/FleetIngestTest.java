package com.mediassist.models.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.models.DdxplusData;
import com.mediassist.models.PatientRecord;
import com.mediassist.models.crypto.Ed25519;
import com.mediassist.models.json.CanonicalJson;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fleet service over HTTP on 127.0.0.1 with the embedded log: every refusal of the protocol, and replays. */
class FleetIngestTest {

    static final Path DATA = Path.of("src/main/data/ddxplus");
    static Knowledge knowledge;
    static List<PatientRecord> patients;

    @TempDir
    Path dir;
    FleetService service;
    FleetHttpServer server;
    String base;
    final HttpClient http = HttpClient.newHttpClient();
    final ProtocolClinic clinic = new ProtocolClinic(1);

    @BeforeAll
    static void data() {
        knowledge = DdxplusData.buildKnowledge(DATA);
        patients = DdxplusData.readPatients(DATA.resolve("patients-dev.csv"));
    }

    @BeforeEach
    void start() throws Exception {
        service = new FleetService(dir, knowledge, new FileIngestLog(dir));
        if (service.clinics().all().isEmpty()) {
            service.clinics().add("Centro de Salud Norte", clinic.publicKey());
        }
        server = new FleetHttpServer("127.0.0.1", 0, service, dir.resolve("repository"), 4);
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
        service.close();
    }

    ObjectNode payload() {
        return clinic.payload("2026-W48", List.of(
                clinic.signedOff(patients.get(0), knowledge, "2026-W47", "2.0.0", List.of("anaphylaxis", "scombroid-food-poisoning")),
                clinic.latency("2026-W47", 12, 40, 310),
                clinic.feedback("2026-W47", "anaphylaxis", 1, "accepted", "2.0.0")));
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return ProtocolClinic.JSON.readTree(r.body());
    }

    void assertProblem(HttpResponse<String> r, int status, String reason) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(r).get("type").asText()).isEqualTo("https://mediassist.invalid/problems/fleet/" + reason);
        assertThat(service.batches()).isEmpty();
    }

    @Test
    void storesASignedBatchFromARegisteredClinic() throws Exception {
        HttpResponse<String> r = ProtocolClinic.post(http, base, clinic.envelope(payload()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("status").asText()).isEqualTo("stored");
        List<Batch> stored = service.batches();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).events()).hasSize(3);
        FleetEvent.ConsultationSignedOff c = (FleetEvent.ConsultationSignedOff) stored.get(0).events().get(0);
        assertThat(c.finalDiagnosis()).hasValue("anaphylaxis");
        assertThat(c.ageBand()).hasValue("10-14");
        assertThat(json(r).get("contentAddress").asText()).isEqualTo(stored.get(0).contentAddress());
    }

    @Test
    void replayAnswersDuplicateAndStoresOnce() throws Exception {
        byte[] env = clinic.envelope(payload());
        assertThat(json(ProtocolClinic.post(http, base, env)).get("status").asText()).isEqualTo("stored");
        HttpResponse<String> again = ProtocolClinic.post(http, base, env);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("status").asText()).isEqualTo("duplicate");
        assertThat(service.batches()).hasSize(1);
        assertThat(Files.readAllLines(dir.resolve("ingest/batches.jsonl"))).hasSize(1);
        FleetService.Stats s = service.stats();
        assertThat(s.batches()).isEqualTo(1);
        assertThat(s.replays()).isEqualTo(1);
        assertThat(s.events()).isEqualTo(3);
    }

    @Test
    void replayIsRecognisedAfterARestart() throws Exception {
        byte[] env = clinic.envelope(payload());
        ProtocolClinic.post(http, base, env);
        stop();
        start();
        assertThat(json(ProtocolClinic.post(http, base, env)).get("status").asText()).isEqualTo("duplicate");
        assertThat(service.batches()).hasSize(1);
    }

    @Test
    void refusesAnUnknownClinic() throws Exception {
        ProtocolClinic stranger = new ProtocolClinic(2);
        assertProblem(ProtocolClinic.post(http, base, stranger.envelope(stranger.payload("2026-W48", List.of()))), 403, "unknown-clinic");
    }

    @Test
    void refusesASignatureByAnotherKey() throws Exception {
        ObjectNode p = payload();
        byte[] canonical = CanonicalJson.bytes(p, "payload");
        byte[] forged = Ed25519.sign(Ed25519.generate().getPrivate(), canonical);
        assertProblem(ProtocolClinic.post(http, base, clinic.envelope(p, BatchValidator.contentAddress(canonical), forged)),
                401, "bad-signature");
    }

    @Test
    void refusesAPayloadChangedAfterSigning() throws Exception {
        ObjectNode p = payload();
        byte[] canonical = CanonicalJson.bytes(p, "payload");
        byte[] sig = Ed25519.sign(Ed25519.generate().getPrivate(), canonical);
        String address = BatchValidator.contentAddress(canonical);
        p.put("week", "2026-W49");
        HttpResponse<String> r = ProtocolClinic.post(http, base, clinic.envelope(p, address, sig));
        assertProblem(r, 400, "malformed");
        assertThat(json(r).get("field").asText()).isEqualTo("contentAddress");
    }

    @Test
    void refusesMalformedJson() throws Exception {
        HttpResponse<String> r = ProtocolClinic.post(http, base, "{\"schemaVersion\":1,".getBytes(StandardCharsets.UTF_8));
        assertProblem(r, 400, "malformed");
        assertThat(json(r).get("field").asText()).isEqualTo("body");
    }

    @Test
    void refusesAnOversizedBody() throws Exception {
        byte[] big = new byte[FleetService.MAX_BODY_BYTES + 10];
        java.util.Arrays.fill(big, (byte) ' ');
        assertProblem(ProtocolClinic.post(http, base, big), 413, "too-large");
    }

    @Test
    void refusesTheWholeBatchForAnExtraFieldInOneEvent() throws Exception {
        ObjectNode p = payload();
        ((ObjectNode) p.get("events").get(1)).put("patientName", "Ana");
        HttpResponse<String> r = ProtocolClinic.post(http, base, clinic.envelope(p));
        assertProblem(r, 400, "malformed");
        assertThat(json(r).get("field").asText()).isEqualTo("payload.events[1].patientName");
    }

    @Test
    void storesSignOffsWhoseAgeBandAndSexTheClinicSuppressedAndTrainsOnlyTheOneWithADiagnosis() throws Exception {
        ObjectNode p = payload();
        ObjectNode withDiagnosis = (ObjectNode) p.get("events").get(0);
        withDiagnosis.remove(List.of("ageBand", "sex"));
        ObjectNode withCategory = ProtocolClinic.JSON.createObjectNode();
        withCategory.put("eventId", java.util.UUID.randomUUID().toString());
        withCategory.put("type", "consultation-signed-off");
        withCategory.put("schemaVersion", 1);
        withCategory.put("week", "2026-W47");
        withCategory.putArray("evidencesPresent");
        withCategory.putArray("evidencesDenied");
        withCategory.putArray("suggestions");
        withCategory.put("finalDiagnosis", "cat:other");
        withCategory.putArray("medicationAlerts");
        ((com.fasterxml.jackson.databind.node.ArrayNode) p.get("events")).add(withCategory);
        HttpResponse<String> r = ProtocolClinic.post(http, base, clinic.envelope(p));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<FleetEvent.ConsultationSignedOff> stored = service.batches().get(0).events().stream()
                .filter(FleetEvent.ConsultationSignedOff.class::isInstance).map(FleetEvent.ConsultationSignedOff.class::cast).toList();
        assertThat(stored).hasSize(2).allSatisfy(c -> {
            assertThat(c.ageBand()).isEmpty();
            assertThat(c.sex()).isEmpty();
        });
        com.mediassist.models.loop.FleetCases cases = com.mediassist.models.loop.FleetCases.of(service.batches(), knowledge);
        assertThat(cases.rows()).singleElement().satisfies(row -> {
            assertThat(row.pathology()).isEqualTo(patients.get(0).pathology());
            assertThat(row.ageKnown()).isFalse();
            assertThat(row.sexKnown()).isFalse();
        });
        assertThat(cases.demographicsSuppressed()).isEqualTo(1);
        assertThat(cases.excluded()).containsEntry("diagnosis generalised to a category", 1);
    }

    @Test
    void storesASignOffReleasedOverItsPeriodAndTrainsOnItWithoutAgeAndSex() throws Exception {
        ObjectNode p = payload();
        ArrayNode events = (ArrayNode) p.get("events");
        events.set(0, ProtocolClinic.inPeriod((ObjectNode) events.get(0), "2026-W45/2026-W48"));
        HttpResponse<String> r = ProtocolClinic.post(http, base, clinic.envelope(p));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        FleetEvent.ConsultationSignedOff c = (FleetEvent.ConsultationSignedOff) service.batches().get(0).events().get(0);
        assertThat(c.week()).as("the period stands where the week stood").isEqualTo("2026-W45/2026-W48");
        assertThat(c.ageBand()).isEmpty();
        assertThat(c.sex()).isEmpty();
        com.mediassist.models.loop.FleetCases cases = com.mediassist.models.loop.FleetCases.of(service.batches(), knowledge);
        assertThat(cases.rows()).singleElement().satisfies(row -> {
            assertThat(row.pathology()).isEqualTo(patients.get(0).pathology());
            assertThat(row.demographicsKnown()).isFalse();
        });
        assertThat(cases.weeks()).containsExactly("2026-W45/2026-W48");
    }

    @Test
    void refusesAPeriodSignOffCarryingAgeBandSexOrAWeek() throws Exception {
        for (String field : List.of("ageBand", "sex", "week")) {
            ObjectNode p = payload();
            ArrayNode events = (ArrayNode) p.get("events");
            ObjectNode e = ProtocolClinic.inPeriod((ObjectNode) events.get(0), "2026-W45/2026-W48");
            e.put(field, switch (field) {
                case "ageBand" -> "40-44";
                case "sex" -> "F";
                default -> "2026-W47";
            });
            events.set(0, e);
            HttpResponse<String> r = ProtocolClinic.post(http, base, clinic.envelope(p));
            assertProblem(r, 400, "malformed");
            assertThat(json(r).get("field").asText()).isEqualTo("payload.events[0]." + field);
        }
    }

    @Test
    void refusesAPeriodOffTheGridOrOfAnotherLength() throws Exception {
        for (String period : List.of("2026-W46/2026-W49", "2026-W45/2026-W47", "2026-W45/2026-W52", "2026-11", "2025-W53/2026-W03")) {
            ObjectNode p = payload();
            ArrayNode events = (ArrayNode) p.get("events");
            events.set(0, ProtocolClinic.inPeriod((ObjectNode) events.get(0), period));
            HttpResponse<String> r = ProtocolClinic.post(http, base, clinic.envelope(p));
            assertProblem(r, 400, "malformed");
            assertThat(json(r).get("field").asText()).as(period).isEqualTo("payload.events[0].period");
        }
    }

    @Test
    void refusesSchemaVersionTwoOnEveryEventButASignOffAndThreeOnAny() throws Exception {
        ObjectNode p = payload();
        ObjectNode latency = (ObjectNode) p.get("events").get(1);
        latency.remove("week");
        latency.put("schemaVersion", 2).put("period", "2026-W45/2026-W48");
        HttpResponse<String> r = ProtocolClinic.post(http, base, clinic.envelope(p));
        assertProblem(r, 400, "unknown-schema");
        assertThat(json(r).get("field").asText()).isEqualTo("payload.events[1].schemaVersion");
        ObjectNode q = payload();
        ArrayNode events = (ArrayNode) q.get("events");
        events.set(0, ProtocolClinic.inPeriod((ObjectNode) events.get(0), "2026-W45/2026-W48").put("schemaVersion", 3));
        assertProblem(ProtocolClinic.post(http, base, clinic.envelope(q)), 400, "unknown-schema");
    }

    @Test
    void refusesAnExactAgeSentInsteadOfASuppressedAgeBand() throws Exception {
        ObjectNode p = payload();
        ObjectNode e = (ObjectNode) p.get("events").get(0);
        e.remove(List.of("ageBand", "sex"));
        e.put("finalDiagnosis", "cat:other");
        e.put("age", 47);
        HttpResponse<String> r = ProtocolClinic.post(http, base, clinic.envelope(p));
        assertProblem(r, 400, "malformed");
        assertThat(json(r).get("field").asText()).isEqualTo("payload.events[0].age");
    }

    @Test
    void refusesAnExtraEnvelopeField() throws Exception {
        ObjectNode env = (ObjectNode) ProtocolClinic.JSON.readTree(clinic.envelope(payload()));
        env.put("clinicName", "Norte");
        HttpResponse<String> r = ProtocolClinic.post(http, base, env.toString().getBytes(StandardCharsets.UTF_8));
        assertProblem(r, 400, "malformed");
        assertThat(json(r).get("field").asText()).isEqualTo("clinicName");
    }

    @Test
    void refusesFreeTextWhereACodeBelongs() throws Exception {
        ObjectNode p = payload();
        ((ObjectNode) p.get("events").get(0)).put("finalDiagnosis", "neumonía atípica, revisar");
        HttpResponse<String> r = ProtocolClinic.post(http, base, clinic.envelope(p));
        assertProblem(r, 400, "malformed");
        assertThat(json(r).get("field").asText()).isEqualTo("payload.events[0].finalDiagnosis");
    }

    @Test
    void storesASignOffWithoutModelVersionWhenNoEngineAnswered() throws Exception {
        ObjectNode p = payload();
        ObjectNode e = (ObjectNode) p.get("events").get(0);
        e.remove("modelVersion");
        e.putArray("suggestions");
        HttpResponse<String> r = ProtocolClinic.post(http, base, clinic.envelope(p));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(service.batches()).singleElement().satisfies(b -> assertThat(b.events()).anySatisfy(ev ->
                assertThat(ev).isInstanceOfSatisfying(FleetEvent.ConsultationSignedOff.class, c -> assertThat(c.modelVersion()).isEmpty())));
    }

    @Test
    void storesTheScrubbedNoteOfAClinicThatOptedIn() throws Exception {
        ObjectNode p = payload();
        ((ObjectNode) p.get("events").get(0)).put("scrubbedNote", "Nombre: [NOMBRE].\nVarón de 58 años con tos desde el 03/02/2026.");
        HttpResponse<String> r = ProtocolClinic.post(http, base, clinic.envelope(p));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        FleetEvent.ConsultationSignedOff c = (FleetEvent.ConsultationSignedOff) service.batches().get(0).events().get(0);
        assertThat(c.scrubbedNote()).hasValueSatisfying(n -> assertThat(n).startsWith("Nombre: [NOMBRE]."));
    }

    @Test
    void refusesANoteWithAnEmailAddressInClear() throws Exception {
        ObjectNode p = payload();
        ((ObjectNode) p.get("events").get(0)).put("scrubbedNote", "Correo: ana.lopez@example.es");
        HttpResponse<String> r = ProtocolClinic.post(http, base, clinic.envelope(p));
        assertProblem(r, 400, "malformed");
        assertThat(json(r).get("field").asText()).isEqualTo("payload.events[0].scrubbedNote");
    }

    @Test
    void refusesANoteOnAnyOtherEventType() throws Exception {
        ObjectNode p = payload();
        ((ObjectNode) p.get("events").get(2)).put("scrubbedNote", "[NOMBRE]");
        HttpResponse<String> r = ProtocolClinic.post(http, base, clinic.envelope(p));
        assertProblem(r, 400, "malformed");
        assertThat(json(r).get("field").asText()).isEqualTo("payload.events[2].scrubbedNote");
    }

    @Test
    void refusesASignOffWithSuggestionsButNoModelVersion() throws Exception {
        ObjectNode p = payload();
        ((ObjectNode) p.get("events").get(0)).remove("modelVersion");
        HttpResponse<String> r = ProtocolClinic.post(http, base, clinic.envelope(p));
        assertProblem(r, 400, "malformed");
        assertThat(json(r).get("field").asText()).isEqualTo("payload.events[0].modelVersion");
    }

    @Test
    void refusesAnEvidenceTheKnowledgeDoesNotName() throws Exception {
        ObjectNode p = payload();
        ((com.fasterxml.jackson.databind.node.ArrayNode) p.get("events").get(0).get("evidencesPresent")).add("E_99999");
        assertProblem(ProtocolClinic.post(http, base, clinic.envelope(p)), 400, "malformed");
    }

    @Test
    void refusesAFloatInThePayload() throws Exception {
        ObjectNode p = payload();
        ((ObjectNode) p.get("events").get(1)).put("p50Ms", 12.5);
        assertProblem(ProtocolClinic.post(http, base, clinic.envelope(
                p, "sha256:" + "0".repeat(64), new byte[64])), 400, "malformed");
    }

    @Test
    void refusesAnUnknownSchemaVersion() throws Exception {
        ObjectNode p = payload();
        ((ObjectNode) p.get("events").get(2)).put("schemaVersion", 2);
        HttpResponse<String> r = ProtocolClinic.post(http, base, clinic.envelope(p));
        assertProblem(r, 400, "unknown-schema");
        assertThat(json(r).get("field").asText()).isEqualTo("payload.events[2].schemaVersion");
        ObjectNode env = (ObjectNode) ProtocolClinic.JSON.readTree(clinic.envelope(payload()));
        env.put("schemaVersion", 2);
        assertProblem(ProtocolClinic.post(http, base, env.toString().getBytes(StandardCharsets.UTF_8)), 400, "unknown-schema");
    }

    @Test
    void statsCountRefusalsByReason() throws Exception {
        ProtocolClinic.post(http, base, clinic.envelope(payload()));
        ProtocolClinic.post(http, base, "nope".getBytes(StandardCharsets.UTF_8));
        ProtocolClinic.post(http, base, "[]".getBytes(StandardCharsets.UTF_8));
        ProtocolClinic stranger = new ProtocolClinic(3);
        ProtocolClinic.post(http, base, stranger.envelope(stranger.payload("2026-W48", List.of())));
        FleetService.Stats s = FleetService.stats(dir, "file");
        assertThat(s.clinics()).isEqualTo(1);
        assertThat(s.batches()).isEqualTo(1);
        assertThat(s.refusals()).containsEntry("malformed", 2L).containsEntry("unknown-clinic", 1L);
    }

    @Test
    void servesRepositoryFilesButNothingOutsideIt() throws Exception {
        Files.createDirectories(dir.resolve("repository/metadata"));
        Files.writeString(dir.resolve("repository/metadata/timestamp.json"), "{}");
        Files.writeString(dir.resolve("clinics-secret.txt"), "x");
        HttpResponse<String> ok = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(base + "/repository/metadata/timestamp.json")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("{}");
        HttpResponse<String> out = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(base + "/repository/..%2Fclinics-secret.txt")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(out.statusCode()).isEqualTo(404);
    }

    @Test
    void registryRefusesAMalformedOrRepeatedKey() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.clinics().add("Otra", "not base64!"))
                .isInstanceOf(FleetException.RegistryException.class).hasMessageContaining("--public-key");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.clinics().add("Otra", clinic.publicKey()))
                .isInstanceOf(FleetException.RegistryException.class).hasMessageContaining("already registered");
    }
}
