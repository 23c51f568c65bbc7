package com.mediassist.store.audit;

import com.mediassist.store.HandleSource;
import com.mediassist.store.InvalidValueException;
import com.mediassist.store.sql.Fields;
import com.mediassist.store.sql.SqlTime;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The append-only, hash-chained audit log.
 *
 * <p>Each row stores {@code prev_hash}, the previous row's hash, and {@code hash} = SHA-256 over the
 * row's canonical content (id, time, actor, action, patient, detail, each length-prefixed, then
 * {@code prev_hash}). Triggers refuse UPDATE and DELETE; {@link #verify()} still detects a row
 * edited or deleted by someone who dropped them: an edit changes the hash, a deletion leaves a gap
 * in the ids or a link that no longer matches, and deleting the newest rows leaves SQLite's
 * AUTOINCREMENT counter ahead of the last id.
 *
 * <p>Append within the same transaction as the write it records ({@code database.inTransaction}),
 * so that the audit row and the change commit together.
 */
public final class AuditRepository {

    /** {@code prev_hash} of the first row. */
    public static final String GENESIS = "0".repeat(64);
    /** Largest page {@link #list} returns. */
    public static final int MAX_LIMIT = 1000;

    private static final String COLUMNS = "id, at, actor, action, patient_id, detail, prev_hash, hash";

    private final HandleSource source;
    private final Clock clock;

    public AuditRepository(HandleSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /**
     * Appends a row.
     *
     * @param actor who (1..200 characters)
     * @param action what, e.g. {@code patient.read} (1..100 characters)
     * @param patientId whose data, or {@code null}
     * @param detail anything else, may be {@code null} (at most 4000 characters)
     * @return the row as stored, with its hash
     * @throws InvalidValueException naming {@code actor}, {@code action} or {@code detail}
     */
    public AuditEntry append(String actor, String action, Long patientId, String detail) {
        String who = Fields.required("actor", actor, 200);
        String what = Fields.required("action", action, 100);
        String text = Optional.ofNullable(Fields.optional("detail", detail, 4000)).orElse("");
        Instant now = SqlTime.now(clock);
        return source.inTransaction(h -> {
            // The write transaction is BEGIN IMMEDIATE, so no other writer can append between this
            // read of the head and the insert below.
            Optional<AuditEntry> head = h.createQuery("SELECT " + COLUMNS + " FROM audit_log ORDER BY id DESC LIMIT 1")
                    .map(AuditRepository::map).findOne();
            long id = nextId(h);
            String prev = head.map(AuditEntry::hash).orElse(GENESIS);
            String hash = hash(id, SqlTime.format(now), who, what, patientId, text, prev);
            h.createUpdate("INSERT INTO audit_log (id, at, actor, action, patient_id, detail, prev_hash, hash) "
                            + "VALUES (:id, :at, :actor, :action, :patient, :detail, :prev, :hash)")
                    .bind("id", id).bind("at", SqlTime.format(now)).bind("actor", who).bind("action", what)
                    .bind("patient", patientId).bind("detail", text).bind("prev", prev).bind("hash", hash)
                    .execute();
            return new AuditEntry(id, now, who, what, Optional.ofNullable(patientId), text, prev, hash);
        });
    }

    /**
     * Rows newest first.
     *
     * @param patientId only rows about this patient, or {@code null} for all
     * @param beforeId only rows with a smaller id (for paging back), or {@code null}
     * @param limit 1..{@value #MAX_LIMIT}
     * @throws InvalidValueException naming {@code limit}
     */
    public List<AuditEntry> list(Long patientId, Long beforeId, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_log WHERE 1 = 1");
        if (patientId != null) {
            sql.append(" AND patient_id = :patient");
        }
        if (beforeId != null) {
            sql.append(" AND id < :before");
        }
        sql.append(" ORDER BY id DESC LIMIT :limit");
        return source.withHandle(h -> {
            Query q = h.createQuery(sql.toString()).bind("limit", limit);
            if (patientId != null) {
                q.bind("patient", patientId);
            }
            if (beforeId != null) {
                q.bind("before", beforeId);
            }
            return q.map(AuditRepository::map).list();
        });
    }

    /** How many rows the log holds. */
    public long count() {
        return source.withHandle(h -> h.createQuery("SELECT count(*) FROM audit_log").mapTo(Long.class).one());
    }

    /**
     * Checks the whole chain, oldest row first, streaming (constant memory).
     *
     * @return the number of rows and the head hash when the chain holds
     * @throws AuditChainBrokenException at the first row where it does not
     */
    public AuditVerification verify() {
        return source.withHandle(h -> {
            long expectedId = 1;
            String prev = GENESIS;
            // Raw text columns: an edited time that no longer parses must count as tampering, not crash.
            try (Stream<RawRow> rows = h.createQuery("SELECT " + COLUMNS + " FROM audit_log ORDER BY id")
                    .map(AuditRepository::raw).stream()) {
                Iterator<RawRow> it = rows.iterator();
                while (it.hasNext()) {
                    RawRow row = it.next();
                    if (row.id() != expectedId) {
                        throw new AuditChainBrokenException(expectedId, row.id() > expectedId
                                ? "rows " + expectedId + ".." + (row.id() - 1) + " are missing (deleted)"
                                : "row id " + row.id() + " is out of sequence");
                    }
                    if (!prev.equals(row.prevHash())) {
                        throw new AuditChainBrokenException(row.id(),
                                "prev_hash does not match the hash of row " + (row.id() - 1)
                                        + " (that row or this link was altered)");
                    }
                    String recomputed = hash(row.id(), row.at(), row.actor(), row.action(), row.patientId(),
                            row.detail(), row.prevHash());
                    if (!recomputed.equals(row.hash())) {
                        throw new AuditChainBrokenException(row.id(), "content does not match its hash (row edited)");
                    }
                    prev = row.hash();
                    expectedId++;
                }
            }
            long counter = sequence(h);
            if (counter >= expectedId) {
                throw new AuditChainBrokenException(expectedId, "rows " + expectedId + ".." + counter
                        + " were written and are missing (newest rows deleted)");
            }
            return new AuditVerification(expectedId - 1, prev);
        });
    }

    private static long nextId(Handle h) {
        long maxId = h.createQuery("SELECT coalesce(max(id), 0) FROM audit_log").mapTo(Long.class).one();
        return Math.max(maxId, sequence(h)) + 1;
    }

    /** SQLite's AUTOINCREMENT high-water mark for audit_log (0 before the first row). */
    private static long sequence(Handle h) {
        return h.createQuery("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").mapTo(Long.class)
                .findOne().orElse(0L);
    }

    /** SHA-256 over the canonical, length-prefixed content of a row. */
    static String hash(long id, String at, String actor, String action, Long patientId, String detail,
            String prevHash) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
        for (String field : new String[] {Long.toString(id), at, actor, action,
                patientId == null ? "" : patientId.toString(), detail, prevHash}) {
            field = field == null ? "\u0000null" : field;
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            digest.update(bytes);
            digest.update((byte) ';');
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static RawRow raw(ResultSet rs, StatementContext ctx) throws SQLException {
        Object patient = rs.getObject("patient_id");
        Long patientId = patient == null ? null
                : patient instanceof Number n ? Long.valueOf(n.longValue()) : Long.valueOf(Long.MIN_VALUE);
        return new RawRow(rs.getLong("id"), rs.getString("at"), rs.getString("actor"), rs.getString("action"),
                patientId, rs.getString("detail"), rs.getString("prev_hash"), rs.getString("hash"));
    }

    /** A row exactly as stored, for verification. */
    private record RawRow(long id, String at, String actor, String action, Long patientId, String detail,
            String prevHash, String hash) {
    }

    private static AuditEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
        long patient = rs.getLong("patient_id");
        Optional<Long> patientId = rs.wasNull() ? Optional.empty() : Optional.of(patient);
        return new AuditEntry(rs.getLong("id"), SqlTime.parseInstant(rs.getString("at")), rs.getString("actor"),
                rs.getString("action"), patientId, rs.getString("detail"), rs.getString("prev_hash"),
                rs.getString("hash"));
    }
}
