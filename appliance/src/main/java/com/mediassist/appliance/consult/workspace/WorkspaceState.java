package com.mediassist.appliance.consult.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The doctor's part of a consultation as stored in its evidences document: recorded evidences, the
 * note findings removed or confirmed, the final diagnosis chosen. Read tolerantly (older documents
 * carried the browser's own objects); written with these fields only.
 */
final class WorkspaceState {

    /** One recorded evidence. */
    record Recorded(String code, String value, boolean present, String source) {
    }

    final List<Recorded> recorded = new ArrayList<>();
    final Set<String> removedFindings = new LinkedHashSet<>();
    final Set<String> confirmedFindings = new LinkedHashSet<>();
    WorkspaceView.Choice chosen;

    static WorkspaceState read(ObjectNode doc) {
        WorkspaceState s = new WorkspaceState();
        for (JsonNode e : doc.path("recorded")) {
            String code = text(e.get("code"));
            if (code == null) {
                continue;
            }
            boolean present = !e.has("present") || e.get("present").asBoolean(true);
            s.recorded.add(new Recorded(code, present ? text(e.get("value")) : null, present,
                    "question".equals(text(e.get("source"))) ? "question" : "picker"));
        }
        doc.path("removedFindings").forEach(n -> s.removedFindings.add(n.asText()));
        doc.path("confirmedFindings").forEach(n -> s.confirmedFindings.add(n.asText()));
        JsonNode chosen = doc.path("chosen");
        if (chosen.isObject()) {
            s.chosen = new WorkspaceView.Choice(text(chosen.get("code")), text(chosen.get("name")));
        }
        return s;
    }

    /** Writes this state into {@code doc} (other fields of the document stay). */
    void writeTo(ObjectNode doc) {
        ArrayNode rec = doc.putArray("recorded");
        for (Recorded r : recorded) {
            ObjectNode o = rec.addObject().put("code", r.code()).put("present", r.present()).put("source", r.source());
            if (r.value() != null) {
                o.put("value", r.value());
            }
        }
        ArrayNode removed = doc.putArray("removedFindings");
        removedFindings.forEach(removed::add);
        ArrayNode confirmed = doc.putArray("confirmedFindings");
        confirmedFindings.forEach(confirmed::add);
        if (chosen == null) {
            doc.remove("chosen");
        } else {
            doc.putObject("chosen").put("code", chosen.code()).put("name", chosen.name());
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.asText().isBlank() ? null : n.asText();
    }
}
