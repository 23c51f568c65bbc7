package com.mediassist.store.history;

import com.mediassist.store.HandleSource;
import com.mediassist.store.InvalidValueException;
import com.mediassist.store.patients.PatientNotFoundException;
import com.mediassist.store.sql.Fields;
import com.mediassist.store.sql.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * A patient's history items: add, list, replace, delete, and upsert by source id for imports.
 * Every write checks that the patient exists and throws {@link PatientNotFoundException} otherwise.
 */
public final class HistoryRepository {

    private final HandleSource source;
    private final Clock clock;

    public HistoryRepository(HandleSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /**
     * Adds an item. An entry carrying a source id already present for this patient and kind is
     * refused; use {@link #upsert} for imports.
     *
     * @throws PatientNotFoundException when the patient does not exist
     * @throws InvalidValueException naming {@code sourceId} when it is already present
     */
    public HistoryItem add(long patientId, HistoryEntry entry) {
        Instant now = SqlTime.now(clock);
        return source.inTransaction(h -> {
            requirePatient(h, patientId);
            if (entry.sourceId() != null && findBySource(h, patientId, entry.kind(), entry.sourceId()).isPresent()) {
                throw new InvalidValueException("sourceId", "patient " + patientId + " already has a "
                        + entry.kind().name().toLowerCase(java.util.Locale.ROOT) + " with source id " + entry.sourceId());
            }
            return insert(h, patientId, entry, now, null);
        });
    }

    /**
     * Adds the item, or replaces the one with the same source id for this patient and kind.
     *
     * @throws InvalidValueException naming {@code sourceId} when the entry has none
     * @throws PatientNotFoundException when the patient does not exist
     */
    public UpsertResult upsert(long patientId, HistoryEntry entry) {
        return upsert(patientId, null, entry);
    }

    /**
     * Adds the item, or replaces the patient's item of the same kind that has the stable identifier
     * {@code uid} (as written by an appliance export) or, failing that, the same source id. A replaced
     * item keeps its own identifier; an added one takes {@code uid}, or a new one when it is {@code null}.
     *
     * @param uid the stable identifier the record carried, or {@code null}
     * @throws InvalidValueException naming {@code sourceId} when the entry has neither a uid nor a source id
     * @throws PatientNotFoundException when the patient does not exist
     */
    public UpsertResult upsert(long patientId, String uid, HistoryEntry entry) {
        if (entry.sourceId() == null && uid == null) {
            throw new InvalidValueException("sourceId", "is required to upsert a history item without a uid");
        }
        String cleanUid = uid == null ? null : Fields.required("uid", uid, 100);
        Instant now = SqlTime.now(clock);
        return source.inTransaction(h -> {
            requirePatient(h, patientId);
            Optional<Long> existing = cleanUid == null ? Optional.empty()
                    : findByUid(h, patientId, entry.kind(), cleanUid);
            if (existing.isEmpty() && entry.sourceId() != null) {
                existing = findBySource(h, patientId, entry.kind(), entry.sourceId());
            }
            if (existing.isPresent()) {
                return new UpsertResult(replace(h, patientId, existing.get(), entry, now), false);
            }
            return new UpsertResult(insert(h, patientId, entry, now, cleanUid), true);
        });
    }

    /**
     * Replaces the content of an existing item.
     *
     * @throws HistoryItemNotFoundException when the patient has no such item of the entry's kind
     */
    public HistoryItem replace(long patientId, long itemId, HistoryEntry entry) {
        Instant now = SqlTime.now(clock);
        return source.inTransaction(h -> {
            requirePatient(h, patientId);
            return replace(h, patientId, itemId, entry, now);
        });
    }

    /**
     * One item.
     *
     * @throws HistoryItemNotFoundException when the patient has no such item
     */
    public HistoryItem get(long patientId, HistoryKind kind, long itemId) {
        return source.withHandle(h -> h.createQuery("SELECT * FROM " + kind.plural()
                        + " WHERE patient_id = :p AND id = :id")
                .bind("p", patientId).bind("id", itemId).map((rs, ctx) -> map(kind, rs)).findOne()
                .orElseThrow(() -> new HistoryItemNotFoundException(kind, patientId, itemId)));
    }

    /**
     * The patient's items of one kind, most recent date first (undated last), then newest row first.
     *
     * @throws PatientNotFoundException when the patient does not exist
     */
    public List<HistoryItem> list(long patientId, HistoryKind kind) {
        return source.withHandle(h -> {
            requirePatient(h, patientId);
            return list(h, patientId, kind);
        });
    }

    /**
     * The patient's whole history, by kind in {@link HistoryKind} order.
     *
     * @throws PatientNotFoundException when the patient does not exist
     */
    public Map<HistoryKind, List<HistoryItem>> all(long patientId) {
        return source.withHandle(h -> {
            requirePatient(h, patientId);
            Map<HistoryKind, List<HistoryItem>> result = new EnumMap<>(HistoryKind.class);
            for (HistoryKind kind : HistoryKind.values()) {
                result.put(kind, list(h, patientId, kind));
            }
            return result;
        });
    }

    /**
     * Deletes one item.
     *
     * @throws HistoryItemNotFoundException when the patient has no such item
     */
    public void delete(long patientId, HistoryKind kind, long itemId) {
        source.inTransaction(h -> {
            int n = h.createUpdate("DELETE FROM " + kind.plural() + " WHERE patient_id = :p AND id = :id")
                    .bind("p", patientId).bind("id", itemId).execute();
            if (n == 0) {
                throw new HistoryItemNotFoundException(kind, patientId, itemId);
            }
            return n;
        });
    }

    private static List<HistoryItem> list(Handle h, long patientId, HistoryKind kind) {
        String dateColumn = switch (kind) {
            case CONDITION -> "onset_date";
            case MEDICATION -> "start_date";
            case ALLERGY -> "recorded_date";
            case IMMUNIZATION, PROCEDURE, OBSERVATION -> "date";
        };
        return h.createQuery("SELECT * FROM " + kind.plural() + " WHERE patient_id = :p ORDER BY "
                        + dateColumn + " IS NULL, " + dateColumn + " DESC, id DESC")
                .bind("p", patientId).map((rs, ctx) -> map(kind, rs)).list();
    }

    private static void requirePatient(Handle h, long patientId) {
        boolean exists = h.createQuery("SELECT count(*) FROM patients WHERE id = :id").bind("id", patientId)
                .mapTo(Long.class).one() > 0;
        if (!exists) {
            throw new PatientNotFoundException(patientId);
        }
    }

    private static Optional<Long> findBySource(Handle h, long patientId, HistoryKind kind, String sourceId) {
        return h.createQuery("SELECT id FROM " + kind.plural() + " WHERE patient_id = :p AND source_id = :s")
                .bind("p", patientId).bind("s", sourceId).mapTo(Long.class).findOne();
    }

    private static Optional<Long> findByUid(Handle h, long patientId, HistoryKind kind, String uid) {
        return h.createQuery("SELECT id FROM " + kind.plural() + " WHERE patient_id = :p AND item_uid = :u")
                .bind("p", patientId).bind("u", uid).mapTo(Long.class).findOne();
    }

    private static HistoryItem insert(Handle h, long patientId, HistoryEntry entry, Instant now, String uid) {
        String itemUid = uid == null ? UUID.randomUUID().toString() : uid;
        Map<String, Object> values = values(entry);
        values.put("patient_id", patientId);
        values.put("item_uid", itemUid);
        values.put("recorded_at", SqlTime.format(now));
        String columns = String.join(", ", values.keySet());
        String params = String.join(", ", values.keySet().stream().map(c -> ":" + c).toList());
        Update update = h.createUpdate("INSERT INTO " + entry.kind().plural() + " (" + columns + ") VALUES (" + params + ")");
        values.forEach(update::bind);
        long id = update.executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return new HistoryItem(id, patientId, now, entry, itemUid);
    }

    private static HistoryItem replace(Handle h, long patientId, long itemId, HistoryEntry entry, Instant now) {
        Optional<Long> holder = entry.sourceId() == null ? Optional.empty()
                : findBySource(h, patientId, entry.kind(), entry.sourceId());
        if (holder.isPresent() && holder.get() != itemId) {
            throw new InvalidValueException("sourceId", "patient " + patientId + " already has another item with source id "
                    + entry.sourceId());
        }
        Map<String, Object> values = values(entry);
        values.put("recorded_at", SqlTime.format(now));
        List<String> sets = new ArrayList<>();
        values.keySet().forEach(c -> sets.add(c + " = :" + c));
        Update update = h.createUpdate("UPDATE " + entry.kind().plural() + " SET " + String.join(", ", sets)
                + " WHERE patient_id = :pid AND id = :iid");
        values.forEach(update::bind);
        int n = update.bind("pid", patientId).bind("iid", itemId).execute();
        if (n == 0) {
            throw new HistoryItemNotFoundException(entry.kind(), patientId, itemId);
        }
        String uid = h.createQuery("SELECT item_uid FROM " + entry.kind().plural() + " WHERE id = :iid")
                .bind("iid", itemId).mapTo(String.class).one();
        return new HistoryItem(itemId, patientId, now, entry, uid);
    }

    /** Column values of an entry, in table order; coding and source id first. */
    private static Map<String, Object> values(HistoryEntry entry) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("source_id", entry.sourceId());
        v.put("code_system", entry.coding().system());
        v.put("code", entry.coding().code());
        v.put("display", entry.coding().display());
        // Java 17: no pattern switch; the sealed interface keeps this list complete.
        if (entry instanceof ConditionEntry c) {
            v.put("status", c.status().code());
            v.put("onset_date", SqlTime.format(c.onsetDate()));
            v.put("abatement_date", SqlTime.format(c.abatementDate()));
        } else if (entry instanceof MedicationEntry m) {
            v.put("status", m.status().code());
            v.put("start_date", SqlTime.format(m.startDate()));
            v.put("end_date", SqlTime.format(m.endDate()));
            v.put("dosage", m.dosage());
        } else if (entry instanceof AllergyEntry a) {
            v.put("reaction", a.reaction());
            v.put("criticality", a.criticality() == null ? null : a.criticality().code());
            v.put("recorded_date", SqlTime.format(a.recordedDate()));
        } else if (entry instanceof ImmunizationEntry i) {
            v.put("date", SqlTime.format(i.date()));
            v.put("status", i.status().code());
        } else if (entry instanceof ProcedureEntry p) {
            v.put("category", p.category().code());
            v.put("date", SqlTime.format(p.date()));
        } else if (entry instanceof ObservationEntry o) {
            v.put("value_number", o.valueNumber());
            v.put("value_text", o.valueText());
            v.put("unit", o.unit());
            v.put("date", SqlTime.format(o.date()));
        } else {
            throw new IllegalStateException("unhandled history entry type " + entry.getClass());
        }
        return v;
    }

