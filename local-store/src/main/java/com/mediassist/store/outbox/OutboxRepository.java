package com.mediassist.store.outbox;

import com.mediassist.store.HandleSource;
import com.mediassist.store.InvalidValueException;
import com.mediassist.store.sql.Fields;
import com.mediassist.store.sql.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The outbox: events enqueued in the same transaction as the change they describe, uploaded later
 * by the sync agent. Eligibility is judged against the injected clock.
 */
public final class OutboxRepository {

    /** Largest batch {@link #listEligible} returns. */
    public static final int MAX_BATCH = 1000;

    private final HandleSource source;
    private final Clock clock;

    public OutboxRepository(HandleSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /**
     * Enqueues an event that becomes eligible for upload after {@code delay}.
     *
     * @param eventType 1..100 characters
     * @param payloadJson a well-formed JSON document
     * @param delay zero or more
     * @throws InvalidValueException naming {@code eventType}, {@code payloadJson} or {@code delay}
     */
    public OutboxEvent enqueue(String eventType, String payloadJson, Duration delay) {
        String type = Fields.required("eventType", eventType, 100);
        String payload = Fields.json("payloadJson", payloadJson);
        if (delay == null || delay.isNegative()) {
            throw new InvalidValueException("delay", "must be zero or more, got " + delay);
        }
        Instant now = SqlTime.now(clock);
        Instant eligible = now.plus(delay);
        return source.inTransaction(h -> {
            long id = h.createUpdate("INSERT INTO outbox (event_type, payload_json, created_at, eligible_for_upload_at) "
                            + "VALUES (:t, :p, :c, :e)")
                    .bind("t", type).bind("p", payload).bind("c", SqlTime.format(now)).bind("e", SqlTime.format(eligible))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return new OutboxEvent(id, type, payload, now, eligible, Optional.empty());
        });
    }

    /**
     * Events not yet uploaded whose eligibility time has come, oldest first.
     *
     * @param limit 1..{@value #MAX_BATCH}
     */
    public List<OutboxEvent> listEligible(int limit) {
        if (limit < 1 || limit > MAX_BATCH) {
            throw new InvalidValueException("limit", "must be between 1 and " + MAX_BATCH + ", got " + limit);
        }
        String now = SqlTime.format(SqlTime.now(clock));
        return source.withHandle(h -> h.createQuery("SELECT * FROM outbox WHERE uploaded_at IS NULL "
                        + "AND eligible_for_upload_at <= :now ORDER BY id LIMIT :limit")
                .bind("now", now).bind("limit", limit).map(OutboxRepository::map).list());
    }

    /** How many events wait for upload, eligible or not. */
    public long pendingCount() {
        return source.withHandle(h -> h.createQuery("SELECT count(*) FROM outbox WHERE uploaded_at IS NULL")
                .mapTo(Long.class).one());
    }

    /**
     * Marks an event uploaded now; idempotent (an event already marked keeps its first time).
     *
     * @throws OutboxEventNotFoundException when there is none
     */
    public OutboxEvent markUploaded(long id) {
        String now = SqlTime.format(SqlTime.now(clock));
        return source.inTransaction(h -> {
            h.createUpdate("UPDATE outbox SET uploaded_at = :now WHERE id = :id AND uploaded_at IS NULL")
                    .bind("now", now).bind("id", id).execute();
            return h.createQuery("SELECT * FROM outbox WHERE id = :id").bind("id", id).map(OutboxRepository::map)
                    .findOne().orElseThrow(() -> new OutboxEventNotFoundException(id));
        });
    }

    /**
     * One event.
     *
     * @throws OutboxEventNotFoundException when there is none
     */
    public OutboxEvent get(long id) {
        return source.withHandle(h -> h.createQuery("SELECT * FROM outbox WHERE id = :id").bind("id", id)
                .map(OutboxRepository::map).findOne()).orElseThrow(() -> new OutboxEventNotFoundException(id));
    }

    private static OutboxEvent map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new OutboxEvent(rs.getLong("id"), rs.getString("event_type"), rs.getString("payload_json"),
                SqlTime.parseInstant(rs.getString("created_at")),
                SqlTime.parseInstant(rs.getString("eligible_for_upload_at")),
                Optional.ofNullable(SqlTime.parseInstant(rs.getString("uploaded_at"))));
    }
}
