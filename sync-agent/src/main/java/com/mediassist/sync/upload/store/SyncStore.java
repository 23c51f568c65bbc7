package com.mediassist.sync.upload.store;

import com.mediassist.store.Database;
import com.mediassist.store.audit.AuditRepository;
import com.mediassist.store.sql.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Reads and writes the outbox's delivery state and the {@code sync_batches} table. Only protocol
 * event types are considered; older free-form outbox rows are never uploaded.
 */
public final class SyncStore {

    /** Counter of events dropped over the disk budget. */
    public static final String DROPPED = "dropped";
    /** Counter of events that waited longer than the hold for their k-anonymity group. */
    public static final String EXPIRED = "expired";
    private static final String TYPES = "('consultation-signed-off', 'suggestion-feedback', 'medication-alert-outcome', 'latency')";
    private static final String WAITING = "uploaded_at IS NULL AND batch_id IS NULL AND expired_at IS NULL AND event_type IN " + TYPES;
    /** Non-clinical: latencies and anything merely shown. */
    private static final String NON_CLINICAL = "(event_type = 'latency' OR json_extract(payload_json, '$.event.action') = 'shown' "
            + "OR json_extract(payload_json, '$.event.outcome') = 'shown')";
    private static final int MAX_ERROR = 500;

    private final Database db;

    public SyncStore(Database db) {
        this.db = db;
    }

