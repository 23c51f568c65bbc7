package com.mediassist.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.models.DdxplusData;
import com.mediassist.models.PatientRecord;
import com.mediassist.models.fleet.Batch;
import com.mediassist.models.fleet.FileIngestLog;
import com.mediassist.models.fleet.FleetHttpServer;
import com.mediassist.models.fleet.FleetService;
import com.mediassist.models.tuf.TufRepository;
import com.mediassist.store.Database;
import com.mediassist.store.DatabaseOptions;
import com.mediassist.sync.upload.RunResult;
import com.mediassist.sync.upload.SyncAgent;
import com.mediassist.sync.upload.SyncOptions;
import com.mediassist.sync.upload.crypto.ClinicKey;
import com.mediassist.sync.upload.delivery.VendorClient;
import com.mediassist.sync.upload.event.EventCodec;
import com.mediassist.sync.upload.event.EventFactory;
import com.mediassist.sync.upload.event.QueuedEvent;
import com.mediassist.sync.upload.store.StoredBatch;
import com.mediassist.sync.upload.store.SyncStore;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clinic sync → vendor ingest: the real sync agent of a box (local store outbox filled as the
 * appliance fills it at sign-off, the {@code sync init} key, {@code run-once}) uploads to the real
 * fleet service ({@code models fleet serve}'s server, in-process on 127.0.0.1, the clinic registered by
 * its {@code sync init} public key as {@code fleet add-clinic} does), which stores every event; a
 * replay of the same batches is answered "duplicate" and stored once.
 */
class SyncToFleetInteropTest {

    static final Path DATA = Path.of("../models/src/main/data/ddxplus");
    static final Instant SIGN_OFF = Instant.parse("2026-11-16T10:00:00Z");

    @TempDir
    Path box;
    @TempDir
    Path vendor;

    @Test
    void theRealSyncAgentsBatchesAreAcceptedAndStoredByTheRealFleetServiceAndAReplayIsDeduplicated() throws Exception {
        Knowledge knowledge = DdxplusData.buildKnowledge(DATA);
        List<PatientRecord> patients = DdxplusData.readPatients(DATA.resolve("patients-dev.csv")).subList(0, 120);
        Clock clock = Clock.fixed(SIGN_OFF, ZoneOffset.UTC);
        try (Sides sides = Sides.open(box, vendor, knowledge, clock)) {
            Database db = sides.db();
            FleetService service = sides.service();
            FleetHttpServer server = sides.server();
            EventFactory factory = new EventFactory(Optional.of(knowledge), ZoneOffset.UTC);
            for (PatientRecord p : patients) {
                String dx = knowledge.pathologyByName(p.pathology()).orElseThrow().code().value();
                QueuedEvent q = factory.signedOff(new EventFactory.SignOffFacts(
                        Optional.of(SIGN_OFF.atZone(ZoneOffset.UTC).toLocalDate().minusYears(p.age()).minusDays(40)),
                        Optional.of(p.sex()),
                        clock.instant(), p.evidences(), List.of(), Optional.of(dx), Optional.empty(), List.of()));
                db.outbox().enqueue(q.event().type(), EventCodec.write(q), Duration.ofHours(72));
            }
            Clock later = Clock.offset(clock, Duration.ofHours(73));

            URI url = URI.create("http://127.0.0.1:" + server.port());
            SyncOptions options = SyncOptions.defaults().withVendorUrl(url).withK(1).withMaxEventsPerBatch(50);
            SyncAgent agent = new SyncAgent(db, options, Optional.of(ClinicKey.load(box)),
                    Optional.of(VendorClient.create(url, Duration.ofSeconds(15))), later, new Random(3));
            RunResult r = agent.runOnce(false);

            assertThat(r.failure()).isEmpty();
            assertThat(r.complete()).isTrue();
            assertThat(r.eventsSent()).isEqualTo(patients.size());
            FleetService.Stats stats = service.stats();
            assertThat(stats.refusals()).isEmpty();
            assertThat(stats.batches()).isEqualTo(r.batchesAccepted()).isEqualTo(3);
            assertThat(stats.events()).isEqualTo(patients.size());
            List<Batch> stored = service.batches();
            assertThat(stored).hasSize(3);
            assertThat(stored.stream().mapToInt(b -> b.events().size()).sum()).isEqualTo(patients.size());

            assertThat(agent.status().sent()).isEqualTo(patients.size());

            // A retry after a lost answer resends the same envelope: the vendor answers duplicate and stores it once.
            StoredBatch last = new SyncStore(db).lastAccepted().orElseThrow();
            assertThat(VendorClient.create(url, Duration.ofSeconds(15)).send(last.envelopeJson(), last.contentAddress()))
                    .isEqualTo("duplicate");
            FleetService.Stats after = service.stats();
            assertThat(after.replays()).isEqualTo(1);
            assertThat(after.batches()).isEqualTo(3);
            assertThat(after.events()).isEqualTo(patients.size());
            assertThat(after.refusals()).isEmpty();
            assertThat(service.batches()).hasSize(3);
        }
    }

