package com.mediassist.store.feedback;

import java.time.Instant;

/**
 * A suggestion shown to a doctor during a consultation, with the provenance needed to learn from it.
 *
 * @param id database id
 * @param consultationId the consultation it was shown in
 * @param kind diagnosis, test, alert, question or treatment
 * @param itemCode what was suggested (a pathology code, a test code, an interaction id)
 * @param shownAt when it was shown
 * @param bundleId the model or knowledge bundle that produced it
 * @param bundleVersion that bundle's version
 */
public record Suggestion(long id, long consultationId, SuggestionKind kind, String itemCode, Instant shownAt,
        String bundleId, String bundleVersion) {
}
