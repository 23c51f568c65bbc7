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
 */
public record EvidenceSummary(String code, String question, String type, boolean antecedent, List<AnswerOption> values) {
}
