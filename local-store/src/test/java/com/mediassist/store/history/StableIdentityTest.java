package com.mediassist.store.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediassist.store.Database;
import com.mediassist.store.InvalidValueException;
import com.mediassist.store.TestClock;
import com.mediassist.store.TestDatabases;
import com.mediassist.store.consultations.ConsultationUpdate;
import com.mediassist.store.notes.SignedNote;
import com.mediassist.store.patients.Patient;
import com.mediassist.store.patients.PatientDetails;
import com.mediassist.core.knowledge.Sex;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stable identifiers, the date of death, immunization status and signed notes (migration V004). */
class StableIdentityTest {

    @TempDir
    Path dir;

    private Database db;
    private long patientId;

    @BeforeEach
    void open() {
        db = TestDatabases.open(dir, TestClock.at("2026-03-01T09:00:00Z"));
        patientId = db.patients().create(new PatientDetails("HC-1", "Ana", "López", LocalDate.of(1960, 4, 1),
                Sex.FEMALE)).id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void everyItemGetsAUidThatSurvivesAReadAndAnUpdate() {
        HistoryItem added = db.history().add(patientId, new ImmunizationEntry(Coding.text("Gripe"),
                LocalDate.of(2025, 10, 2), null));
        assertThat(added.uid()).matches("[0-9a-f-]{36}");
        assertThat(db.history().get(patientId, HistoryKind.IMMUNIZATION, added.id()).uid()).isEqualTo(added.uid());
        HistoryItem replaced = db.history().replace(patientId, added.id(), new ImmunizationEntry(Coding.text("Gripe"),
                LocalDate.of(2025, 10, 3), null));
        assertThat(replaced.uid()).isEqualTo(added.uid());
    }

    @Test
    void upsertByUidUpdatesAHandEnteredItemInsteadOfAddingACopy() {
        HistoryItem added = db.history().add(patientId, new ConditionEntry(Coding.text("Asma"), ConditionStatus.ACTIVE,
                null, null, null));
        UpsertResult again = db.history().upsert(patientId, added.uid(), new ConditionEntry(Coding.text("Asma"),
                ConditionStatus.RESOLVED, LocalDate.of(2000, 1, 1), LocalDate.of(2010, 1, 1), null));
        assertThat(again.created()).isFalse();
        assertThat(db.history().list(patientId, HistoryKind.CONDITION)).singleElement().satisfies(item -> {
            assertThat(item.uid()).isEqualTo(added.uid());
            assertThat(((ConditionEntry) item.entry()).status()).isEqualTo(ConditionStatus.RESOLVED);
        });
    }

    @Test
    void upsertWithANewUidKeepsThatUidForTheNextTrip() {
        UpsertResult first = db.history().upsert(patientId, "0f1e2d3c-aaaa-4bbb-8ccc-000000000001",
                new ObservationEntry(Coding.text("Peso"), 70.0, null, "kg", LocalDate.of(2025, 1, 1), null));
        assertThat(first.created()).isTrue();
        assertThat(first.item().uid()).isEqualTo("0f1e2d3c-aaaa-4bbb-8ccc-000000000001");
        assertThat(db.history().upsert(patientId, "0f1e2d3c-aaaa-4bbb-8ccc-000000000001",
                new ObservationEntry(Coding.text("Peso"), 71.0, null, "kg", LocalDate.of(2025, 1, 1), null)).created())
                .isFalse();
        assertThat(db.history().list(patientId, HistoryKind.OBSERVATION)).hasSize(1);
    }

    @Test
    void upsertWithoutUidOrSourceIdIsRefused() {
        assertThatThrownBy(() -> db.history().upsert(patientId, null, new ImmunizationEntry(Coding.text("Gripe"),
                null, null))).isInstanceOf(InvalidValueException.class).hasMessageContaining("sourceId");
    }

    @Test
    void immunizationStatusIsStored() {
        HistoryItem item = db.history().add(patientId, new ImmunizationEntry(Coding.text("Neumococo"),
                LocalDate.of(2024, 5, 5), null, ImmunizationStatus.NOT_DONE));
        assertThat(((ImmunizationEntry) db.history().get(patientId, HistoryKind.IMMUNIZATION, item.id()).entry())
                .status()).isEqualTo(ImmunizationStatus.NOT_DONE);
    }

    @Test
    void dateOfDeathIsStoredAndRead() {
        Patient p = db.patients().get(patientId);
        assertThat(p.deceased()).isFalse();
        db.patients().update(patientId, new PatientDetails("HC-1", "Ana", "López", LocalDate.of(1960, 4, 1),
                Sex.FEMALE, false, LocalDate.of(2025, 12, 24)));
        Patient dead = db.patients().get(patientId);
        assertThat(dead.deceased()).isTrue();
        assertThat(dead.deceasedDate()).isEqualTo(LocalDate.of(2025, 12, 24));
    }

    @Test
    void deathWithoutDateAndImpossibleDatesAreHandled() {
        db.patients().update(patientId, new PatientDetails("HC-1", "Ana", "López", null, Sex.FEMALE, true, null));
        assertThat(db.patients().get(patientId).deceased()).isTrue();
        assertThatThrownBy(() -> new PatientDetails("HC-1", "Ana", "López", LocalDate.of(1960, 4, 1), Sex.FEMALE,
                true, LocalDate.of(1950, 1, 1))).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("deceasedDate");
        assertThatThrownBy(() -> db.patients().update(patientId, new PatientDetails("HC-1", "Ana", "López", null,
                Sex.FEMALE, true, LocalDate.of(2027, 1, 1)))).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("deceasedDate");
    }

    @Test
    void signedConsultationsAreNotesWithAUidAndImportedNotesAreUpsertedByUid() {
        long consultation = db.consultations().start(patientId, "drgarcia").id();
        db.consultations().update(consultation, new ConsultationUpdate("Tos seca de 3 días.", null, null, "Bronquitis"));
        assertThat(db.notes().list(patientId)).isEmpty();
        db.consultations().signOff(consultation);
        SignedNote own = db.notes().list(patientId).get(0);
        assertThat(own.consultationId()).isEqualTo(consultation);
        assertThat(own.text()).isEqualTo("Tos seca de 3 días.");
        assertThat(own.diagnosis()).isEqualTo("Bronquitis");
        assertThat(db.notes().upsertImported(patientId, own)).isFalse();
        assertThat(db.notes().list(patientId)).hasSize(1);

        SignedNote imported = new SignedNote("note-from-elsewhere", "Informe", Instant.parse("2020-01-01T10:00:00Z"),
                "Dr. Pérez", "Texto", null, null);
        assertThat(db.notes().upsertImported(patientId, imported)).isTrue();
        assertThat(db.notes().upsertImported(patientId, imported)).isFalse();
        assertThat(db.notes().list(patientId)).extracting(SignedNote::uid)
                .containsExactly("note-from-elsewhere", own.uid());
    }
}
