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
 * <p>Each row stores {@code prev_hash}, the previous row's hash, and {@code hash} = HMAC-SHA256,
 * under the installation's {@link AuditKey} (a file apart from the database), of the row's canonical
 * content (id, time, actor, action, patient, detail, each length-prefixed, then {@code prev_hash}):
 * whoever can write the database but not read the key cannot recompute the chain after rewriting
 * a row. Rows written before the chain was keyed keep their SHA-256 hash; the MAC'd record in
 * {@code audit_chain} pins where they end. Triggers refuse UPDATE and DELETE; {@link #verify()} still detects a row
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
    private final AuditKey key;

    public AuditRepository(HandleSource source, Clock clock, AuditKey key) {
        this.source = source;
        this.clock = clock;
        this.key = key;
    }

    /**
     * Starts the keyed chain on a database that has no key record yet: on a new installation, or on
     * the first start after an upgrade from the unkeyed chain (the key file was made just now). The
     * record pins the head of the unkeyed rows and is MAC'd, so they stay verifiable and fixed.
     * Without a new key file a missing record is left missing: {@link #verify()} reports it, as
     * deleting it must not let someone re-key a rewritten log. Called by {@code Database.open}.
     */
    public void initialiseChain() {
        boolean newKey = key.createdNow();
        source.inTransaction(h -> {
            if (chain(h).isPresent()) {
                return null;
            }
            boolean empty = h.createQuery("SELECT count(*) FROM audit_log").mapTo(Long.class).one() == 0;
            if (!empty && !newKey) {
                return null;
            }
            long keyedFrom = nextId(h);
            String legacyHead = h.createQuery("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").mapTo(String.class)
                    .findOne().orElse(GENESIS);
            h.createUpdate("INSERT INTO audit_chain (id, keyed_from, legacy_head, mac) VALUES (1, :k, :l, :m)")
                    .bind("k", keyedFrom).bind("l", legacyHead).bind("m", key.mac(chainText(keyedFrom, legacyHead)))
                    .execute();
            return null;
        });
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
            String hash = key.mac(canonical(id, SqlTime.format(now), who, what, patientId, text, prev));
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
        return verifyAfter(null);
    }

    /**
     * Checks the rows written since an earlier verification: that one's last row must be unchanged,
     * and every row after it must chain on. Cheap enough to run every few minutes; a full
     * {@link #verify()} (at start-up) also re-reads the rows before the checkpoint.
     *
     * @param checkpoint an earlier result, or {@code null} for the whole chain
     * @throws AuditChainBrokenException at the first row where the chain does not hold
     */
    public AuditVerification verifyAfter(AuditVerification checkpoint) {
        return source.withHandle(h -> {
            Optional<Chain> chain = chain(h);
            boolean anyRows = h.createQuery("SELECT count(*) FROM audit_log").mapTo(Long.class).one() > 0;
            if (chain.isEmpty()) {
                if (anyRows) {
                    throw new AuditChainBrokenException(1, "the chain's key record (table audit_chain) is missing, "
                            + "so no row can be authenticated");
                }
                return new AuditVerification(0, GENESIS);
            }
            Chain c = chain.get();
            if (!key.mac(chainText(c.keyedFrom(), c.legacyHead())).equals(c.mac())) {
                throw new AuditChainBrokenException(c.keyedFrom(), "the chain's key record does not match this "
                        + "installation's audit key (" + AuditKey.FILE_NAME + "): the record was altered or the key replaced");
            }
            long expectedId = 1;
            String prev = GENESIS;
            if (checkpoint != null && checkpoint.rows() > 0) {
                RawRow last = h.createQuery("SELECT " + COLUMNS + " FROM audit_log WHERE id = :id")
                        .bind("id", checkpoint.rows()).map(AuditRepository::raw).findOne()
                        .orElseThrow(() -> new AuditChainBrokenException(checkpoint.rows(),
                                "the row verified earlier is missing (deleted)"));
                if (!last.hash().equals(checkpoint.headHash()) || !recompute(last, c).equals(last.hash())) {
                    throw new AuditChainBrokenException(last.id(), "the row verified earlier was altered");
                }
                expectedId = last.id() + 1;
                prev = last.hash();
            }
            // Raw text columns: an edited time that no longer parses must count as tampering, not crash.
            try (Stream<RawRow> rows = h.createQuery("SELECT " + COLUMNS + " FROM audit_log WHERE id >= :from ORDER BY id")
                    .bind("from", expectedId).map(AuditRepository::raw).stream()) {
                Iterator<RawRow> it = rows.iterator();
                while (it.hasNext()) {
                    RawRow row = it.next();
                    if (row.id() != expectedId) {
                        throw new AuditChainBrokenException(expectedId, row.id() > expectedId
                                ? "rows " + expectedId + ".." + (row.id() - 1) + " are missing (deleted)"
                                : "row id " + row.id() + " is out of sequence");
                    }
                    if (row.id() == c.keyedFrom()) {
                        checkLegacyHead(c, prev);
                    }
                    if (!prev.equals(row.prevHash())) {
                        throw new AuditChainBrokenException(row.id(),
                                "prev_hash does not match the hash of row " + (row.id() - 1)
                                        + " (that row or this link was altered)");
                    }
                    if (!recompute(row, c).equals(row.hash())) {
                        throw new AuditChainBrokenException(row.id(), "content does not match its "
                                + (row.id() < c.keyedFrom() ? "hash" : "HMAC") + " (row edited)");
                    }
                    prev = row.hash();
                    expectedId++;
                }
            }
            if (expectedId <= c.keyedFrom() && (expectedId > 1 || !c.legacyHead().equals(GENESIS))) {
                if (expectedId < c.keyedFrom()) {
                    throw new AuditChainBrokenException(expectedId, "rows " + expectedId + ".." + (c.keyedFrom() - 1)
                            + " written before the chain was keyed are missing (deleted)");
                }
                checkLegacyHead(c, prev);
            }
            long counter = sequence(h);
            if (counter >= expectedId) {
                throw new AuditChainBrokenException(expectedId, "rows " + expectedId + ".." + counter
                        + " were written and are missing (newest rows deleted)");
            }
            return new AuditVerification(expectedId - 1, prev);
        });
    }

    private static void checkLegacyHead(Chain c, String prev) {
        if (!prev.equals(c.legacyHead())) {
            throw new AuditChainBrokenException(c.keyedFrom() - 1, "the rows written before the chain was keyed "
                    + "no longer end at the head recorded then (one of them was altered)");
        }
    }

    private String recompute(RawRow row, Chain c) {
        byte[] content = canonical(row.id(), row.at(), row.actor(), row.action(), row.patientId(), row.detail(),
                row.prevHash());
        return row.id() < c.keyedFrom() ? sha256(content) : key.mac(content);
    }

    private static Optional<Chain> chain(Handle h) {
        return h.createQuery("SELECT keyed_from, legacy_head, mac FROM audit_chain WHERE id = 1")
                .map((rs, ctx) -> new Chain(rs.getLong("keyed_from"), rs.getString("legacy_head"), rs.getString("mac")))
                .findOne();
    }

    private static String chainText(long keyedFrom, String legacyHead) {
        return "mediassist audit chain v2|keyed-from=" + keyedFrom + "|legacy-head=" + legacyHead;
    }

    /** The key record: rows from {@code keyedFrom} on are HMAC'd; the unkeyed rows end at {@code legacyHead}. */
    private record Chain(long keyedFrom, String legacyHead, String mac) {
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

    /** SHA-256 over the canonical content of a row: the unkeyed chain of rows written before keying. */
    static String hash(long id, String at, String actor, String action, Long patientId, String detail,
            String prevHash) {
        return sha256(canonical(id, at, actor, action, patientId, detail, prevHash));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /** The row's fields, each length-prefixed and terminated, then {@code prev_hash}. */
    private static byte[] canonical(long id, String at, String actor, String action, Long patientId, String detail,
            String prevHash) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (String field : new String[] {Long.toString(id), at, actor, action,
                patientId == null ? "" : patientId.toString(), detail, prevHash}) {
            field = field == null ? "\u0000null" : field;
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(bytes);
            out.write(';');
        }
        return out.toByteArray();
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
