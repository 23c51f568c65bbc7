package com.mediassist.core.summary.negation;

import com.mediassist.core.summary.KnowledgeFileException;
import com.mediassist.core.summary.lexicon.PhraseMatcher;
import com.mediassist.core.summary.lexicon.TsvResource;

import java.util.List;
import java.util.Locale;

/**
 * The trigger rules of {@code summary/context-rules.tsv}, Spanish and English together so that notes
 * mixing both languages are read correctly. When the same phrase appears twice the first line wins.
 */
public final class ContextRules {

    private final PhraseMatcher<ContextRule> matcher = new PhraseMatcher<>();
    private int size;

    private ContextRules() {
    }

    /** Loads the default rules. */
    public static ContextRules loadDefault() {
        ContextRules rules = new ContextRules();
        String path = "summary/context-rules.tsv";
        for (TsvResource.Row row : TsvResource.read(path, 4)) {
            String[] c = row.cells();
            try {
                TriggerCategory cat = TriggerCategory.valueOf(c[1].toUpperCase(Locale.ROOT));
                Direction dir = Direction.valueOf(c[2].toUpperCase(Locale.ROOT));
                rules.matcher.add(c[3], new ContextRule(cat, dir, c[3]));
                rules.size++;
            } catch (IllegalArgumentException e) {
                throw new KnowledgeFileException(path + " line " + row.line() + ": unknown category or direction in \""
                        + String.join("\t", c) + "\"", e);
            }
        }
        return rules;
    }

    PhraseMatcher<ContextRule> matcher() {
        return matcher;
    }

    /** Number of rule lines loaded. */
    public int size() {
        return size;
    }

    /** All trigger words (kept away from typo correction). */
    public List<String> vocabulary() {
        return matcher.vocabulary();
    }
}
