package com.mediassist.core.medication;

import java.util.List;
import java.util.Objects;

/**
 * One medication safety alert, written in the language of the request.
 *
 * @param kind       which check produced it
 * @param severity   contraindicated, major, moderate or minor
 * @param interrupt  whether the prescriber should be interrupted: contraindicated and major alerts do,
 *                   pairs on the ONC high-priority list always do, pairs on the ONC non-interruptive
 *                   list never do
 * @param drugs      the ingredients involved, by name
 * @param inputs     the typed medications involved (or "stored" entries of the patient's record)
 * @param message    what the problem is
 * @param mechanism  why it happens
 * @param management what to do instead or how to monitor
 * @param source     where the rule comes from
 * @param ruleId     stable identifier of the rule or list that fired
 * @param replacements the replacements the rule's advice implies (empty when it names none)
 */
public record Alert(AlertKind kind, Severity severity, boolean interrupt, List<String> drugs, List<String> inputs,
                    String message, String mechanism, String management, String source, String ruleId,
                    List<Replacement> replacements) {

    public Alert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        drugs = List.copyOf(drugs);
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(management, "management");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ruleId, "ruleId");
        replacements = replacements == null ? List.of() : List.copyOf(replacements);
    }
}
