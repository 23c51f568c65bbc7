package com.mediassist.core.summary.lexicon;

import com.mediassist.core.knowledge.Language;
import com.mediassist.core.summary.KnowledgeFileException;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Condition abbreviations whose context gives them another meaning ({@code summary/abbreviation-senses.tsv}):
 * "FA 140" in a blood test is alkaline phosphatase, "IC a Cardiología" a referral, "AF:" in a Spanish note the
 * family-history heading, "PE:" the physical examination. Immutable; safe to share.
 */
public final class AbbreviationSenses {

    static final String RESOURCE = "summary/abbreviation-senses.tsv";

    private final Map<String, Language> onlyIn = new HashMap<>();
    private final Set<String> labs = new HashSet<>();
    private final Set<String> headings = new HashSet<>();
    private final Map<String, Set<String>> next = new HashMap<>();
    private final Map<String, Set<String>> previous = new HashMap<>();

    private AbbreviationSenses() {
    }

    /**
     * @throws KnowledgeFileException when the file is missing or a line has an unknown kind or language
     */
    public static AbbreviationSenses loadDefault() {
        AbbreviationSenses s = new AbbreviationSenses();
        for (TsvResource.Row row : TsvResource.read(RESOURCE, 3)) {
            String abbreviation = row.cells()[1].trim();
            String cue = row.cells()[2].trim();
            String where = RESOURCE + " line " + row.line();
            switch (row.cells()[0].trim()) {
                case "language" -> {
                    if (!"es".equals(cue) && !"en".equals(cue)) {
                        throw new KnowledgeFileException(where + ": language must be es or en, found \"" + cue + "\"");
                    }
                    s.onlyIn.put(abbreviation, Language.fromCode(cue));
                }
                case "lab" -> s.labs.add(abbreviation);
                case "heading" -> s.headings.add(abbreviation);
                case "next" -> s.next.computeIfAbsent(abbreviation, k -> new HashSet<>()).add(cue);
                case "previous" -> s.previous.computeIfAbsent(abbreviation, k -> new HashSet<>()).add(cue);
                default -> throw new KnowledgeFileException(where + ": kind must be language, heading, lab, next or previous, found \""
                        + row.cells()[0] + "\"");
            }
        }
        return s;
    }

    /**
     * Whether the one-word match at token {@code i} means something other than the condition here.
     *
     * @param words folded (typo-corrected) words, {@code null} at punctuation
     */
    public boolean otherSense(String text, List<Token> tokens, String[] words, int i, Language language) {
        String w = words[i];
        if (w == null) {
            return false;
        }
        Language only = onlyIn.get(w);
        if (only != null && only != language) {
            return true;
        }
        if (headings.contains(w) && text.startsWith(":", tokens.get(i).end())) {
            return true;
        }
        if (labs.contains(w) && numberFollows(text, tokens, words, i)) {
            return true;
        }
        int after = i + 1 < words.length ? i + 1 : -1;
        if (after >= 0 && words[after] != null && next.getOrDefault(w, Set.of()).contains(words[after])) {
            return true;
        }
        return i > 0 && words[i - 1] != null && previous.getOrDefault(w, Set.of()).contains(words[i - 1]);
    }

    /** "FA 140", "FA: 98 U/L", "FA=120": a number right after the word, with at most a colon or an equals sign between. */
    private static boolean numberFollows(String text, List<Token> tokens, String[] words, int i) {
        if (i + 1 >= tokens.size() || words[i + 1] == null || !Character.isDigit(words[i + 1].charAt(0))) {
            return false;
        }
        String between = text.substring(tokens.get(i).end(), tokens.get(i + 1).start()).strip();
        return between.isEmpty() || between.equals(":") || between.equals("=");
    }
}
