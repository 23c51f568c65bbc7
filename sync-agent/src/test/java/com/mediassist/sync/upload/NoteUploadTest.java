package com.mediassist.sync.upload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mediassist.core.deid.DeidBundle;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.knowledge.Sex;
import com.mediassist.sync.upload.event.ConsultationSignedOff;
import com.mediassist.sync.upload.event.EventFactory;
import com.mediassist.sync.upload.event.QueuedEvent;
import com.mediassist.sync.upload.notes.NoteUpload;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The note opt-in: off by default; on but under the de-identifier's gate, no note; on and over
 * it, notes leave scrubbed — and none of the identifiers planted in them leaves with them.
 */
class NoteUploadTest {

    @TempDir
    Path dir;
    @TempDir
    Path bundleDir;

    private SyncFixture fx;
    private FleetReceiver vendor;

    @BeforeEach
    void setUp() throws Exception {
        fx = new SyncFixture(dir);
        vendor = new FleetReceiver();
        vendor.register(fx.key.publicKeyBase64());
    }

    @AfterEach
    void tearDown() {
        vendor.close();
        fx.close();
    }

    private static final String NOTE = "Nombre: Ernesto. Apellidos: Quiroga Betancor. NHC: 5512093. Paciente varón de 60 años.";

    private QueuedEvent signOff(EventFactory factory, String note, Language language) {
        return factory.signedOff(new EventFactory.SignOffFacts(Optional.of(LocalDate.of(1966, 4, 2)), Optional.of(Sex.MALE),
                fx.clock.instant(), List.of("E_91"), List.of(), Optional.of("pneumonia"), Optional.empty(), List.of(),
                Optional.of(note), language));
    }

    private String sendAll(SyncOptions options) {
        fx.clock.advance(Duration.ofHours(73));
        RunResult r = fx.agent(options.withK(1)).runOnce(false);
        assertThat(r.complete()).as("run %s, vendor answers %s", r, vendor.answers()).isTrue();
        StringBuilder all = new StringBuilder();
        vendor.received().forEach(b -> all.append(new String(b, StandardCharsets.UTF_8)).append('\n'));
        return all.toString();
    }

    @Test
    void sendsNoNoteByDefault() {
        assertThat(SyncOptions.defaults().notes().allowed()).isFalse();
        QueuedEvent q = signOff(fx.factory, NOTE, Language.ES);
        assertThat(((ConsultationSignedOff) q.event()).scrubbedNote()).isEmpty();
        fx.enqueue(q);
        String received = sendAll(fx.options(vendor.url()));
        assertThat(vendor.events()).hasSize(1);
        assertThat(received).doesNotContain("scrubbedNote").doesNotContain("Quiroga");
    }

    @Test
    void sendsNoNoteWhenOptedInButTheDeidentifierIsUnderItsGate() throws Exception {
        NoteUpload notes = NoteUpload.optedIn(bundleWithGate(1.01), new Random(3));
        assertThat(notes.allowed()).isFalse();
        assertThat(notes.describe()).contains("under its recall gate");
        EventFactory factory = new EventFactory(Optional.of(TestKnowledge.knowledge()), ZoneOffset.UTC, notes);
        QueuedEvent q = signOff(factory, NOTE, Language.ES);
        assertThat(((ConsultationSignedOff) q.event()).scrubbedNote()).isEmpty();
        fx.enqueue(q);
        assertThat(sendAll(fx.options(vendor.url()).withNotes(notes))).doesNotContain("scrubbedNote");
    }

    @Test
    void keepsQueuedNotesHomeOnceTheClinicOptsOut() {
        NoteUpload on = NoteUpload.optedIn(DeidBundle.shipped(), new Random(3));
        EventFactory factory = new EventFactory(Optional.of(TestKnowledge.knowledge()), ZoneOffset.UTC, on);
        QueuedEvent q = signOff(factory, NOTE, Language.ES);
        assertThat(((ConsultationSignedOff) q.event()).scrubbedNote()).isPresent();
        fx.enqueue(q);
        String received = sendAll(fx.options(vendor.url()));
        assertThat(vendor.events()).hasSize(1);
        assertThat(received).doesNotContain("scrubbedNote");
    }

