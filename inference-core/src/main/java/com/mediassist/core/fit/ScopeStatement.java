package com.mediassist.core.fit;

import com.mediassist.core.knowledge.Language;
import com.mediassist.core.summary.KnowledgeFileException;
import com.mediassist.core.summary.lexicon.TsvResource;

import java.util.ArrayList;
import java.util.List;

/**
 * What the diagnosis model covers and what it does not, in words ({@code fit/scope.tsv}); shown in the UI
 * and in {@code docs/diagnosis.md}.
 *
 * @param covers     areas the model's 49 conditions cover, each with its conditions
 * @param notCovered common areas it does not cover
 * @param summary    one paragraph saying both
 */
public record ScopeStatement(List<String> covers, List<String> notCovered, String summary) {

    public ScopeStatement {
        covers = List.copyOf(covers);
        notCovered = List.copyOf(notCovered);
    }

    /**
     * The shipped statement in a language.
     *
     * @throws KnowledgeFileException when the file is missing, has an unknown kind or no summary
     */
    public static ScopeStatement of(Language language) {
        String path = "fit/scope.tsv";
        int column = language == Language.EN ? 2 : 1;
        List<String> covers = new ArrayList<>();
        List<String> not = new ArrayList<>();
        String summary = null;
        for (TsvResource.Row row : TsvResource.read(path, 3)) {
            String text = row.cells()[column].trim();
            switch (row.cells()[0].trim()) {
                case "covers" -> covers.add(text);
                case "not-covered" -> not.add(text);
                case "summary" -> summary = text;
                default -> throw new KnowledgeFileException(path + " line " + row.line()
                        + ": kind must be covers, not-covered or summary, found \"" + row.cells()[0] + "\"");
            }
        }
        if (summary == null || covers.isEmpty() || not.isEmpty()) {
            throw new KnowledgeFileException(path + ": needs a summary and at least one covers and one not-covered line");
        }
        return new ScopeStatement(covers, not, summary);
    }
}
