package com.mediassist.store.patients;

import com.mediassist.core.knowledge.InvalidClinicalInputException;
import com.mediassist.core.knowledge.Sex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediassist.store.Database;
import com.mediassist.store.InvalidValueException;
import com.mediassist.store.Page;
import com.mediassist.store.TestClock;
import com.mediassist.store.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatientRepositoryTest {

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at("2026-03-01T09:00:00Z");
    private Database db;

    @BeforeEach
    void open() {
        db = TestDatabases.open(dir, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void createsAndReadsBackAPatient() {
        Patient created = db.patients().create(
                new PatientDetails(" HC-0001 ", "José", "García Núñez", LocalDate.of(1975, 5, 17), Sex.MALE));
        assertThat(created.patientNumber()).isEqualTo("HC-0001");
        assertThat(db.patients().get(created.id())).isEqualTo(created);
        assertThat(created.createdAt()).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
        assertThat(db.patients().findByNumber("HC-0001")).contains(created);
    }

    @Test
    void refusesADuplicatePatientNumberAndWritesNothing() {
        db.patients().create(new PatientDetails("HC-1", "Ana", "López", null, Sex.FEMALE));
        assertThatThrownBy(() -> db.patients().create(new PatientDetails("HC-1", "Eva", "Ruiz", null, Sex.FEMALE)))
                .isInstanceOfSatisfying(DuplicatePatientNumberException.class, e -> {
                    assertThat(e.field()).isEqualTo("patientNumber");
                    assertThat(e.value()).isEqualTo("HC-1");
                });
        assertThat(db.patients().count()).isEqualTo(1);
        assertThat(db.patients().search("Eva", 0, 10).total()).isZero();
    }

    @Test
    void updatesDemographicsAndRefusesAnotherPatientsNumber() {
        Patient ana = db.patients().create(new PatientDetails("HC-1", "Ana", "López", null, Sex.FEMALE));
        db.patients().create(new PatientDetails("HC-2", "Eva", "Ruiz", null, Sex.FEMALE));
        clock.advance(Duration.ofMinutes(5));
        Patient updated = db.patients().update(ana.id(),
                new PatientDetails("HC-1", "Ana María", "López", LocalDate.of(1990, 1, 1), Sex.FEMALE));
        assertThat(updated.givenName()).isEqualTo("Ana María");
        assertThat(updated.updatedAt()).isAfter(updated.createdAt());
        assertThat(db.patients().search("maria", 0, 10).items()).containsExactly(updated);
        assertThatThrownBy(() -> db.patients().update(ana.id(),
                new PatientDetails("HC-2", "Ana", "López", null, Sex.FEMALE)))
                .isInstanceOf(DuplicatePatientNumberException.class);
        assertThatThrownBy(() -> db.patients().update(999, updated.details()))
                .isInstanceOfSatisfying(PatientNotFoundException.class, e -> assertThat(e.id()).isEqualTo("999"));
    }

    @Test
    void searchesByNameFragmentIgnoringAccentsAndCase() {
        Patient jose = db.patients().create(new PatientDetails("HC-1", "José", "Núñez", null, Sex.MALE));
        db.patients().create(new PatientDetails("HC-2", "María", "Gómez", null, Sex.FEMALE));
        assertThat(db.patients().search("jose nunez", 0, 10).items()).containsExactly(jose);
        assertThat(db.patients().search("NÚÑ", 0, 10).items()).containsExactly(jose);
        assertThat(db.patients().search("Jose", 0, 10).items()).containsExactly(jose);
        assertThat(db.patients().search("jose gomez", 0, 10).items()).isEmpty();
    }

    @Test
    void searchesByNumberWithTheExactNumberFirst() {
        db.patients().create(new PatientDetails("HC-10", "Ana", "Abad", null, Sex.FEMALE));
        Patient exact = db.patients().create(new PatientDetails("HC-1", "Zoe", "Zamora", null, Sex.FEMALE));
        Page<Patient> page = db.patients().search("HC-1", 0, 10);
        assertThat(page.items()).hasSize(2);
        assertThat(page.items().get(0)).isEqualTo(exact);
    }

    @Test
    void treatsLikeWildcardsAsPlainCharacters() {
        db.patients().create(new PatientDetails("HC-1", "Ana", "Abad", null, Sex.FEMALE));
        assertThat(db.patients().search("%", 0, 10).total()).isZero();
        assertThat(db.patients().search("_", 0, 10).total()).isZero();
    }

    @Test
    void pagesThroughResultsInNameOrder() {
        for (int i = 0; i < 25; i++) {
            db.patients().create(new PatientDetails("N" + i, "Given", String.format("Family%02d", i), null, Sex.UNKNOWN));
        }
        Page<Patient> second = db.patients().search("", 1, 10);
        assertThat(second.total()).isEqualTo(25);
        assertThat(second.items()).extracting(Patient::familyName).first().isEqualTo("Family10");
        assertThat(second.hasNext()).isTrue();
        assertThat(db.patients().search("", 2, 10).hasNext()).isFalse();
        assertThatThrownBy(() -> db.patients().search("", 0, 0))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("size"));
    }

    @Test
    void refusesABirthDateAfterToday() {
        assertThatThrownBy(() -> db.patients().create(
                new PatientDetails("HC-1", "Ana", "López", LocalDate.of(2026, 3, 3), Sex.FEMALE)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("birthDate"));
        assertThat(db.patients().create(new PatientDetails("HC-1", "Ana", "López", LocalDate.of(2026, 3, 1), Sex.FEMALE))
                .birthDate()).isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @Test
    void namesTheBadFieldOfInvalidDetails() {
        assertThatThrownBy(() -> new PatientDetails("HC-1", " ", "López", null, Sex.FEMALE))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("givenName"));
        assertThatThrownBy(() -> Sex.fromCode("f"))
                .isInstanceOfSatisfying(InvalidClinicalInputException.class, e -> assertThat(e.field()).isEqualTo("sex"));
    }
}
