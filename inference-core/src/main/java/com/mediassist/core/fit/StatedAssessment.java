package com.mediassist.core.fit;

import com.mediassist.core.knowledge.PathologyCode;

import java.util.List;

/**
 * The conditions the note's author states as the current impression (an assessment section, "compatible con",
 * "diagnosed with"), read by {@link AssessmentReader}: those from outside the model's 49 (concepts of the uncoded
 * findings' catalogue) and those among them (a pathology name or synonym). Both empty when the note states no
 * assessment, which is neutral for the verdict.
 *
 * @param outside     labels of the outside concepts the assessment names, in text order without repeats
 * @param pathologies the model's pathologies the assessment names, in text order without repeats
 */
public record StatedAssessment(List<String> outside, List<PathologyCode> pathologies) {

    private static final StatedAssessment NONE = new StatedAssessment(List.of(), List.of());

    public StatedAssessment {
        outside = List.copyOf(outside);
        pathologies = List.copyOf(pathologies);
    }

    /** No stated assessment (answer sheets, notes without one, requests that do not carry it). */
    public static StatedAssessment none() {
        return NONE;
    }

    /** The same assessment as if the reader had recognised none of the catalogue's outside concepts. */
    public StatedAssessment withoutOutside() {
        return new StatedAssessment(List.of(), pathologies);
    }

    /** 1 when the assessment names a condition outside the model, else 0. */
    public double outsideSignal() {
        return outside.isEmpty() ? 0 : 1;
    }

    /** 1 when the assessment names one of the model's conditions and none outside it, else 0. */
    public double inScopeSignal() {
        return !pathologies.isEmpty() && outside.isEmpty() ? 1 : 0;
    }
}
