package com.mediassist.core.summary.lexicon;

import com.mediassist.core.knowledge.EvidenceCode;
import com.mediassist.core.knowledge.Language;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Short clinical labels for DDXPlus evidences ("Disnea", "Fiebre"), taken from the note reader's
 * lexicon ({@value #LEXICON}): the first surface form listed for an evidence alone, per language,
 * capitalised. Evidences the lexicon names only together with a value (pain sites) have no label.
 */
public final class ClinicalLabels {

    /** The class-path resource read. */
    public static final String LEXICON = "summary/evidence-lexicon.tsv";

    private final Map<Language, Map<String, String>> byLanguage;

    private ClinicalLabels(Map<Language, Map<String, String>> byLanguage) {
        this.byLanguage = byLanguage;
    }

    /** The labels of the shipped lexicon. */
    public static ClinicalLabels loadDefault() {
        Map<Language, Map<String, String>> m = new EnumMap<>(Language.class);
        for (Language l : Language.values()) {
            m.put(l, new HashMap<>());
        }
        for (TsvResource.Row row : TsvResource.read(LEXICON, 3)) {
            String codes = row.cells()[0].strip();
            if (codes.equals("-") || codes.contains("+")) {
                continue;
            }
            String term = row.cells()[2].strip();
            if (!term.isEmpty()) {
                m.get(Language.parse(row.cells()[1].strip())).putIfAbsent(codes,
                        term.substring(0, 1).toUpperCase(Locale.ROOT) + term.substring(1));
            }
        }
        m.replaceAll((l, v) -> Map.copyOf(v));
        return new ClinicalLabels(m);
    }

    /** The short clinical label of an evidence in a language, if the lexicon has one. */
    public Optional<String> label(EvidenceCode evidence, Language language) {
        return Optional.ofNullable(byLanguage.get(language).get(evidence.value()));
    }
}
