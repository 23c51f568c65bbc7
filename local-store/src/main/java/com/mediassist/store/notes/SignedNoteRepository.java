package com.mediassist.store.notes;

import com.mediassist.store.HandleSource;
import com.mediassist.store.patients.PatientNotFoundException;
import com.mediassist.store.sql.SqlTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * A patient's signed notes: the signed-off consultations of this appliance and the notes imported
 * into it. Imported notes are upserted by uid; a uid that names one of this appliance's own
 * consultations is recognised and left alone (a signed consultation never changes).
 */
public final class SignedNoteRepository {

    /** Title of a note written from one of this appliance's consultations. */
    public static final String CONSULTATION_TITLE = "Nota de consulta";

    private final HandleSource source;
    private final Clock clock;

    public SignedNoteRepository(HandleSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /**
     * Every signed note of the patient, oldest first.
     *
     * @throws PatientNotFoundException when the patient does not exist
     */
    public List<SignedNote> list(long patientId) {
        return source.withHandle(h -> {
            requirePatient(h, patientId);
            List<SignedNote> notes = new ArrayList<>(h.createQuery("SELECT id, uid, doctor, signed_off_at, note_text, "
                            + "final_diagnosis FROM consultations WHERE patient_id = :p AND signed_off_at IS NOT NULL")
                    .bind("p", patientId)
                    .map((rs, ctx) -> new SignedNote(rs.getString("uid"), CONSULTATION_TITLE,
                            SqlTime.parseInstant(rs.getString("signed_off_at")), rs.getString("doctor"),
                            rs.getString("note_text"), rs.getString("final_diagnosis"), rs.getLong("id")))
                    .list());
            notes.addAll(h.createQuery("SELECT note_uid, title, date, author, note_text, diagnosis FROM clinical_notes "
                            + "WHERE patient_id = :p").bind("p", patientId)
                    .map((rs, ctx) -> new SignedNote(rs.getString("note_uid"), rs.getString("title"),
                            SqlTime.parseInstant(rs.getString("date")), rs.getString("author"),
                            rs.getString("note_text"), rs.getString("diagnosis"), null))
                    .list());
            notes.sort(Comparator.comparing(SignedNote::signedAt).thenComparing(SignedNote::uid));
            return notes;
        });
    }

    /**
     * Stores an imported note, or refreshes the one with the same uid.
     *
     * @return {@code true} when it was added, {@code false} when already present (imported before,
     *     or one of this appliance's own consultations)
     * @throws PatientNotFoundException when the patient does not exist
     */
    public boolean upsertImported(long patientId, SignedNote note) {
        String now = SqlTime.format(SqlTime.now(clock));
        return source.inTransaction(h -> {
            requirePatient(h, patientId);
            boolean own = h.createQuery("SELECT count(*) FROM consultations WHERE patient_id = :p AND uid = :u")
                    .bind("p", patientId).bind("u", note.uid()).mapTo(Long.class).one() > 0;
            if (own) {
                return false;
            }
            Optional<Long> existing = h.createQuery("SELECT id FROM clinical_notes WHERE patient_id = :p AND note_uid = :u")
                    .bind("p", patientId).bind("u", note.uid()).mapTo(Long.class).findOne();
            org.jdbi.v3.core.statement.Update update = existing.isPresent()
                    ? h.createUpdate("UPDATE clinical_notes SET title = :title, date = :date, author = :author, "
                            + "note_text = :text, diagnosis = :diagnosis, recorded_at = :now WHERE id = :id")
                            .bind("id", existing.get())
                    : h.createUpdate("INSERT INTO clinical_notes (patient_id, note_uid, title, date, author, note_text, "
                            + "diagnosis, recorded_at) VALUES (:p, :u, :title, :date, :author, :text, :diagnosis, :now)")
                            .bind("p", patientId).bind("u", note.uid());
            update.bind("title", note.title()).bind("date", SqlTime.format(note.signedAt()))
                    .bind("author", note.author()).bind("text", note.text()).bind("diagnosis", note.diagnosis())
                    .bind("now", now).execute();
            return existing.isEmpty();
        });
    }

    private static void requirePatient(Handle h, long patientId) {
        if (h.createQuery("SELECT count(*) FROM patients WHERE id = :id").bind("id", patientId)
                .mapTo(Long.class).one() == 0) {
            throw new PatientNotFoundException(patientId);
        }
    }
}
