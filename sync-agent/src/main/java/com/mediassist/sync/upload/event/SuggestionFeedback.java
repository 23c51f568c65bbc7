package com.mediassist.sync.upload.event;

import com.mediassist.sync.upload.InvalidEventException;
import java.util.Map;
import java.util.Optional;

/**
 * What the doctor did with one suggestion.
 *
 * @param week         ISO week of the action
 * @param kind         diagnosis, test, question or prevention
 * @param item         a code of the knowledge (pathology, evidence, test), never text
 * @param rank         the suggestion's 1-based position when known
 * @param action       shown, accepted, dismissed or overridden
 * @param modelVersion version of the bundle or knowledge that made the suggestion, as the server ran it
 */
public record SuggestionFeedback(String week, FeedbackKind kind, String item, Optional<Integer> rank,
        FeedbackAction action, String modelVersion) implements UploadEvent {

    public static final String TYPE = "suggestion-feedback";

    public SuggestionFeedback {
        Codes.week(week);
        if (kind == null || action == null || rank == null) {
            throw new InvalidEventException("suggestion-feedback", "kind, action and rank", "nothing");
        }
        switch (kind) {
            case DIAGNOSIS -> Codes.require("item", Codes.PATHOLOGY, "a pathology label code", item);
            case QUESTION -> Codes.require("item", Codes.EVIDENCE, "an evidence code", item);
            case TEST, PREVENTION -> Codes.require("item", Codes.SLUG, "a code of the knowledge", item);
        }
        rank.ifPresent(r -> {
            if (r < 1 || r > 100) {
                throw new InvalidEventException("rank", "1..100", String.valueOf(r));
            }
        });
        Codes.version("modelVersion", modelVersion);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Suggestions merely shown are not part of the clinical record; decisions are. */
    @Override
    public boolean clinical() {
        return action != FeedbackAction.SHOWN;
    }

    @Override
    public void putFields(Map<String, Object> m) {
        m.put("kind", kind.code());
        m.put("item", item);
        rank.ifPresent(r -> m.put("rank", r));
        m.put("action", action.code());
        m.put("modelVersion", modelVersion);
    }

    static SuggestionFeedback read(StrictFields f, String week) {
        return new SuggestionFeedback(week, Coded.parse(FeedbackKind.class, "kind", f.string("kind")), f.string("item"),
                f.optionalLong("rank").map(Long::intValue), Coded.parse(FeedbackAction.class, "action", f.string("action")),
                f.string("modelVersion"));
    }
}
