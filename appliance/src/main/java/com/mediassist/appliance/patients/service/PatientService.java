package com.mediassist.appliance.patients.service;

import com.mediassist.appliance.audit.AuditService;
import com.mediassist.store.Database;
import com.mediassist.store.Page;
import com.mediassist.store.history.HistoryEntry;
import com.mediassist.store.history.HistoryItem;
import com.mediassist.store.history.HistoryKind;
import com.mediassist.store.patients.Patient;
import com.mediassist.store.patients.PatientDetails;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Patients and their history, each call audited in the same transaction as the data it reads or
 * writes (so no access goes unrecorded, and no record claims an access that failed).
 *
 * <p>Store exceptions pass through unchanged; the REST edge maps them to problem details
 * ({@code PatientNotFoundException} → 404, {@code DuplicatePatientNumberException} → 409,
 * {@code InvalidValueException} → 400).
 */
@ApplicationScoped
public class PatientService {

    private final Database database;
    private final AuditService audit;

    public PatientService(Database database, AuditService audit) {
        this.database = database;
        this.audit = audit;
    }

    public Patient create(PatientDetails details) {
        return database.inTransaction(tx -> {
            Patient created = tx.patients().create(details);
            audit.record(tx, "patient.create", created.id(), "number=" + created.patientNumber());
            return created;
        });
    }

    public Patient get(long id) {
        return database.inTransaction(tx -> {
            Patient patient = tx.patients().get(id);
            audit.record(tx, "patient.read", id, null);
            return patient;
        });
    }

    public Patient update(long id, PatientDetails details) {
        return database.inTransaction(tx -> {
            Patient updated = tx.patients().update(id, details);
            audit.record(tx, "patient.update", id, null);
            return updated;
        });
    }

    /** Patients whose number or names contain every word of {@code query}; audited as one search. */
    public Page<Patient> search(String query, int page, int size) {
        return database.inTransaction(tx -> {
            Page<Patient> result = tx.patients().search(query == null ? "" : query, page, size);
            audit.record(tx, "patient.search", null, "query=" + (query == null ? "" : query) + " page=" + page
                    + " results=" + result.items().size() + "/" + result.total());
            return result;
        });
    }

    public Map<HistoryKind, List<HistoryItem>> history(long patientId) {
        return database.inTransaction(tx -> {
            Map<HistoryKind, List<HistoryItem>> all = tx.history().all(patientId);
            audit.record(tx, "patient.history.read", patientId, null);
            return all;
        });
    }

    public List<HistoryItem> listItems(long patientId, HistoryKind kind) {
        return database.inTransaction(tx -> {
            List<HistoryItem> items = tx.history().list(patientId, kind);
            audit.record(tx, "patient." + kind.plural() + ".read", patientId, null);
            return items;
        });
    }

    public HistoryItem addItem(long patientId, HistoryEntry entry) {
        return database.inTransaction(tx -> {
            HistoryItem item = tx.history().add(patientId, entry);
            audit.record(tx, "patient." + entry.kind().plural() + ".add", patientId, "item=" + item.id());
            return item;
        });
    }

    public void deleteItem(long patientId, HistoryKind kind, long itemId) {
        database.useTransaction(tx -> {
            tx.history().delete(patientId, kind, itemId);
            audit.record(tx, "patient." + kind.plural() + ".delete", patientId, "item=" + itemId);
        });
    }
}
