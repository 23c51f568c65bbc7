package com.mediassist.core.fit;

import com.mediassist.core.knowledge.EvidenceCode;
import com.mediassist.core.summary.KnowledgeFileException;
import com.mediassist.core.summary.lexicon.TsvResource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The DDXPlus evidences nearest to some uncoded findings ({@code fit/related-evidences.tsv}): itching is part of the
 * picture of a condition whose characteristic symptoms include skin lesions or an itchy nose, and then counts as a
 * related sign instead of a finding from outside the model. Immutable.
 *
 * @param byConcept concept id → its nearest evidences
 */
public record RelatedEvidences(Map<String, Set<EvidenceCode>> byConcept) {

    /** The shipped table's class-path resource. */
    public static final String RESOURCE = "fit/related-evidences.tsv";

    public RelatedEvidences {
        byConcept = Map.copyOf(byConcept);
    }

    /** No uncoded finding has relatives. */
    public static RelatedEvidences none() {
        return new RelatedEvidences(Map.of());
    }

    /**
     * The shipped table.
     *
     * @throws KnowledgeFileException when the file is missing or a line is malformed
     */
    public static RelatedEvidences loadDefault() {
        Map<String, Set<EvidenceCode>> m = new HashMap<>();
        for (TsvResource.Row row : TsvResource.read(RESOURCE, 2)) {
            String concept = row.cells()[0].strip();
            List<EvidenceCode> codes = java.util.Arrays.stream(row.cells()[1].split(",")).map(String::strip)
                    .filter(s -> !s.isEmpty()).map(EvidenceCode::new).toList();
            if (concept.isEmpty() || codes.isEmpty() || m.put(concept, Set.copyOf(codes)) != null) {
                throw new KnowledgeFileException(RESOURCE + " line " + row.line()
                        + ": expected a concept defined once and at least one evidence code");
            }
        }
        return new RelatedEvidences(m);
    }

    /** The evidences nearest to a concept (empty when none). */
    public Set<EvidenceCode> of(String conceptId) {
        return byConcept.getOrDefault(conceptId, Set.of());
    }
}
