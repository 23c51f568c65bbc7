package com.mediassist.appliance.prevention.service;

import com.mediassist.appliance.audit.AuditService;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.prevention.ConditionFact;
import com.mediassist.core.prevention.HistoryItem;
import com.mediassist.core.prevention.PreventionProfile;
import com.mediassist.appliance.knowledge.ActiveKnowledge;
import com.mediassist.core.prevention.PreventiveCareReport;
import com.mediassist.core.prevention.Programme;
import com.mediassist.core.knowledge.Sex;
import com.mediassist.core.prevention.SmokingNoteReader;
import com.mediassist.core.prevention.SmokingStatus;
import com.mediassist.core.prevention.TobaccoCodes;
import com.mediassist.store.Database;
import com.mediassist.store.history.Coding;
import com.mediassist.store.history.ConditionEntry;
import com.mediassist.store.history.ConditionStatus;
import com.mediassist.store.history.ImmunizationStatus;
import com.mediassist.store.history.HistoryEntry;
import com.mediassist.store.history.HistoryKind;
import com.mediassist.store.history.ImmunizationEntry;
import com.mediassist.store.history.ObservationEntry;
import com.mediassist.store.history.ProcedureEntry;
import com.mediassist.store.notes.SignedNote;
import com.mediassist.store.patients.Patient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Preventive care for a stored patient: builds the engine's profile from the patient's birth date,
 * sex and history (conditions, immunizations, procedures, observations, smoking status) and audits the
 * read ({@code preventive-care.read}) in the same transaction.
 */
@ApplicationScoped
public class PreventiveCareService {


    private final Database database;
    private final AuditService audit;
    private final ActiveKnowledge knowledge;

    public PreventiveCareService(Database database, AuditService audit, ActiveKnowledge knowledge) {
        this.database = database;
        this.audit = audit;
        this.knowledge = knowledge;
    }

    /** @throws com.mediassist.store.patients.PatientNotFoundException for an unknown patient */
    public PreventiveCareReport evaluate(long patientId, Programme programme, Language language) {
        PreventionProfile profile = database.inTransaction(tx -> {
            Patient patient = tx.patients().get(patientId);
            Map<HistoryKind, List<com.mediassist.store.history.HistoryItem>> history = tx.history().all(patientId);
            List<SignedNote> notes = tx.notes().list(patientId);
            audit.record(tx, "preventive-care.read", patientId, "programme=" + programme.code());
            return profile(patient, history, notes);
        });
        return knowledge.use(k -> k.prevention().evaluate(profile, programme, language));
    }

    /**
     * Preventive care from data the caller has read (and audited) in its own transaction: the
     * consultation view reads the record once for every engine.
     */
    public PreventiveCareReport evaluate(Patient patient, Map<HistoryKind, List<com.mediassist.store.history.HistoryItem>> history,
                                         List<SignedNote> notes, Programme programme, Language language) {
        PreventionProfile profile = profile(patient, history, notes);
        return knowledge.use(k -> k.prevention().evaluate(profile, programme, language));
    }

    static PreventionProfile profile(Patient patient,
                                     Map<HistoryKind, List<com.mediassist.store.history.HistoryItem>> history) {
        return profile(patient, history, List.of());
    }

