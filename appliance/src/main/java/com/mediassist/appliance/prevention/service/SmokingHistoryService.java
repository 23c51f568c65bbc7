package com.mediassist.appliance.prevention.service;

import com.mediassist.appliance.audit.AuditService;
import com.mediassist.core.prevention.SmokingStatus;
import com.mediassist.core.prevention.TobaccoCodes;
import com.mediassist.store.Database;
import com.mediassist.store.InvalidValueException;
import com.mediassist.store.history.Coding;
import com.mediassist.store.history.HistoryItem;
import com.mediassist.store.history.ObservationEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Records a smoking history the doctor states as coded observations dated today: status (LOINC
 * 72166-2 with its SNOMED CT text), pack-years (SNOMED CT 401201003) and quit date (LOINC 74010-0),
 * all in one transaction with one audit row ({@code patient.smoking.record}).
 */
@ApplicationScoped
public class SmokingHistoryService {

    private final Database database;
    private final AuditService audit;
    private final Clock clock;

    public SmokingHistoryService(Database database, AuditService audit, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param status    {@code null} or unknown to leave it out
     * @param packYears {@code null} to leave it out; 0..300
     * @param quitDate  {@code null} to leave it out; not after today
     * @return the observations stored
     * @throws InvalidValueException naming the bad field, or {@code body} when nothing was given
     * @throws com.mediassist.store.patients.PatientNotFoundException for an unknown patient
     */
    public List<HistoryItem> record(long patientId, SmokingStatus status, Double packYears, LocalDate quitDate) {
        LocalDate today = LocalDate.now(clock);
        List<ObservationEntry> entries = new ArrayList<>();
        if (status != null && status != SmokingStatus.UNKNOWN) {
            entries.add(new ObservationEntry(new Coding(TobaccoCodes.LOINC, TobaccoCodes.STATUS_LOINC,
                    "Tobacco smoking status"), null, TobaccoCodes.statusSnomed(status)[1], null, today, null));
        }
        if (packYears != null) {
            if (!(packYears >= 0 && packYears <= 300)) {
                throw new InvalidValueException("packYears", "must be between 0 and 300, got " + packYears);
            }
            entries.add(new ObservationEntry(new Coding(TobaccoCodes.SNOMED, TobaccoCodes.PACK_YEARS_SNOMED,
                    "Cigarette pack-years"), packYears, null, "{PackYears}", today, null));
        }
        if (quitDate != null) {
            if (quitDate.isAfter(today)) {
                throw new InvalidValueException("quitDate", "must not be after today (" + today + "), got " + quitDate);
            }
            entries.add(new ObservationEntry(new Coding(TobaccoCodes.LOINC, TobaccoCodes.QUIT_DATE_LOINC,
                    "Date quit tobacco smoking"), null, quitDate.toString(), null, today, null));
        }
        if (entries.isEmpty()) {
            throw new InvalidValueException("body", "give at least one of status, packYears, quitDate");
        }
        return database.inTransaction(tx -> {
            tx.patients().requireAlive(patientId);
            List<HistoryItem> stored = new ArrayList<>();
            for (ObservationEntry e : entries) {
                stored.add(tx.history().add(patientId, e));
            }
            audit.record(tx, "patient.smoking.record", patientId, "observations=" + stored.size());
            return stored;
        });
    }
}
