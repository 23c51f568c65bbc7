package com.mediassist.appliance.diagnosis.rest;

import com.mediassist.core.diagnosis.DiagnosisResult.AnswerOption;
import java.util.List;

/**
 * An evidence as the symptom picker shows it.
 *
 * @param code       evidence code
 * @param question   the question in the requested language
 * @param type       {@code BINARY}, {@code CATEGORICAL} or {@code MULTI}
 * @param antecedent whether it is history rather than a current symptom
 * @param values     the possible values (empty for yes/no)
 * @param label      the short clinical label ("Fiebre") when the lexicon has one, else the question
 * @param parent     the question this one details ({@code E_53} for a pain's location), null when none: a
 *                   present answer records the parent present too
 */
public record EvidenceSummary(String code, String question, String type, boolean antecedent, List<AnswerOption> values,
        String label, String parent) {
}
