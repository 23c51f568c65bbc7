package com.mediassist.sync.upload.event;

import com.mediassist.sync.upload.InvalidEventException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One candidate of the differential the engine answered with.
 *
 * @param rank         1-based position in the differential
 * @param pathology    the bundle's label code
 * @param scoreBand    the probability band
 * @param modelVersion the bundle version of the engine that answered
 */
public record ShownSuggestion(int rank, String pathology, ScoreBand scoreBand, String modelVersion) {

    public ShownSuggestion {
        if (rank < 1 || rank > 100) {
            throw new InvalidEventException("suggestions.rank", "1..100", String.valueOf(rank));
        }
        Codes.require("suggestions.pathology", Codes.PATHOLOGY, "a pathology label code", pathology);
        if (scoreBand == null) {
            throw new InvalidEventException("suggestions.scoreBand", "a score band", "nothing");
        }
        Codes.version("suggestions.modelVersion", modelVersion);
    }

    Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rank", rank);
        m.put("pathology", pathology);
        m.put("scoreBand", scoreBand.code());
        m.put("modelVersion", modelVersion);
        return m;
    }

    static ShownSuggestion read(StrictFields f) {
        ShownSuggestion s = new ShownSuggestion((int) f.integer("rank"), f.string("pathology"),
                Coded.parse(ScoreBand.class, "scoreBand", f.string("scoreBand")), f.string("modelVersion"));
        f.requireNoOthers();
        return s;
    }
}
