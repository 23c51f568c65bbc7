package com.mediassist.core.summary.negation;

import com.mediassist.core.summary.KnowledgeFileException;
import com.mediassist.core.summary.lexicon.PhraseMatcher;
import com.mediassist.core.summary.lexicon.Tokenizer;
import com.mediassist.core.summary.lexicon.TsvResource;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The trigger rules of {@code summary/context-rules.tsv}, Spanish and English together so that notes
 * mixing both languages are read correctly. When the same phrase appears twice the first line wins.
 */
public final class ContextRules {

    private final PhraseMatcher<ContextRule> matcher = new PhraseMatcher<>();
    private final Set<String> relatives = new HashSet<>();
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
                String[] words = Tokenizer.words(c[3]);
                if (cat == TriggerCategory.FAMILY && words.length == 1) {
                    rules.relatives.add(words[0]);
                }
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

    /**
     * Whether folded {@code word} on its own names a relative or the family ("madre", "familiares", "mother",
     * "family"): a finding phrase holding one ("madre asmática", "family asthma") is a relative's condition.
     */
    public boolean isRelative(String word) {
        return relatives.contains(word);
    }

    /** All trigger words (kept away from typo correction). */
    public List<String> vocabulary() {
        return matcher.vocabulary();
    }
}