    @Test
    void atTheProductionKWhatTheBoxReleasesOverItsPeriodWithoutWeekAgeSexOrDiagnosisIsAcceptedAndOnlyDiagnosedCasesTrain()
            throws Exception {
        Knowledge knowledge = DdxplusData.buildKnowledge(DATA);
        List<PatientRecord> patients = DdxplusData.readPatients(DATA.resolve("patients-dev.csv")).subList(0, 125);
        Clock clock = Clock.fixed(SIGN_OFF, ZoneOffset.UTC);
        try (Sides sides = Sides.open(box, vendor, knowledge, clock)) {
            Database db = sides.db();
            EventFactory factory = new EventFactory(Optional.of(knowledge), ZoneOffset.UTC);
            for (int i = 0; i < patients.size(); i++) {
                PatientRecord p = patients.get(i);
                String dx = knowledge.pathologyByName(p.pathology()).orElseThrow().code().value();
                // the four weeks of release period 2026-W45/2026-W48, ~31 sign-offs a week
                Instant signedOff = Instant.parse("2026-11-02T10:00:00Z").plus(Duration.ofDays(7L * (i % 4)));
                QueuedEvent q = factory.signedOff(new EventFactory.SignOffFacts(
                        Optional.of(SIGN_OFF.atZone(ZoneOffset.UTC).toLocalDate().minusYears(p.age()).minusDays(40)),
                        Optional.of(p.sex()), signedOff, p.evidences(), List.of(), Optional.of(dx), Optional.empty(), List.of()));
                db.outbox().enqueue(q.event().type(), EventCodec.write(q), Duration.ofHours(72));
            }
            URI url = URI.create("http://127.0.0.1:" + sides.server().port());
            // The period ended on Monday 2026-11-30 and its last sign-offs are past the 72 h delay.
            SyncAgent agent = new SyncAgent(db, SyncOptions.defaults().withVendorUrl(url), Optional.of(ClinicKey.load(box)),
                    Optional.of(VendorClient.create(url, Duration.ofSeconds(15))),
                    Clock.fixed(Instant.parse("2026-12-03T01:00:00Z"), ZoneOffset.UTC), new Random(3));
            RunResult r = agent.runOnce(false);

            assertThat(r.failure()).isEmpty();
            assertThat(sides.service().stats().refusals()).isEmpty();
            List<com.mediassist.models.fleet.FleetEvent.ConsultationSignedOff> stored = sides.service().batches().stream()
                    .flatMap(b -> b.events().stream()).filter(com.mediassist.models.fleet.FleetEvent.ConsultationSignedOff.class::isInstance)
                    .map(com.mediassist.models.fleet.FleetEvent.ConsultationSignedOff.class::cast)
                    .toList();
            assertThat(stored).hasSize(r.eventsSent()).allSatisfy(c -> {
                assertThat(c.ageBand()).isEmpty();
                assertThat(c.sex()).isEmpty();
            });
            List<com.mediassist.models.fleet.FleetEvent.ConsultationSignedOff> categories = stored.stream()
                    .filter(c -> c.finalDiagnosis().orElse("").startsWith("cat:")).toList();
            assertThat(categories).isNotEmpty().allSatisfy(c -> {
                assertThat(c.evidencesPresent()).isEmpty();
                assertThat(c.suggestions()).isEmpty();
            });
            assertThat(stored.stream().collect(java.util.stream.Collectors.groupingBy(c -> List.of(c.finalDiagnosis().orElse(""), c.week()),
                    java.util.stream.Collectors.counting()))).allSatisfy((dx, n) -> assertThat(n).as(dx.toString()).isGreaterThanOrEqualTo(5L));
            assertThat(stored).as("diagnoses below k in each week left with their period (protocol v2)")
                    .anySatisfy(c -> {
                        assertThat(c.week()).isEqualTo("2026-W45/2026-W48");
                        assertThat(c.finalDiagnosis().orElse("cat:")).doesNotStartWith("cat:");
                    });
            assertThat(categories).allSatisfy(c -> assertThat(c.week()).isEqualTo("2026-W45/2026-W48"));
            com.mediassist.models.loop.FleetCases cases = com.mediassist.models.loop.FleetCases.of(sides.service().batches(), knowledge);
            assertThat(cases.rows()).isNotEmpty().hasSize(stored.size() - categories.size());
            assertThat(cases.excluded()).containsEntry("diagnosis generalised to a category", categories.size());
        }
    }

