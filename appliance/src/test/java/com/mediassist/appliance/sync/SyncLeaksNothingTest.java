package com.mediassist.appliance.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediassist.appliance.consult.service.ConsultationService;
import com.mediassist.appliance.consult.workspace.Command;
import com.mediassist.appliance.consult.workspace.CommandBatch;
import com.mediassist.appliance.consult.workspace.ConsultationWorkspace;
import com.mediassist.appliance.consult.service.PrescriptionService;
import com.mediassist.appliance.consult.service.Requests;
import com.mediassist.appliance.diagnosis.service.DiagnosisService;
import com.mediassist.appliance.medication.service.MedicationCheckService;
import com.mediassist.appliance.failure.InvalidFieldException;
import com.mediassist.core.knowledge.Evidence;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.knowledge.Pathology;
import com.mediassist.core.medication.Alert;
import com.mediassist.store.Database;
import com.mediassist.store.history.AllergyEntry;
import com.mediassist.store.history.Coding;
import com.mediassist.store.history.ConditionEntry;
import com.mediassist.store.history.ConditionStatus;
import com.mediassist.store.history.MedicationEntry;
import com.mediassist.store.history.MedicationStatus;
import com.mediassist.store.history.ObservationEntry;
import com.mediassist.store.patients.Patient;
import com.mediassist.store.patients.PatientDetails;
import com.mediassist.core.knowledge.Sex;
import com.mediassist.sync.upload.FleetReceiver;
import com.mediassist.sync.upload.RunResult;
import com.mediassist.sync.upload.SyncAgent;
import com.mediassist.sync.upload.SyncOptions;
import com.mediassist.sync.upload.crypto.ClinicKey;
import com.mediassist.sync.upload.delivery.VendorClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The "nothing identifying leaves" test of issue 11: 1,000 synthetic consultations with identifiers
 * planted in every field a user can type go through the real consultation services; the real sync
 * agent then uploads to a real HTTP fleet receiver, and every byte it received is scanned.
 */
@QuarkusTest
class SyncLeaksNothingTest {

    private static final int CONSULTATIONS = 1000;
    /** A date or a clock time standing alone (not inside a hash such as {@code sha256:11ac…}). */
    private static final Pattern DATE = Pattern.compile(
            "(?<![0-9A-Za-z])(\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{4}|\\d{1,2}:\\d{2})(?![0-9A-Za-z])");

    @Inject
    Database database;
    @Inject
    ConsultationService consultations;
    @Inject
    ConsultationWorkspace workspace;
    @Inject
    PrescriptionService prescriptions;
    @Inject
    MedicationCheckService checks;
    @Inject
    DiagnosisService diagnosis;

