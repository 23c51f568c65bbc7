package com.mediassist.appliance.consult.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What the server computed for a sign-off (never what the client sent): the evidences the
 * differential was computed from, the model that computed it, the structured note.
 *
 * @param present        present findings in DDXPlus notation
 * @param absent         evidence codes denied
 * @param model          {@code {"bundle", "version"}} of the engine that answered, null when none did
 * @param structuredNote the summary module's reading of the note, null without a note
 */
public record SignOffFacts(List<String> present, List<String> absent, JsonNode model, JsonNode structuredNote) {

    public SignOffFacts {
        present = List.copyOf(present);
        absent = List.copyOf(absent);
    }
}
