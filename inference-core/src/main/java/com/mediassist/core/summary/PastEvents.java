package com.mediassist.core.summary;

import com.mediassist.core.summary.lexicon.LexiconEntry;

import java.util.Set;

/**
 * Evidences that are events of a period before the visit (issue 16, branch lay2): asthma attacks in the past year
 * (E_46), an admission for asthma in the past year (E_101), surgery in the past month (E_196). Stated as having
 * happened ("2 attacks this year", "admitted with asthma in June", "12 days post knee replacement") they are
 * history, as every development hand annotates them; denied, hypothetical or family statuses stay.
 */
final class PastEvents {

    private static final Set<String> EVENTS = Set.of("E_46", "E_101", "E_196");

    private PastEvents() {
    }

    /** The status of a finding of {@code entry}: historical where it would be present and names a past event. */
    static FindingStatus revise(LexiconEntry entry, FindingStatus status) {
        if (status == FindingStatus.PRESENT && entry.evidence() != null
                && EVENTS.contains(entry.evidence().evidence().value())) {
            return FindingStatus.HISTORICAL;
        }
        return status;
    }
}
