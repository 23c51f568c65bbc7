package com.mediassist.store.consultations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediassist.store.Database;
import com.mediassist.store.InvalidValueException;
import com.mediassist.store.TestClock;
import com.mediassist.store.TestDatabases;
import com.mediassist.store.feedback.FeedbackAction;
import com.mediassist.store.feedback.SuggestionKind;
import com.mediassist.store.patients.PatientDetails;
import com.mediassist.core.knowledge.Sex;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsultationRepositoryTest {

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at("2026-03-01T09:00:00Z");

    @Test
    void recordsANoteEvidencesAndDiagnosisThenFreezesOnSignOff() {
        try (Database db = TestDatabases.open(dir, clock)) {
            long patient = db.patients().create(new PatientDetails("HC-1", "Ana", "López", null, Sex.FEMALE)).id();
            Consultation c = db.consultations().start(patient, "dra.lopez");
            db.consultations().update(c.id(), new ConsultationUpdate("Fiebre de 3 días y tos.",
                    "[{\"code\":\"E_91\",\"present\":true}]", null, null));
            clock.advance(Duration.ofMinutes(12));
            Consultation withDx = db.consultations().update(c.id(), new ConsultationUpdate(null, null,
                    "[{\"drug\":\"paracetamol\"}]", "Neumonía"));
            assertThat(withDx.noteText()).isEqualTo("Fiebre de 3 días y tos.");
            assertThat(withDx.evidencesJson()).contains("E_91");
            assertThat(withDx.finalDiagnosis()).contains("Neumonía");
            Consultation signed = db.consultations().signOff(c.id());
            assertThat(signed.signedOffAt()).contains(clock.instant());
            assertThat(signed.endedAt()).contains(clock.instant());
            assertThatThrownBy(() -> db.consultations().update(c.id(), ConsultationUpdate.note("cambio")))
                    .isInstanceOf(ConsultationSignedOffException.class);
            assertThat(db.consultations().get(c.id()).noteText()).isEqualTo("Fiebre de 3 días y tos.");
            assertThat(db.consultations().listForPatient(patient)).hasSize(1);
        }
    }

    @Test
    void recordsWhatWasSuggestedAndWhatTheDoctorDid() {
        try (Database db = TestDatabases.open(dir, clock)) {
            long patient = db.patients().create(new PatientDetails("HC-1", "Ana", "López", null, Sex.FEMALE)).id();
            Consultation c = db.consultations().start(patient, "dra.lopez");
            var s = db.feedback().recordShown(c.id(), SuggestionKind.ALERT, "warfarin+ibuprofen", "mediassist-med", "2026.03");
            assertThatThrownBy(() -> db.feedback().recordAction(s.id(), FeedbackAction.OVERRIDDEN, " ", "dra.lopez"))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("reason"));
            db.feedback().recordAction(s.id(), FeedbackAction.OVERRIDDEN, "dosis única, vigilada", "dra.lopez");
            assertThat(db.feedback().suggestions(c.id())).singleElement()
                    .satisfies(x -> assertThat(x.bundleVersion()).isEqualTo("2026.03"));
            assertThat(db.feedback().feedback(c.id())).singleElement()
                    .satisfies(f -> assertThat(f.reason()).contains("dosis única, vigilada"));
        }
    }

    @Test
    void refusesMalformedJson() {
        assertThatThrownBy(() -> new ConsultationUpdate(null, "[{", null, null))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("evidencesJson"));
    }
}