    /**
     * The engine's profile. Smoking comes from the coded observations first (status, pack-years, quit
     * date); what they leave open is taken from the signed notes, newest first; conditions (a smoker
     * condition resolved on a date, an ex-smoker since a date) are read by the engine.
     */
    static PreventionProfile profile(Patient patient,
                                     Map<HistoryKind, List<com.mediassist.store.history.HistoryItem>> history,
                                     List<SignedNote> notes) {
        if (patient.birthDate() == null) {
            throw new com.mediassist.core.knowledge.InvalidClinicalInputException("birthDate",
                    "the patient has no birth date; preventive care needs it");
        }
        PreventionProfile.Builder b = PreventionProfile.builder(patient.birthDate(),
                patient.sex() == null ? Sex.UNKNOWN : patient.sex()).deceased(patient.deceased());
        SmokingStatus smoking = SmokingStatus.UNKNOWN;
        LocalDate smokingDate = null;
        Double packYears = null;
        LocalDate packYearsDate = null;
        LocalDate quitDate = null;
        List<HistoryItem> items = new ArrayList<>();
        for (List<com.mediassist.store.history.HistoryItem> list : history.values()) {
            for (com.mediassist.store.history.HistoryItem stored : list) {
                HistoryEntry e = stored.entry();
                if (e instanceof ConditionEntry c) {
                    b.condition(new ConditionFact(conditionEntry(c.coding()), state(c.status()), c.onsetDate(),
                            c.abatementDate()));
                } else if (e instanceof ImmunizationEntry i && i.date() != null
                        && i.status() == ImmunizationStatus.COMPLETED) {
                    items.add(item(i.coding(), i.date(), null));
                } else if (e instanceof ProcedureEntry p && p.date() != null) {
                    items.add(item(p.coding(), p.date(), null));
                    b.condition(conditionEntry(p.coding()));
                } else if (e instanceof ObservationEntry o && o.date() != null) {
                    String code = o.coding().code() == null ? "" : o.coding().code();
                    if (code.equals(TobaccoCodes.STATUS_LOINC)) {
                        SmokingStatus s = smokingFrom(o.valueText());
                        if (s != SmokingStatus.UNKNOWN && (smokingDate == null || o.date().isAfter(smokingDate))) {
                            smoking = s;
                            smokingDate = o.date();
                        }
                    } else if (TobaccoCodes.PACK_YEARS.contains(code) && o.valueNumber() != null
                            && (packYearsDate == null || o.date().isAfter(packYearsDate))) {
                        packYears = o.valueNumber();
                        packYearsDate = o.date();
                    } else if (TobaccoCodes.QUIT_DATE.contains(code) && o.valueText() != null) {
                        quitDate = quitDate(o.valueText(), quitDate);
                    }
                    items.add(item(o.coding(), o.date(), o.valueNumber()));
                }
            }
        }
        List<SignedNote> newestFirst = new ArrayList<>(notes);
        newestFirst.sort(Comparator.comparing(SignedNote::signedAt).reversed());
        for (SignedNote note : newestFirst) {
            SmokingNoteReader.Facts facts = SmokingNoteReader.read(note.text(),
                    LocalDate.ofInstant(note.signedAt(), ZoneOffset.UTC));
            if (smoking == SmokingStatus.UNKNOWN && facts.status() != SmokingStatus.UNKNOWN) {
                smoking = facts.status();
            }
            packYears = packYears == null ? facts.packYears() : packYears;
            quitDate = quitDate == null ? facts.quitDate() : quitDate;
        }
        return b.history(items).smoking(smoking, packYears, quitDate).build();
    }

    private static String conditionEntry(Coding coding) {
        return coding.code() == null ? coding.display()
                : (coding.system() == null ? "" : coding.system() + "|") + coding.code();
    }

    private static HistoryItem item(Coding coding, LocalDate date, Double value) {
        return new HistoryItem(coding.code() == null ? "" : coding.code(),
                coding.system() == null ? "" : coding.system(), coding.display(), date, value);
    }

    private static ConditionFact.State state(ConditionStatus status) {
        return switch (status) {
            case ACTIVE, RECURRENCE, RELAPSE -> ConditionFact.State.ACTIVE;
            case INACTIVE, REMISSION, RESOLVED -> ConditionFact.State.RESOLVED;
            case UNKNOWN -> ConditionFact.State.UNKNOWN;
        };
    }

    /** The later of a recorded quit date ("2015-06-30", "2015-06", "2015") and the one known so far. */
    private static LocalDate quitDate(String text, LocalDate known) {
        String t = text.strip();
        LocalDate d;
        try {
            d = t.length() >= 10 ? LocalDate.parse(t.substring(0, 10))
                    : t.length() == 7 ? LocalDate.parse(t + "-01") : t.length() == 4 ? LocalDate.parse(t + "-01-01") : null;
        } catch (java.time.format.DateTimeParseException e) {
            d = null;
        }
        return d == null || (known != null && known.isAfter(d)) ? known : d;
    }

    /** Reads a smoking-status text ("Never smoker", "Former smoker", "Fumador actual"). */
    static SmokingStatus smokingFrom(String text) {
        return TobaccoCodes.statusFromText(text);
    }
}