    private static HistoryItem map(HistoryKind kind, ResultSet rs) throws SQLException {
        Coding coding = new Coding(rs.getString("code_system"), rs.getString("code"), rs.getString("display"));
        String sourceId = rs.getString("source_id");
        HistoryEntry entry = switch (kind) {
            case CONDITION -> new ConditionEntry(coding, ConditionStatus.fromCode(rs.getString("status")),
                    SqlTime.parseDate(rs.getString("onset_date")), SqlTime.parseDate(rs.getString("abatement_date")),
                    sourceId);
            case MEDICATION -> new MedicationEntry(coding, MedicationStatus.fromCode(rs.getString("status")),
                    SqlTime.parseDate(rs.getString("start_date")), SqlTime.parseDate(rs.getString("end_date")),
                    rs.getString("dosage"), sourceId);
            case ALLERGY -> {
                String criticality = rs.getString("criticality");
                yield new AllergyEntry(coding, rs.getString("reaction"),
                        criticality == null ? null : Criticality.fromCode(criticality),
                        SqlTime.parseDate(rs.getString("recorded_date")), sourceId);
            }
            case IMMUNIZATION -> new ImmunizationEntry(coding, SqlTime.parseDate(rs.getString("date")), sourceId,
                    ImmunizationStatus.fromCode(rs.getString("status")));
            case PROCEDURE -> new ProcedureEntry(coding, ProcedureCategory.fromCode(rs.getString("category")),
                    SqlTime.parseDate(rs.getString("date")), sourceId);
            case OBSERVATION -> {
                double number = rs.getDouble("value_number");
                Double value = rs.wasNull() ? null : number;
                yield new ObservationEntry(coding, value, rs.getString("value_text"), rs.getString("unit"),
                        SqlTime.parseDate(rs.getString("date")), sourceId);
            }
        };
        return new HistoryItem(rs.getLong("id"), rs.getLong("patient_id"),
                SqlTime.parseInstant(rs.getString("recorded_at")), entry, rs.getString("item_uid"));
    }
}