    /** Events waiting for a batch, oldest first. */
    public List<PendingEvent> pending() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT id, payload_json, created_at FROM outbox WHERE " + WAITING
                + " ORDER BY id").map((rs, ctx) -> new PendingEvent(rs.getLong("id"), rs.getString("payload_json"),
                SqlTime.parseInstant(rs.getString("created_at")))).list());
    }

    /** The head hash of the audit chain, {@link AuditRepository#GENESIS} when it is empty. */
    public String auditHead() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1")
                .mapTo(String.class).findOne()).orElse(AuditRepository.GENESIS);
    }

    /**
     * Stores a prepared batch and ties its events to it, in one transaction.
     *
     * @return the stored batch
     */
    public StoredBatch insertBatch(String batchUuid, String contentAddress, String envelopeJson, List<Long> outboxIds,
            Instant now) {
        return db.inTransaction(tx -> {
            var h = tx.handle();
            long id = h.createUpdate("INSERT INTO sync_batches (batch_uuid, content_address, envelope_json, event_count, "
                            + "prepared_at) VALUES (:u, :a, :e, :n, :p)")
                    .bind("u", batchUuid).bind("a", contentAddress).bind("e", envelopeJson).bind("n", outboxIds.size())
                    .bind("p", SqlTime.format(now)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            var batch = h.prepareBatch("UPDATE outbox SET batch_id = :b WHERE id = :id AND batch_id IS NULL");
            for (long outboxId : outboxIds) {
                batch.bind("b", id).bind("id", outboxId).add();
            }
            batch.execute();
            return new StoredBatch(id, contentAddress, envelopeJson, outboxIds.size(), now, 0, Optional.empty(),
                    Optional.empty(), Optional.empty());
        });
    }

    /** Marks events expired (held past the limit) and counts them. */
    public void expire(List<Long> outboxIds, Instant now) {
        if (outboxIds.isEmpty()) {
            return;
        }
        db.useTransaction(tx -> {
            var batch = tx.handle().prepareBatch("UPDATE outbox SET expired_at = :t WHERE id = :id AND expired_at IS NULL");
            for (long id : outboxIds) {
                batch.bind("t", SqlTime.format(now)).bind("id", id).add();
            }
            batch.execute();
            add(tx.handle(), EXPIRED, outboxIds.size());
        });
    }

    /** Batches not yet accepted by the vendor, oldest first. */
    public List<StoredBatch> openBatches() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM sync_batches WHERE accepted_at IS NULL ORDER BY id")
                .map(SyncStore::batch).list());
    }

    /** The batch the vendor accepted last. */
    public Optional<StoredBatch> lastAccepted() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM sync_batches WHERE accepted_at IS NOT NULL "
                + "ORDER BY accepted_at DESC, id DESC LIMIT 1").map(SyncStore::batch).findOne());
    }

    /** Records a failed attempt on the batch and on each of its events. */
    public void recordFailure(long batchId, String error, Instant now, Instant nextAttempt) {
        String e = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        db.useTransaction(tx -> {
            tx.handle().createUpdate("UPDATE sync_batches SET attempts = attempts + 1, last_error = :e, last_attempt_at = :t, "
                            + "next_attempt_at = :n WHERE id = :id")
                    .bind("e", e).bind("t", SqlTime.format(now)).bind("n", SqlTime.format(nextAttempt)).bind("id", batchId)
                    .execute();
            tx.handle().createUpdate("UPDATE outbox SET attempts = attempts + 1, last_error = :e WHERE batch_id = :id")
                    .bind("e", e).bind("id", batchId).execute();
        });
    }

    /** Records the vendor's acceptance: the batch and its events are uploaded. */
    public void recordAccepted(long batchId, Instant now) {
        db.useTransaction(tx -> {
            tx.handle().createUpdate("UPDATE sync_batches SET attempts = attempts + 1, last_attempt_at = :t, accepted_at = :t, "
                    + "next_attempt_at = NULL WHERE id = :id").bind("t", SqlTime.format(now)).bind("id", batchId).execute();
            tx.handle().createUpdate("UPDATE outbox SET attempts = attempts + 1, uploaded_at = :t WHERE batch_id = :id "
                    + "AND uploaded_at IS NULL").bind("t", SqlTime.format(now)).bind("id", batchId).execute();
        });
    }

    /** Bytes of the events waiting (stored payloads plus open batches' envelopes). */
    public long queueBytes() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT coalesce((SELECT sum(length(payload_json)) FROM outbox WHERE "
                + WAITING + "), 0) + coalesce((SELECT sum(length(envelope_json)) FROM sync_batches WHERE accepted_at IS NULL), 0)")
                .mapTo(Long.class).one());
    }

    /**
     * Deletes the oldest waiting non-clinical events until the queue fits {@code budgetBytes}
     * (clinical events are never deleted) and counts them.
     *
     * @return how many were dropped
     */
    public int dropNonClinicalOver(long budgetBytes) {
        return db.inTransaction(tx -> {
            var h = tx.handle();
            long bytes = queueBytes(h);
            if (bytes <= budgetBytes) {
                return 0;
            }
            List<long[]> candidates = h.createQuery("SELECT id, length(payload_json) AS n FROM outbox WHERE " + WAITING
                    + " AND " + NON_CLINICAL + " ORDER BY id").map((rs, ctx) -> new long[] {rs.getLong("id"), rs.getLong("n")})
                    .list();
            int dropped = 0;
            var delete = h.prepareBatch("DELETE FROM outbox WHERE id = :id");
            for (long[] c : candidates) {
                if (bytes <= budgetBytes) {
                    break;
                }
                delete.bind("id", c[0]).add();
                bytes -= c[1];
                dropped++;
            }
            if (dropped > 0) {
                delete.execute();
                add(h, DROPPED, dropped);
            }
            return dropped;
        });
    }

    private static long queueBytes(org.jdbi.v3.core.Handle h) {
        return h.createQuery("SELECT coalesce(sum(length(payload_json)), 0) FROM outbox WHERE " + WAITING)
                .mapTo(Long.class).one();
    }

    /** A counter's value, 0 when never counted. */
    public long counter(String name) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT value FROM sync_counters WHERE name = :n").bind("n", name)
                .mapTo(Long.class).findOne()).orElse(0L);
    }

    /** Events of protocol types the vendor accepted. */
    public long sentCount() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM outbox WHERE uploaded_at IS NOT NULL "
                + "AND event_type IN " + TYPES).mapTo(Long.class).one());
    }

    /** Events inside batches the vendor has not accepted yet. */
    public long inFlightCount() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM outbox WHERE uploaded_at IS NULL "
                + "AND batch_id IS NOT NULL").mapTo(Long.class).one());
    }

    private static void add(org.jdbi.v3.core.Handle h, String name, long n) {
        h.createUpdate("INSERT INTO sync_counters (name, value) VALUES (:n, :v) "
                + "ON CONFLICT (name) DO UPDATE SET value = value + :v").bind("n", name).bind("v", n).execute();
    }

    private static StoredBatch batch(ResultSet rs, StatementContext ctx) throws SQLException {
        return new StoredBatch(rs.getLong("id"), rs.getString("content_address"), rs.getString("envelope_json"),
                rs.getInt("event_count"), SqlTime.parseInstant(rs.getString("prepared_at")), rs.getInt("attempts"),
                Optional.ofNullable(rs.getString("last_error")),
                Optional.ofNullable(SqlTime.parseInstant(rs.getString("next_attempt_at"))),
                Optional.ofNullable(SqlTime.parseInstant(rs.getString("accepted_at"))));
    }
}
