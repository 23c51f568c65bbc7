package com.mediassist.core.workup;

import com.mediassist.core.knowledge.Bilingual;
import com.mediassist.core.knowledge.KnowledgeFormatException;
import com.mediassist.core.knowledge.Language;

/** What a test does for a candidate diagnosis. */
public enum Purpose {
    CONFIRM("confirm", new Bilingual("confirmar", "confirm")),
    RULE_OUT("rule-out", new Bilingual("descartar", "rule out")),
    SEVERITY("severity", new Bilingual("valorar la gravedad", "assess severity"));

    private final String code;
    private final Bilingual label;

    Purpose(String code, Bilingual label) {
        this.code = code;
        this.label = label;
    }

    /** @return the label in that language */
    public String label(Language language) {
        return label.in(language);
    }

    static Purpose parse(String code) {
        for (Purpose p : values()) {
            if (p.code.equals(code)) {
                return p;
            }
        }
        throw new KnowledgeFormatException(WorkupPlanner.RESOURCE, 0, "unknown purpose \"" + code + "\"");
    }
}