    @Test
    void plantedIdentifiersInOptedInNotesNeverLeave() {
        DeidBundle shipped = DeidBundle.shipped();
        assertThat(shipped.meetsGate()).as("the shipped de-identifier meets its own gate").isTrue();
        NoteUpload on = NoteUpload.optedIn(shipped, new Random(3));
        EventFactory factory = new EventFactory(Optional.of(TestKnowledge.knowledge()), ZoneOffset.UTC, on);
        List<String> planted = new ArrayList<>();
        Random random = new Random(2026);
        String[] given = {"Ernesto", "Lucía", "Rogelio", "Ainhoa", "Baltasar", "Remedios", "Fermín", "Inmaculada"};
        String[] family = {"Quiroga Betancor", "Urrutia Solana", "Villalba Cendón", "Escobedo Prats", "Arregui Maldonado"};
        String[] givenEn = {"Harold", "Margaret", "Dylan", "Priya", "Walter", "Naomi"};
        String[] familyEn = {"Whitfield", "Okafor", "Lindqvist", "Barrett", "Nakamura"};
        for (int i = 0; i < 40; i++) {
            String n = String.format(Locale.ROOT, "%03d", i);
            boolean english = i % 4 == 3;
            String note;
            if (english) {
                String name = givenEn[random.nextInt(givenEn.length)] + " " + familyEn[random.nextInt(familyEn.length)];
                String mrn = "77" + n + "41";
                String phone = "(415) 555-0" + n;
                String email = "patient" + n + "@mailhost.example.com";
                String date = String.format(Locale.ROOT, "%02d/%02d/2026", 1 + i % 12, 1 + i % 27);
                note = "Patient: " + name + "\nMRN: " + mrn + "\nDate of visit: " + date + "\n\n"
                        + "62-year-old male with cough. Phone " + phone + ", email " + email + ".\n";
                planted.addAll(List.of(name, mrn, phone, email, date));
            } else {
                String g = given[random.nextInt(given.length)];
                String f = family[random.nextInt(family.length)];
                String nhc = "9" + n + "417";
                String dni = "4" + n + "9931K";
                String phone = "6" + n + " 12 34 5" + (i % 10);
                String email = "paciente" + n + "@correo.example.es";
                String street = "Calle Olivar " + (10 + i);
                String date = String.format(Locale.ROOT, "%02d/%02d/2026", 1 + i % 27, 1 + i % 12);
                note = "Datos del paciente.\nNombre:  " + g + ".\nApellidos: " + f + ".\nNHC: " + nhc + ".\nDNI: " + dni
                        + ".\nDomicilio:  " + street + ".\nFecha de Ingreso: " + date + ".\nTeléfono: " + phone + ".\n"
                        + "Informe clínico del paciente: varón de 58 años que consulta por tos. Correo electrónico: " + email + "\n";
                planted.addAll(List.of(g, f, nhc, dni, phone, email, street, date));
            }
            fx.enqueue(signOff(factory, note, english ? Language.EN : Language.ES));
        }
        String received = sendAll(fx.options(vendor.url()).withNotes(on));
        assertThat(vendor.events()).hasSize(40);
        assertThat(vendor.events()).allSatisfy(e -> assertThat(e).containsKey("scrubbedNote"));
        String folded = received.toLowerCase(Locale.ROOT);
        List<String> leaked = planted.stream().distinct().filter(v -> folded.contains(v.toLowerCase(Locale.ROOT))).toList();
        assertThat(leaked).as("planted identifiers in what the vendor received").isEmpty();
        assertThat(received).contains("[NOMBRE]").contains("[NAME]");
    }

    /** A copy of the shipped bundle whose manifest states another span-recall gate. */
    private DeidBundle bundleWithGate(double gate) throws Exception {
        for (String f : new String[] {DeidBundle.MANIFEST, DeidBundle.MODEL_FILE, DeidBundle.GAZETTEER_FILE}) {
            try (InputStream in = DeidBundle.class.getResourceAsStream(DeidBundle.SHIPPED + f)) {
                Files.copy(in, bundleDir.resolve(f));
            }
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = (ObjectNode) json.readTree(bundleDir.resolve(DeidBundle.MANIFEST).toFile());
        ((ObjectNode) m.get("gate")).put("spanRecall", gate);
        json.writeValue(bundleDir.resolve(DeidBundle.MANIFEST).toFile(), m);
        return DeidBundle.load(bundleDir);
    }
}
