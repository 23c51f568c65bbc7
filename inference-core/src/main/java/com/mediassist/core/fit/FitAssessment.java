package com.mediassist.core.fit;

import java.util.List;

/**
 * The fit verdict on one diagnosis answer.
 *
 * @param verdict          in scope, low fit or out of scope
 * @param reasons          why, most important first; never empty
 * @param unmappedFindings the findings DDXPlus has no evidence for that counted against the fit, as given
 */
public record FitAssessment(FitVerdict verdict, List<FitReason> reasons, List<String> unmappedFindings) {

    public FitAssessment {
        reasons = List.copyOf(reasons);
        unmappedFindings = List.copyOf(unmappedFindings);
    }
}
