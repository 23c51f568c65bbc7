package com.mediassist.store.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediassist.store.Database;
import com.mediassist.store.InvalidValueException;
import com.mediassist.store.TestClock;
import com.mediassist.store.TestDatabases;
import com.mediassist.store.patients.PatientDetails;
import com.mediassist.store.patients.PatientNotFoundException;
import com.mediassist.core.knowledge.Sex;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryRepositoryTest {

    private static final String SNOMED = "http://snomed.info/sct";

    @TempDir
    Path dir;

    private Database db;
    private long patientId;

    @BeforeEach
    void open() {
        db = TestDatabases.open(dir, TestClock.at("2026-03-01T09:00:00Z"));
        patientId = db.patients().create(new PatientDetails("HC-1", "Ana", "López", LocalDate.of(1960, 4, 1), Sex.FEMALE)).id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void storesEveryKindAndReadsItBackUnchanged() {
        List<HistoryEntry> entries = List.of(
                new ConditionEntry(new Coding(SNOMED, "44054006", "Diabetes mellitus type 2"), ConditionStatus.ACTIVE,
                        LocalDate.of(2015, 3, 2), null, "cond-1"),
                new MedicationEntry(new Coding("http://www.nlm.nih.gov/research/umls/rxnorm", "860975", "metformin 500 MG"),
                        MedicationStatus.ACTIVE, LocalDate.of(2015, 3, 2), null, "1 comprimido cada 12 h", null),
                new AllergyEntry(new Coding(SNOMED, "373270004", "Penicilina"), "urticaria", Criticality.HIGH, null, null),
                new ImmunizationEntry(new Coding("http://hl7.org/fhir/sid/cvx", "140", "Influenza"), LocalDate.of(2025, 10, 1), null),
                new ProcedureEntry(Coding.text("Mamografía de cribado"), ProcedureCategory.SCREENING, LocalDate.of(2024, 2, 2), null),
                new ObservationEntry(new Coding("http://loinc.org", "4548-4", "Hemoglobin A1c"), 7.2, null, "%",
                        LocalDate.of(2026, 1, 15), "obs-1"));
        for (HistoryEntry e : entries) {
            db.history().add(patientId, e);
        }
        var all = db.history().all(patientId);
        assertThat(all.values()).allSatisfy(items -> assertThat(items).hasSize(1));
        assertThat(all.values().stream().map(items -> items.get(0).entry()).toList())
                .containsExactlyInAnyOrderElementsOf(entries);
    }

    @Test
    void upsertBySourceIdUpdatesInsteadOfDuplicating() {
        ConditionEntry first = new ConditionEntry(new Coding(SNOMED, "38341003", "Hypertension"), ConditionStatus.ACTIVE,
                LocalDate.of(2010, 1, 1), null, "urn:uuid:abc");
        UpsertResult created = db.history().upsert(patientId, first);
        ConditionEntry resolved = new ConditionEntry(first.coding(), ConditionStatus.RESOLVED, first.onsetDate(),
                LocalDate.of(2020, 1, 1), "urn:uuid:abc");
        UpsertResult updated = db.history().upsert(patientId, resolved);
        assertThat(created.created()).isTrue();
        assertThat(updated.created()).isFalse();
        assertThat(updated.item().id()).isEqualTo(created.item().id());
        assertThat(db.history().list(patientId, HistoryKind.CONDITION)).singleElement()
                .satisfies(i -> assertThat(i.entry()).isEqualTo(resolved));
        assertThatThrownBy(() -> db.history().add(patientId, first))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("sourceId"));
    }

    @Test
    void deletesOneItemOfItsOwnPatientOnly() {
        long other = db.patients().create(new PatientDetails("HC-2", "Eva", "Ruiz", null, Sex.FEMALE)).id();
        HistoryItem item = db.history().add(patientId, new ImmunizationEntry(Coding.text("Tétanos"), null, null));
        assertThatThrownBy(() -> db.history().delete(other, HistoryKind.IMMUNIZATION, item.id()))
                .isInstanceOf(HistoryItemNotFoundException.class);
        db.history().delete(patientId, HistoryKind.IMMUNIZATION, item.id());
        assertThat(db.history().list(patientId, HistoryKind.IMMUNIZATION)).isEmpty();
    }

    @Test
    void refusesHistoryForAnUnknownPatient() {
        assertThatThrownBy(() -> db.history().add(999, new ImmunizationEntry(Coding.text("Tétanos"), null, null)))
                .isInstanceOf(PatientNotFoundException.class);
        assertThatThrownBy(() -> db.history().list(999, HistoryKind.CONDITION)).isInstanceOf(PatientNotFoundException.class);
    }

    @Test
    void listsMostRecentFirstWithUndatedLast() {
        db.history().add(patientId, new ObservationEntry(Coding.text("Peso"), 70.0, null, "kg", LocalDate.of(2020, 1, 1), null));
        db.history().add(patientId, new ObservationEntry(Coding.text("Peso"), 72.0, null, "kg", null, null));
        db.history().add(patientId, new ObservationEntry(Coding.text("Peso"), 74.0, null, "kg", LocalDate.of(2025, 1, 1), null));
        assertThat(db.history().list(patientId, HistoryKind.OBSERVATION))
                .extracting(i -> ((ObservationEntry) i.entry()).valueNumber()).containsExactly(74.0, 70.0, 72.0);
    }

    @Test
    void namesTheBadFieldOfInvalidEntries() {
        assertThatThrownBy(() -> new ConditionEntry(Coding.text("Gripe"), null, LocalDate.of(2020, 2, 1),
                LocalDate.of(2020, 1, 1), null))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("abatementDate"));
        assertThatThrownBy(() -> Coding.text(""))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("display"));
        assertThatThrownBy(() -> MedicationStatus.fromCode("taking"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("status"));
        assertThat(MedicationStatus.fromCode("on-hold")).isEqualTo(MedicationStatus.ON_HOLD);
        assertThat(HistoryKind.fromName("allergies")).isEqualTo(HistoryKind.ALLERGY);
    }
}