    @Test
    void scrubbedNotesOfAnOptedInBoxAreAcceptedAndStoredByTheRealFleetService() throws Exception {
        Knowledge knowledge = DdxplusData.buildKnowledge(DATA);
        List<PatientRecord> patients = DdxplusData.readPatients(DATA.resolve("patients-dev.csv")).subList(0, 10);
        Clock clock = Clock.fixed(SIGN_OFF, ZoneOffset.UTC);
        try (Sides sides = Sides.open(box, vendor, knowledge, clock)) {
            Database db = sides.db();
            FleetService service = sides.service();
            FleetHttpServer server = sides.server();
            com.mediassist.sync.upload.notes.NoteUpload notes = com.mediassist.sync.upload.notes.NoteUpload.optedIn(
                    com.mediassist.core.deid.DeidBundle.shipped(), new Random(5));
            EventFactory factory = new EventFactory(Optional.of(knowledge), ZoneOffset.UTC, notes);
            for (int i = 0; i < patients.size(); i++) {
                PatientRecord p = patients.get(i);
                String dx = knowledge.pathologyByName(p.pathology()).orElseThrow().code().value();
                String note = "Nombre: Casilda. Apellidos: Iturbe Lozano. NHC: 55" + i + "7120. DNI: 4455" + i + "321X.\n"
                        + "Paciente de " + p.age() + " años. Correo: casilda" + i + "@correo.example.es. Ingreso el 12/11/2026.";
                QueuedEvent q = factory.signedOff(new EventFactory.SignOffFacts(
                        Optional.of(SIGN_OFF.atZone(ZoneOffset.UTC).toLocalDate().minusYears(p.age()).minusDays(40)),
                        Optional.of(p.sex()), clock.instant(), p.evidences(), List.of(), Optional.of(dx), Optional.empty(),
                        List.of(), Optional.of(note), com.mediassist.core.knowledge.Language.ES));
                db.outbox().enqueue(q.event().type(), EventCodec.write(q), Duration.ofHours(72));
            }
            URI url = URI.create("http://127.0.0.1:" + server.port());
            SyncOptions options = SyncOptions.defaults().withVendorUrl(url).withK(1).withNotes(notes);
            SyncAgent agent = new SyncAgent(db, options, Optional.of(ClinicKey.load(box)),
                    Optional.of(VendorClient.create(url, Duration.ofSeconds(15))), Clock.offset(clock, Duration.ofHours(73)),
                    new Random(3));
            RunResult r = agent.runOnce(false);

            assertThat(r.failure()).isEmpty();
            assertThat(service.stats().refusals()).isEmpty();
            List<String> stored = service.batches().stream().flatMap(b -> b.events().stream())
                    .map(e -> ((com.mediassist.models.fleet.FleetEvent.ConsultationSignedOff) e).scrubbedNote().orElseThrow())
                    .toList();
            assertThat(stored).hasSize(patients.size()).allSatisfy(n -> assertThat(n)
                    .contains("[NOMBRE]").doesNotContain("Casilda").doesNotContain("Iturbe").doesNotContain("@")
                    .doesNotContain("12/11/2026"));
        }
    }

    /** A box database with a clinic key, and the vendor's fleet service with that clinic registered, serving on 127.0.0.1. */
    private record Sides(Database db, FleetService service, FleetHttpServer server) implements AutoCloseable {
        static Sides open(Path box, Path vendor, Knowledge knowledge, Clock clock) throws Exception {
            Database db = Database.open(DatabaseOptions.defaults(box).withClock(clock).withPasswordCost(4));
            FleetService service = new FleetService(vendor, knowledge, new FileIngestLog(vendor));
            FleetHttpServer server = new FleetHttpServer("127.0.0.1", 0, service, TufRepository.repository(vendor), 4);
            ClinicKey key = ClinicKey.create(box, new SecureRandom());
            service.clinics().add("Centro de Salud Norte", key.publicKeyBase64());
            return new Sides(db, service, server);
        }

        @Override
        public void close() throws Exception {
            try (db; service; server) {
                // closed in reverse order: server, service, database
            }
        }
    }
}
