package com.mediassist.store.feedback;

import com.mediassist.store.HandleSource;
import com.mediassist.store.consultations.ConsultationNotFoundException;
import com.mediassist.store.sql.Fields;
import com.mediassist.store.sql.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/** Suggestions shown and the doctor's feedback on them. */
public final class FeedbackRepository {

    private final HandleSource source;
    private final Clock clock;

    public FeedbackRepository(HandleSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /**
     * Records that a suggestion was shown now.
     *
     * @throws ConsultationNotFoundException when the consultation does not exist
     * @throws com.mediassist.store.InvalidValueException naming {@code itemCode}, {@code bundleId} or
     *     {@code bundleVersion} when blank
     */
    public Suggestion recordShown(long consultationId, SuggestionKind kind, String itemCode, String bundleId,
            String bundleVersion) {
        if (kind == null) {
            throw new com.mediassist.store.InvalidValueException("kind", "is required");
        }
        String item = Fields.required("itemCode", itemCode, 200);
        String bundle = Fields.required("bundleId", bundleId, 200);
        String version = Fields.required("bundleVersion", bundleVersion, 100);
        Instant now = SqlTime.now(clock);
        return source.inTransaction(h -> {
            boolean exists = h.createQuery("SELECT count(*) FROM consultations WHERE id = :id").bind("id", consultationId)
                    .mapTo(Long.class).one() > 0;
            if (!exists) {
                throw new ConsultationNotFoundException(consultationId);
            }
            long id = h.createUpdate("INSERT INTO suggestions (consultation_id, kind, item_code, shown_at, bundle_id, "
                            + "bundle_version) VALUES (:c, :k, :i, :s, :b, :v)")
                    .bind("c", consultationId).bind("k", kind.code()).bind("i", item).bind("s", SqlTime.format(now))
                    .bind("b", bundle).bind("v", version)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return new Suggestion(id, consultationId, kind, item, now, bundle, version);
        });
    }

    /**
     * Records the doctor's action on a suggestion now. Several actions may be recorded over time; the
     * latest counts.
     *
     * @throws SuggestionNotFoundException when the suggestion does not exist
     * @throws com.mediassist.store.InvalidValueException naming {@code reason} (an override needs one),
     *     {@code action} or {@code actor}
     */
    public Feedback recordAction(long suggestionId, FeedbackAction action, String reason, String actor) {
        if (action == null) {
            throw new com.mediassist.store.InvalidValueException("action", "is required");
        }
        String why = Fields.optional("reason", reason, 2000);
        if (action == FeedbackAction.OVERRIDDEN && why == null) {
            throw new com.mediassist.store.InvalidValueException("reason", "is required when overriding a suggestion");
        }
        String who = Fields.required("actor", actor, 200);
        Instant now = SqlTime.now(clock);
        return source.inTransaction(h -> {
            boolean exists = h.createQuery("SELECT count(*) FROM suggestions WHERE id = :id").bind("id", suggestionId)
                    .mapTo(Long.class).one() > 0;
            if (!exists) {
                throw new SuggestionNotFoundException(suggestionId);
            }
            long id = h.createUpdate("INSERT INTO feedback (suggestion_id, action, reason, actor, at) "
                            + "VALUES (:s, :a, :r, :w, :t)")
                    .bind("s", suggestionId).bind("a", action.code()).bind("r", why).bind("w", who)
                    .bind("t", SqlTime.format(now))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return new Feedback(id, suggestionId, action, Optional.ofNullable(why), who, now);
        });
    }

    /** The suggestions shown in a consultation, in the order shown. */
    public List<Suggestion> suggestions(long consultationId) {
        return source.withHandle(h -> h.createQuery("SELECT * FROM suggestions WHERE consultation_id = :c ORDER BY id")
                .bind("c", consultationId).map(FeedbackRepository::suggestion).list());
    }

    /** The feedback given in a consultation, oldest first. */
    public List<Feedback> feedback(long consultationId) {
        return source.withHandle(h -> h.createQuery("SELECT f.* FROM feedback f JOIN suggestions s ON s.id = f.suggestion_id "
                        + "WHERE s.consultation_id = :c ORDER BY f.id")
                .bind("c", consultationId).map(FeedbackRepository::feedbackRow).list());
    }

    private static Suggestion suggestion(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Suggestion(rs.getLong("id"), rs.getLong("consultation_id"), SuggestionKind.fromCode(rs.getString("kind")),
                rs.getString("item_code"), SqlTime.parseInstant(rs.getString("shown_at")), rs.getString("bundle_id"),
                rs.getString("bundle_version"));
    }

    private static Feedback feedbackRow(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Feedback(rs.getLong("id"), rs.getLong("suggestion_id"), FeedbackAction.fromCode(rs.getString("action")),
                Optional.ofNullable(rs.getString("reason")), rs.getString("actor"),
                SqlTime.parseInstant(rs.getString("at")));
    }
}
