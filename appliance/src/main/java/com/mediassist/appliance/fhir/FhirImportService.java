package com.mediassist.appliance.fhir;

import com.mediassist.appliance.audit.AuditService;
import com.mediassist.store.Database;
import com.mediassist.store.history.HistoryKind;
import com.mediassist.store.history.UpsertResult;
import com.mediassist.store.notes.SignedNote;
import com.mediassist.store.patients.Patient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Imports one patient's FHIR bundle in a single transaction: everything is checked first
 * ({@link FhirBundleReader}), then the patient is created (or, when the patient number is known,
 * updated) and every history item upserted by the appliance uid it carries or else its source id, and
 * every signed note (Composition) by its uid, so importing the same export once or many times leaves
 * one copy. Any failure rolls the whole import back.
 */
@ApplicationScoped
public class FhirImportService {

    private final FhirBundleReader reader;
    private final Database database;
    private final AuditService audit;

    public FhirImportService(FhirBundleReader reader, Database database, AuditService audit) {
        this.reader = reader;
        this.database = database;
        this.audit = audit;
    }

    /**
     * @throws FhirBundleRejectedException when the bundle has problems; nothing is stored
     */
    public ImportReport importBundle(String body) {
        ParsedBundle bundle = reader.read(body);
        return database.inTransaction(tx -> {
            Optional<Patient> existing = tx.patients().findByNumber(bundle.patient().patientNumber());
            Patient patient = existing.isPresent() ? tx.patients().update(existing.get().id(), bundle.patient())
                    : tx.patients().create(bundle.patient());
            Map<HistoryKind, int[]> counts = new LinkedHashMap<>();
            for (HistoryKind kind : HistoryKind.values()) {
                counts.put(kind, new int[2]);
            }
            for (ParsedBundle.Item item : bundle.items()) {
                UpsertResult result = tx.history().upsert(patient.id(), item.uid(), item.entry());
                counts.get(item.entry().kind())[result.created() ? 0 : 1]++;
            }
            int[] notes = new int[2];
            for (SignedNote note : bundle.notes()) {
                notes[tx.notes().upsertImported(patient.id(), note) ? 0 : 1]++;
            }
            Map<String, ImportReport.Counts> imported = new LinkedHashMap<>();
            counts.forEach((kind, c) -> imported.put(kind.plural(), new ImportReport.Counts(c[0], c[1])));
            imported.put("notes", new ImportReport.Counts(notes[0], notes[1]));
            audit.record(tx, "patient.import", patient.id(), "fhir items=" + bundle.items().size()
                    + " notes=" + bundle.notes().size()
                    + " skipped=" + bundle.skipped().values().stream().mapToInt(Integer::intValue).sum()
                    + (existing.isPresent() ? " (patient updated)" : " (patient created)"));
            return new ImportReport(patient.id(), patient.patientNumber(), existing.isEmpty(), imported,
                    bundle.skipped());
        });
    }
}