    @Test
    void uploadsNoPlantedIdentifierAndOnlyKAnonymousWeekGranularRecords() throws Exception {
        Random random = new Random(2026);
        List<String> planted = new ArrayList<>();
        List<String> common = diagnosis.knowledge().pathologies().stream().map(p -> p.code().value())
                .filter(c -> List.of("urti", "pneumonia", "bronchitis", "influenza").contains(c)).toList();
        List<String> rare = diagnosis.knowledge().pathologies().stream().map(Pathology::code).map(c -> c.value())
                .filter(c -> !common.contains(c)).toList();
        List<String> binary = diagnosis.knowledge().evidences().stream().filter(Evidence::isBinary)
                .map(e -> e.code().value()).toList();
        int[] birthYears = {1950, 1972, 1988, 2001};
        for (int i = 0; i < CONSULTATIONS; i++) {
            String n = String.format(Locale.ROOT, "%04d", i);
            LocalDate birth = LocalDate.of(birthYears[i % 4], 1 + random.nextInt(12), 1 + random.nextInt(28));
            String given = "Zoraida" + n + "x";
            String family = "Quintanilla-Plantado" + n;
            String nhc = "NHC-PLT-" + n;
            String dni = String.format(Locale.ROOT, "4829%04dK", i);
            String nie = String.format(Locale.ROOT, "Y77%04dQ", i);
            String phone = "+34 699 12 " + n;
            String phoneDigits = "69912" + n;
            String email = "zoraida" + n + "@correo-plantado.es";
            String street = "Calle Falsa " + (100 + i) + ", 28080 Villaplantada";
            String visit = "visita del 2026-10-" + String.format(Locale.ROOT, "%02d", 1 + i % 28) + " a las 09:" + (10 + i % 50);
            String doctor = "dr.plantado" + n;
            String freeDx = "Síndrome de " + family + " según " + dni;
            String reason = "Lo pide " + given + " " + family + ", tel " + phone + ", " + email;
            planted.addAll(List.of(given, family, nhc, dni, nie, phone, phoneDigits, email, street, visit, doctor, freeDx,
                    reason, birth.toString(), birth.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
            String identity = String.join(" | ", given, family, nhc, dni, nie, phone, email, street, visit, birth.toString());

            Sex sex = i % 2 == 0 ? Sex.FEMALE : Sex.MALE;
            Patient p = database.patients().create(new PatientDetails(nhc, given, family, birth, sex));
            database.history().add(p.id(), new ConditionEntry(new Coding(null, null, "Vive en " + street + "; " + identity),
                    ConditionStatus.ACTIVE, birth, null, null));
            database.history().add(p.id(), new MedicationEntry(new Coding(null, null, "Paracetamol de " + family),
                    MedicationStatus.ACTIVE, null, null, "1 c/8h, avisar a " + phone, null));
            database.history().add(p.id(), new AllergyEntry(new Coding(null, null, "Penicilina (" + dni + ")"),
                    "habón; lo vio " + doctor, null, null, null));
            database.history().add(p.id(), new ObservationEntry(new Coding(null, null, "Nota " + nie), null, identity, null,
                    null, null));

            long id = consultations.start(p.id(), doctor).id();
            consultations.saveDraft(id, new Requests.Draft("Paciente " + identity + ". " + visit, List.of()), doctor);

            String dx = random.nextInt(100) < 3 ? rare.get(random.nextInt(rare.size())) : common.get(random.nextInt(common.size()));
            List<String> present = List.of(binary.get(random.nextInt(binary.size())));
            List<String> absent = binary.stream().filter(c -> !present.contains(c)).limit(1).toList();
            Requests.Model claimed = new Requests.Model("bundle-" + family, "9.9.9-" + n);
            consultations.feedback(id, new Requests.Feedback("diagnosis", dx, "shown", null, claimed), doctor);
            consultations.feedback(id, new Requests.Feedback("question", present.get(0), "accepted", reason, claimed), doctor);
            if (i % 3 == 0) {
                consultations.feedback(id, new Requests.Feedback("diagnosis", dx, "overridden", reason, claimed), doctor);
            }
            // Free text where a code belongs is refused, not uploaded.
            assertThatThrownBy(() -> consultations.feedback(id, new Requests.Feedback("diagnosis", freeDx, "shown", null, claimed),
                    doctor)).isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("item"));
            if (i % 25 == 0) {
                prescribeWithOverride(id, p.id(), reason, doctor);
            }
            boolean freeText = i % 20 == 7;
            workspace.apply(id, new CommandBatch("es", List.of(new Command.AddEvidence(present.get(0), null, true),
                    new Command.AddEvidence(absent.get(0), null, false))), Language.ES, doctor);
            workspace.signOff(id, new Requests.SignOff("Resumen de " + given + " " + visit,
                    new Requests.FinalDiagnosis(freeText ? null : dx, freeDx), "es"), doctor);
        }

        Path dataDir = database.options().dataDir();
        ClinicKey key = ClinicKey.exists(dataDir) ? ClinicKey.load(dataDir) : ClinicKey.create(dataDir, new SecureRandom());
        try (FleetReceiver vendor = new FleetReceiver()) {
            vendor.register(key.publicKeyBase64());
            SyncOptions options = SyncOptions.defaults().withVendorUrl(vendor.url()).withK(5);
            Clock later = Clock.offset(Clock.systemUTC(), Duration.ofHours(73));
            SyncAgent agent = new SyncAgent(database, options, Optional.of(key),
                    Optional.of(VendorClient.create(vendor.url(), Duration.ofSeconds(30))), later, new Random(7));
            RunResult result = agent.runOnce(false);
            assertThat(result.complete()).isTrue();
            assertThat(result.eventsSent()).isGreaterThan(CONSULTATIONS);
            assertThat(agent.status().heldForK()).as("rare diagnoses without a group in their week wait for their period").isPositive();
            // Past the end of the 4-week release period of every sign-off (and the delay): the held ones regroup
            // over the period, leave with the period in place of the week (protocol v2) or expire.
            SyncAgent afterPeriod = new SyncAgent(database, options, Optional.of(key),
                    Optional.of(VendorClient.create(vendor.url(), Duration.ofSeconds(30))),
                    Clock.offset(Clock.systemUTC(), Duration.ofDays(35).plusHours(73)), new Random(8));
            RunResult second = afterPeriod.runOnce(false);
            assertThat(second.complete()).isTrue();
            assertThat(second.eventsSent()).as("what the period let leave").isPositive();
            assertThat(afterPeriod.status().heldForK()).as("a complete period holds nothing back").isZero();

            StringBuilder all = new StringBuilder();
            for (byte[] body : vendor.received()) {
                all.append(new String(body, StandardCharsets.UTF_8)).append('\n');
            }
            String received = all.toString();
            String folded = received.toLowerCase(Locale.ROOT);
            List<String> found = planted.stream().filter(v -> folded.contains(v.toLowerCase(Locale.ROOT))).toList();
            assertThat(found).as("planted identifiers in the %d bytes received", received.length()).isEmpty();
            java.util.regex.Matcher date = DATE.matcher(received);
            assertThat(date.find() ? date.group() : "").as("no date or time finer than an ISO week").isEmpty();
            assertThat(received).doesNotContain("9.9.9-").doesNotContain("bundle-Quintanilla");

            List<Map<String, Object>> events = vendor.events();
            Map<List<Object>, Integer> groups = new HashMap<>();
            int signedOff = 0;
            int inPeriod = 0;
            for (Map<String, Object> e : events) {
                if (e.containsKey("period")) {
                    inPeriod++;
                    assertThat((String) e.get("period")).as("four ISO weeks, no date").matches("\\d{4}-W\\d{2}/\\d{4}-W\\d{2}");
                    assertThat(e).as("a period sign-off (protocol v2) carries neither the week nor age band and sex")
                            .containsEntry("type", "consultation-signed-off").containsEntry("schemaVersion", 2L)
                            .doesNotContainKeys("week", "ageBand", "sex");
                } else {
                    assertThat((String) e.get("week")).matches("\\d{4}-W\\d{2}");
                    assertThat(e).containsEntry("schemaVersion", 1L);
                }
                if ("consultation-signed-off".equals(e.get("type"))) {
                    signedOff++;
                    if (String.valueOf(e.get("finalDiagnosis")).startsWith("cat:")) {
                        assertThat(e).as("a category leaves alone: its findings would give the diagnosis back")
                                .doesNotContainKeys("ageBand", "sex", "modelVersion", "scrubbedNote")
                                .containsEntry("evidencesPresent", List.of()).containsEntry("suggestions", List.of());
                    } else {
                        assertThat(e.get("modelVersion")).isEqualTo(diagnosis.activeBundle().orElseThrow().version());
                    }
                    groups.merge(List.of(String.valueOf(e.get("ageBand")), String.valueOf(e.get("sex")),
                            String.valueOf(e.get("finalDiagnosis")), e.containsKey("period") ? e.get("period") : e.get("week")),
                            1, Integer::sum);
                }
            }
            assertThat(signedOff).as("most consultations leave").isGreaterThan(CONSULTATIONS / 2);
            assertThat(groups).as("k-anonymity: every quasi-identifier group has at least k members")
                    .allSatisfy((k, size) -> assertThat(size).as("group %s", k).isGreaterThanOrEqualTo(5));
            assertThat(events).anySatisfy(e -> assertThat(String.valueOf(e.get("finalDiagnosis"))).startsWith("cat:"));
            assertThat(inPeriod).isPositive().isLessThanOrEqualTo(second.eventsSent());
        }
    }

    private void prescribeWithOverride(long id, long patientId, String reason, String doctor) {
        List<String> meds = List.of("Sintrom 4 mg", "ibuprofeno 600");
        List<Requests.Override> overrides = new ArrayList<>();
        for (Alert a : checks.check(meds, patientId, List.of(), List.of(), null, Language.ES).result().alerts()) {
            if (a.interrupt()) {
                overrides.add(new Requests.Override(a.kind().label(), a.drugs(), null, "other", reason));
            }
        }
        prescriptions.save(id, new Requests.Prescriptions(meds, overrides, "es"), doctor);
    }
}
