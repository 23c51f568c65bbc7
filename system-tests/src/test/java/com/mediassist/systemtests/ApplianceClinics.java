package com.mediassist.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.models.LearningLoop;
import com.mediassist.models.PatientRecord;
import com.mediassist.store.Database;
import com.mediassist.store.DatabaseOptions;
import com.mediassist.store.users.Role;
import com.mediassist.sync.upload.RunResult;
import com.mediassist.sync.upload.SyncAgent;
import com.mediassist.sync.upload.SyncOptions;
import com.mediassist.sync.upload.crypto.ClinicKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * Clinics that are real boxes: per clinic a data directory, {@code sync init}'s key (registered with
 * the vendor), the packaged appliance answering with the active bundle, and for each patient a
 * doctor who records the patient, opens a consultation and signs it off (the server computes the differential)
 * with the true diagnosis, all through the appliance's REST API. Then the real sync agent
 * ({@code sync run-once}) uploads to the fleet service, 35 days and 73 h later: past the 72 h delay and
 * past the end of the sign-offs' 4-week release period, so the week groups, the period groups and the
 * categories of a k above 1 all leave in that run (nothing is left held).
 */
final class ApplianceClinics implements LearningLoop.Clinics {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Path work;
    private final int k;
    /** What every clinic's upload did, in clinic order. */
    final List<RunResult> uploads = new ArrayList<>();
    /** Consultations signed off through the appliance. */
    int signedOff;

    /**
     * @param k the sync agent's k-anonymity threshold ({@code mediassist.sync.k}; 5 in production)
     */
    ApplianceClinics(Path work, int k) {
        this.work = work;
        this.k = k;
    }

    @Override
    public void signOff(List<PatientRecord> patients, int clinics, String vendorUrl, BiConsumer<String, String> registrar,
                        Path activeBundle, Knowledge knowledge) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < clinics; i++) {
            Path box = Files.createDirectories(work.resolve("clinic-" + (i + 1)));
            String token;
            try (Database db = Database.open(DatabaseOptions.defaults(box).withPasswordCost(4))) {
                token = db.tokens().create("loop-doctor", Role.DOCTOR).secret();
                registrar.accept("Clínica " + (i + 1), ClinicKey.create(box, new SecureRandom()).publicKeyBase64());
            }
            try (ApplianceJar app = ApplianceJar.start(box, work.resolve("clinic-" + (i + 1) + ".log"),
                    List.of("mediassist.bundle.dir=" + activeBundle.toAbsolutePath()), Duration.ofMinutes(2))) {
                for (int r = i; r < patients.size(); r += clinics) {
                    consult(http, app, token, patients.get(r), knowledge, "c" + (i + 1) + "-" + r);
                    signedOff++;
                }
            }
            try (Database db = Database.open(DatabaseOptions.defaults(box).withPasswordCost(4))) {
                SyncOptions options = SyncOptions.defaults().withVendorUrl(URI.create(vendorUrl)).withK(k);
                RunResult result = SyncAgent.open(db, options, Clock.offset(Clock.systemUTC(), Duration.ofDays(35).plusHours(73)),
                        new Random(i)).runOnce(false);
                if (result.failure().isPresent()) {
                    throw new IllegalStateException("clinic " + (i + 1) + " upload failed: " + result.failure().get());
                }
                uploads.add(result);
            }
        }
    }

    /** One consultation: patient, consultation, differential, sign-off with the true diagnosis. */
    private static void consult(HttpClient http, ApplianceJar app, String token, PatientRecord p, Knowledge k, String number)
            throws Exception {
        LocalDate birth = LocalDate.now(ZoneOffset.UTC).minusYears(p.age()).minusDays(30);
        ObjectNode patient = JSON.createObjectNode().put("patientNumber", number).put("givenName", "Paciente")
                .put("familyName", "Bucle " + number).put("birthDate", birth.toString())
                .put("sex", p.sex() == com.mediassist.core.knowledge.Sex.FEMALE ? "female" : "male");
        long patientId = post(http, app, token, "/api/v1/patients", patient, 201).get("id").asLong();
        long id = post(http, app, token, "/api/v1/consultations", JSON.createObjectNode().put("patientId", patientId), 201)
                .get("id").asLong();
        String truth = k.pathologyByName(p.pathology()).orElseThrow().code().value();
        // The findings are recorded as the doctor's commands; sign-off stores what the server computed from them.
        ObjectNode commands = JSON.createObjectNode().put("language", "es");
        var list = commands.putArray("commands");
        for (String e : p.evidences()) {
            int at = e.indexOf("_@_");
            ObjectNode add = list.addObject().put("type", "add-evidence").put("code", at < 0 ? e : e.substring(0, at))
                    .put("present", true);
            if (at >= 0) {
                add.put("value", e.substring(at + 3));
            }
        }
        post(http, app, token, "/api/v1/consultations/" + id + "/commands", commands, 200);
        ObjectNode signOff = JSON.createObjectNode().put("summaryText", "Nota revisada por el médico.").put("language", "es");
        signOff.putObject("finalDiagnosis").put("code", truth);
        post(http, app, token, "/api/v1/consultations/" + id + "/sign-off", signOff, 200);
    }

    private static JsonNode post(HttpClient http, ApplianceJar app, String token, String path, JsonNode body, int expected)
            throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(app.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + " (expected " + expected + "): "
                    + r.body() + "; see " + app.log());
        }
        return JSON.readTree(r.body());
    }
}
