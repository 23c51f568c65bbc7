package com.mediassist.store.feedback;

import java.time.Instant;
import java.util.Optional;

/**
 * What the doctor did with a suggestion.
 *
 * @param id database id
 * @param suggestionId the suggestion acted on
 * @param action accepted, dismissed or overridden
 * @param reason why, in the doctor's words, when given
 * @param actor the doctor's username
 * @param at when
 */
public record Feedback(long id, long suggestionId, FeedbackAction action, Optional<String> reason, String actor,
        Instant at) {
}
