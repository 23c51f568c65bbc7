package com.mediassist.core.fit;

import com.mediassist.core.knowledge.Text;
import com.mediassist.core.summary.KnowledgeFileException;
import com.mediassist.core.summary.lexicon.TsvResource;
import com.mediassist.core.text.TextFold;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of clinical findings DDXPlus has no evidence for ({@code summary/unmapped-concepts.tsv}):
 * the note reader reports them by label and the fit assessment weighs them by concept. Immutable; load
 * once with {@link #loadDefault()} and share.
 */
public final class UnmappedConcepts {

    /** The shipped catalogue's class-path resource. */
    public static final String RESOURCE = "summary/unmapped-concepts.tsv";

    private static volatile UnmappedConcepts shipped;

    private final Map<String, UnmappedConcept> byId;
    private final Map<String, UnmappedConcept> byLabel = new HashMap<>();

    private UnmappedConcepts(Map<String, UnmappedConcept> byId) {
        this.byId = Collections.unmodifiableMap(byId);
        for (UnmappedConcept c : byId.values()) {
            byLabel.put(TextFold.fold(c.label().es()), c);
            byLabel.put(TextFold.fold(c.label().en()), c);
        }
    }

    /**
     * The shipped catalogue (read once).
     *
     * @throws KnowledgeFileException when the file is missing or a line is malformed
     */
    public static UnmappedConcepts loadDefault() {
        UnmappedConcepts c = shipped;
        if (c == null) {
            synchronized (UnmappedConcepts.class) {
                c = shipped;
                if (c == null) {
                    c = read(RESOURCE);
                    shipped = c;
                }
            }
        }
        return c;
    }

    static UnmappedConcepts read(String resource) {
        Map<String, UnmappedConcept> byId = new LinkedHashMap<>();
        for (TsvResource.Row row : TsvResource.read(resource, 5)) {
            String[] c = row.cells();
            String where = resource + " line " + row.line();
            UnmappedConcept.Weight weight;
            try {
                weight = UnmappedConcept.Weight.valueOf(c[2].trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new KnowledgeFileException(where + ": weight must be outside or related, found \"" + c[2] + "\"", e);
            }
            if (c[3].isBlank() || c[4].isBlank()) {
                throw new KnowledgeFileException(where + ": a concept needs a Spanish and an English label");
            }
            UnmappedConcept concept = new UnmappedConcept(c[0].trim(), c[1].trim(), weight, new Text(c[3].trim(), c[4].trim()));
            if (byId.put(concept.id(), concept) != null) {
                throw new KnowledgeFileException(where + ": concept " + concept.id() + " is defined twice");
            }
        }
        return new UnmappedConcepts(byId);
    }

    /** The concept with this id. */
    public Optional<UnmappedConcept> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The concept whose Spanish or English label this is (accents and case ignored). */
    public Optional<UnmappedConcept> byLabel(String label) {
        return label == null ? Optional.empty() : Optional.ofNullable(byLabel.get(TextFold.fold(label.trim())));
    }

    /** Every concept in file order. */
    public List<UnmappedConcept> all() {
        return new ArrayList<>(byId.values());
    }
}
