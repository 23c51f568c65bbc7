package com.mediassist.appliance.consult.workspace;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * One action of the doctor on an open consultation, sent as JSON with its {@code type}. Each one is
 * idempotent, so that a client may send again the commands of a request that did not arrive.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Command.AddEvidence.class, name = "add-evidence"),
        @JsonSubTypes.Type(value = Command.AnswerQuestion.class, name = "answer-question"),
        @JsonSubTypes.Type(value = Command.RemoveEvidence.class, name = "remove-evidence"),
        @JsonSubTypes.Type(value = Command.SetNote.class, name = "set-note"),
        @JsonSubTypes.Type(value = Command.RemoveFinding.class, name = "remove-finding"),
        @JsonSubTypes.Type(value = Command.ConfirmFinding.class, name = "confirm-finding"),
        @JsonSubTypes.Type(value = Command.Prescribe.class, name = "prescribe"),
        @JsonSubTypes.Type(value = Command.React.class, name = "react"),
        @JsonSubTypes.Type(value = Command.ChooseDiagnosis.class, name = "choose-diagnosis"),
})
public sealed interface Command {

    /**
     * Records an evidence picked by the doctor, present or absent. A present detail (pain location,
     * intensity...) also records its parent question as present.
     *
     * @param code    DDXPlus evidence code ({@code E_91})
     * @param value   the value code for categorical and multi-choice evidences ({@code V_161}, {@code 7}), else null
     * @param present false when the doctor recorded it as absent (then the value is ignored)
     */
    record AddEvidence(String code, String value, boolean present) implements Command {
    }

    /** An answer to one of the view's next questions: recorded like {@link AddEvidence}, and as the question accepted. */
    record AnswerQuestion(String code, String value, boolean present) implements Command {
    }

    /** Removes a recorded evidence (one value of a multi-choice one when {@code value} is given). */
    record RemoveEvidence(String code, String value) implements Command {
    }

    /** The note as typed (replaces the stored one). */
    record SetNote(String text) implements Command {
    }

    /** A finding read from the note that the doctor removes; {@code key} is the view's {@code NoteFinding.key}. */
    record RemoveFinding(String key) implements Command {
    }

    /** A finding read from the note that the doctor confirms. */
    record ConfirmFinding(String key) implements Command {
    }

    /** The medicines as typed, replacing the list (checked in the view; saved with override reasons by {@code PUT .../prescriptions}). */
    record Prescribe(List<String> medications) implements Command {
    }

    /**
     * The doctor accepts or dismisses a suggestion.
     *
     * @param kind   {@code diagnosis}, {@code test}, {@code question} or {@code alert}
     * @param item   the suggestion's code
     * @param action {@code accepted} or {@code dismissed}
     */
    record React(String kind, String item, String action) implements Command {
    }

    /** The final diagnosis the doctor chose: a pathology code from the differential, or a name with a null code. */
    record ChooseDiagnosis(String code, String name) implements Command {
    }
}
