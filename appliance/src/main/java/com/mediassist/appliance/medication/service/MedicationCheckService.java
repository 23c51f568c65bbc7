package com.mediassist.appliance.medication.service;

import com.mediassist.appliance.audit.AuditService;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.medication.MedicationCheckRequest;
import com.mediassist.core.medication.MedicationCheckResult;
import com.mediassist.appliance.knowledge.ActiveKnowledge;
import com.mediassist.core.knowledge.set.KnowledgeSet;
import com.mediassist.store.Database;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a medication check, adding a stored patient's data when a patient id is given. The read of the
 * patient's history and its audit row ({@code medication-check.read}) share one transaction.
 */
@ApplicationScoped
public class MedicationCheckService {

    private final ActiveKnowledge knowledge;
    private final Database database;
    private final AuditService audit;

    public MedicationCheckService(ActiveKnowledge knowledge, Database database, AuditService audit) {
        this.knowledge = knowledge;
        this.database = database;
        this.audit = audit;
    }

    /** The result and the stored medications that were added to it. */
    public record Outcome(MedicationCheckResult result, List<String> storedMedications) {
    }

    /**
     * @param patientId a stored patient, or {@code null}
     * @throws com.mediassist.store.patients.PatientNotFoundException for an unknown patient
     */
    public Outcome check(List<String> medications, Long patientId, List<String> allergies, List<String> conditions,
                         Double egfr, Language language) {
        return knowledge.use(set -> check(set, medications, patientId, allergies, conditions, egfr, language));
    }

    /** One check answered from one knowledge set (its conditions catalogue and its checker). */
    private Outcome check(KnowledgeSet set, List<String> medications, Long patientId, List<String> allergies,
                          List<String> conditions, Double egfr, Language language) {
        List<String> meds = new ArrayList<>(medications);
        List<String> alls = new ArrayList<>(allergies);
        List<String> conds = new ArrayList<>(conditions);
        Double gfr = egfr;
        List<String> stored = List.of();
        if (patientId != null) {
            PatientClinicalData data = database.inTransaction(tx -> {
                tx.patients().get(patientId);
                PatientClinicalData d = PatientClinicalData.from(tx.history().all(patientId),
                        set.medication().knowledge().conditions());
                audit.record(tx, "medication-check.read", patientId, "medications=" + medications.size());
                return d;
            });
            stored = data.medications();
            meds.addAll(stored);
            alls.addAll(data.allergies());
            conds.addAll(data.conditions());
            if (gfr == null) {
                gfr = data.egfr();
            }
        }
        return new Outcome(set.medication().check(new MedicationCheckRequest(meds, alls, conds, gfr, language)), stored);
    }

    /** The check against a record: the medicines typed plus those, the allergies, conditions and eGFR it holds. */
    private static Outcome check(KnowledgeSet set, List<String> medications, PatientClinicalData data, Language language) {
        List<String> meds = new ArrayList<>(medications);
        meds.addAll(data.medications());
        return new Outcome(set.medication().check(new MedicationCheckRequest(meds, data.allergies(), data.conditions(),
                data.egfr(), language)), data.medications());
    }

    /**
     * Checks the medicines against a patient's history the caller has read (and audited) in its own
     * transaction: the consultation view reads the record once for every engine.
     */
    public Outcome check(List<String> medications,
                         java.util.Map<com.mediassist.store.history.HistoryKind, List<com.mediassist.store.history.HistoryItem>> history,
                         Language language) {
        return knowledge.use(set -> check(set, medications,
                PatientClinicalData.from(history, set.medication().knowledge().conditions()), language));
    }
}
