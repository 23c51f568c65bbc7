package com.mediassist.store.consultations;

import com.mediassist.store.HandleSource;
import com.mediassist.store.InvalidValueException;
import com.mediassist.store.patients.PatientNotFoundException;
import com.mediassist.store.sql.Fields;
import com.mediassist.store.sql.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Consultations: open, update while open, close, sign off (after which they are read-only). */
public final class ConsultationRepository {

    private static final String COLUMNS = "id, patient_id, doctor, started_at, ended_at, note_text, evidences_json, "
            + "prescriptions_json, final_diagnosis, signed_off_at";

    private final HandleSource source;
    private final Clock clock;

    public ConsultationRepository(HandleSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /**
     * Opens a consultation now.
     *
     * @throws PatientNotFoundException when the patient does not exist
     * @throws InvalidValueException naming {@code doctor} when blank
     */
    public Consultation start(long patientId, String doctor) {
        String who = Fields.required("doctor", doctor, 200);
        Instant now = SqlTime.now(clock);
        return source.inTransaction(h -> {
            boolean exists = h.createQuery("SELECT count(*) FROM patients WHERE id = :id").bind("id", patientId)
                    .mapTo(Long.class).one() > 0;
            if (!exists) {
                throw new PatientNotFoundException(patientId);
            }
            long id = h.createUpdate("INSERT INTO consultations (patient_id, doctor, started_at) VALUES (:p, :d, :s)")
                    .bind("p", patientId).bind("d", who).bind("s", SqlTime.format(now))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return new Consultation(id, patientId, who, now, Optional.empty(), "", "[]", "[]", Optional.empty(),
                    Optional.empty());
        });
    }

    /**
     * One consultation.
     *
     * @throws ConsultationNotFoundException when there is none
     */
    public Consultation get(long id) {
        return source.withHandle(h -> find(h, id)).orElseThrow(() -> new ConsultationNotFoundException(id));
    }

    /** A patient's consultations, newest first. */
    public List<Consultation> listForPatient(long patientId) {
        return source.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM consultations WHERE patient_id = :p ORDER BY started_at DESC, id DESC")
                .bind("p", patientId).map(ConsultationRepository::map).list());
    }

    /**
     * Applies the non-null fields of {@code update}.
     *
     * @throws ConsultationNotFoundException when there is none
     * @throws ConsultationSignedOffException when it was signed off
     */
    public Consultation update(long id, ConsultationUpdate update) {
        return source.inTransaction(h -> {
            Consultation c = requireOpen(h, id);
            Consultation next = new Consultation(c.id(), c.patientId(), c.doctor(), c.startedAt(), c.endedAt(),
                    update.noteText() != null ? update.noteText() : c.noteText(),
                    update.evidencesJson() != null ? update.evidencesJson() : c.evidencesJson(),
                    update.prescriptionsJson() != null ? update.prescriptionsJson() : c.prescriptionsJson(),
                    update.finalDiagnosis() != null ? Optional.of(update.finalDiagnosis()) : c.finalDiagnosis(),
                    c.signedOffAt());
            h.createUpdate("UPDATE consultations SET note_text = :n, evidences_json = :e, prescriptions_json = :rx, "
                            + "final_diagnosis = :dx WHERE id = :id")
                    .bind("n", next.noteText()).bind("e", next.evidencesJson()).bind("rx", next.prescriptionsJson())
                    .bind("dx", next.finalDiagnosis().orElse(null)).bind("id", id).execute();
            return next;
        });
    }

    /**
     * Closes the consultation now (idempotent: a closed one keeps its end time).
     *
     * @throws ConsultationNotFoundException when there is none
     * @throws ConsultationSignedOffException when it was signed off
     */
    public Consultation end(long id) {
        Instant now = SqlTime.now(clock);
        return source.inTransaction(h -> {
            Consultation c = requireOpen(h, id);
            if (c.endedAt().isPresent()) {
                return c;
            }
            h.createUpdate("UPDATE consultations SET ended_at = :t WHERE id = :id")
                    .bind("t", SqlTime.format(now)).bind("id", id).execute();
            return find(h, id).orElseThrow();
        });
    }

    /**
     * Signs off: closes it if still open and makes it read-only.
     *
     * @throws ConsultationNotFoundException when there is none
     * @throws ConsultationSignedOffException when it was already signed off
     */
    public Consultation signOff(long id) {
        Instant now = SqlTime.now(clock);
        return source.inTransaction(h -> {
            Consultation c = requireOpen(h, id);
            h.createUpdate("UPDATE consultations SET ended_at = coalesce(ended_at, :t), signed_off_at = :t WHERE id = :id")
                    .bind("t", SqlTime.format(now)).bind("id", id).execute();
            return find(h, c.id()).orElseThrow();
        });
    }

    /**
     * Hands an open consultation to another doctor (an explicit take-over; the caller audits it).
     *
     * @throws ConsultationNotFoundException when there is none
     * @throws ConsultationSignedOffException when it was signed off
     * @throws com.mediassist.store.InvalidValueException naming {@code doctor}
     */
    public Consultation reassign(long id, String doctor) {
        String who = com.mediassist.store.sql.Fields.required("doctor", doctor, 200);
        return source.inTransaction(h -> {
            requireOpen(h, id);
            h.createUpdate("UPDATE consultations SET doctor = :d WHERE id = :id").bind("d", who).bind("id", id).execute();
            return find(h, id).orElseThrow();
        });
    }

    private static Consultation requireOpen(Handle h, long id) {
        Consultation c = find(h, id).orElseThrow(() -> new ConsultationNotFoundException(id));
        if (c.signedOff()) {
            throw new ConsultationSignedOffException(id, c.signedOffAt().get());
        }
        return c;
    }

    private static Optional<Consultation> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM consultations WHERE id = :id").bind("id", id)
                .map(ConsultationRepository::map).findOne();
    }

    private static Consultation map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Consultation(rs.getLong("id"), rs.getLong("patient_id"), rs.getString("doctor"),
                SqlTime.parseInstant(rs.getString("started_at")),
                Optional.ofNullable(SqlTime.parseInstant(rs.getString("ended_at"))), rs.getString("note_text"),
                rs.getString("evidences_json"), rs.getString("prescriptions_json"),
                Optional.ofNullable(rs.getString("final_diagnosis")),
                Optional.ofNullable(SqlTime.parseInstant(rs.getString("signed_off_at"))));
    }
}
