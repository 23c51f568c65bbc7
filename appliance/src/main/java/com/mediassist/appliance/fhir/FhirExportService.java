package com.mediassist.appliance.fhir;

import com.mediassist.appliance.audit.AuditService;
import com.mediassist.store.Database;
import com.mediassist.store.history.HistoryItem;
import com.mediassist.store.history.HistoryKind;
import com.mediassist.store.notes.SignedNote;
import com.mediassist.store.patients.Patient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Exports a patient, their history and their signed notes as a FHIR R4 Bundle (JSON); audited as
 * {@code patient.export}.
 */
@ApplicationScoped
public class FhirExportService {

    private final FhirBundleWriter writer;
    private final Database database;
    private final AuditService audit;

    public FhirExportService(FhirBundleWriter writer, Database database, AuditService audit) {
        this.writer = writer;
        this.database = database;
        this.audit = audit;
    }

    /**
     * @throws com.mediassist.store.patients.PatientNotFoundException for an unknown id
     */
    public String export(long patientId) {
        record Snapshot(Patient patient, Map<HistoryKind, List<HistoryItem>> history, List<SignedNote> notes) {
        }
        Snapshot snapshot = database.inTransaction(tx -> {
            Patient patient = tx.patients().get(patientId);
            Map<HistoryKind, List<HistoryItem>> history = tx.history().all(patientId);
            List<SignedNote> notes = tx.notes().list(patientId);
            audit.record(tx, "patient.export", patientId, "fhir");
            return new Snapshot(patient, history, notes);
        });
        return writer.write(snapshot.patient(), snapshot.history(), snapshot.notes());
    }
}
