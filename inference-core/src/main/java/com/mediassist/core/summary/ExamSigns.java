package com.mediassist.core.summary;

import java.util.List;
import java.util.Set;

/**
 * What an examination's signs mean for DDXPlus (issue 16, branch {@code exam}). A sign the doctor hears or sees is
 * not the antecedent the same word names in a history: a murmur in an examination ("pansystolic murmur at the
 * apex", "RRR, no murmur") is a sign DDXPlus has no evidence for, while "PMH: heart murmur" stays the known heart
 * defect (E_139) the patient answers yes to.
 */
final class ExamSigns {

    /** Antecedents a word names only in a history; in an examination the same word is a sign without evidence. */
    private static final Set<String> HISTORY_ONLY = Set.of("E_139");

    private ExamSigns() {
    }

    /** Drops the history-only evidence of the findings written in an examination, keeping their words and status. */
    static void revise(List<Finding> findings) {
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (f.section() == SectionKind.EXAMINATION && f.evidence() != null
                    && HISTORY_ONLY.contains(f.evidence().evidence().value())) {
                findings.set(i, new Finding(f.text(), f.span(), f.status(), null, List.of(), f.section(), f.typo()));
            }
        }
    }
}
