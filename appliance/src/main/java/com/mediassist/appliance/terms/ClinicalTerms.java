package com.mediassist.appliance.terms;

import com.mediassist.core.knowledge.Language;
import com.mediassist.core.text.TextFold;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The note reader's evidence lexicon ({@value #LEXICON}, shipped in inference-core) as a search index
 * for the symptom picker. Lines whose codes are {@code -} (findings without a DDXPlus evidence) are
 * left out: the picker offers only what the diagnosis can use.
 */
@ApplicationScoped
public class ClinicalTerms {

    /** The class-path resource read. */
    static final String LEXICON = "summary/evidence-lexicon.tsv";

    private record Entry(String term, String folded, String[] words, Language language, List<String> evidences) {
    }

    private final List<Entry> entries;
    private final Map<Language, Map<String, String>> labels;

    public ClinicalTerms() {
        this(LEXICON);
    }

    ClinicalTerms(String resource) {
        List<Entry> list = new ArrayList<>();
        try (InputStream in = ClinicalTerms.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("clinical-term lexicon " + resource + " not found on the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length < 3 || cols[0].equals("-")) {
                    continue;
                }
                String folded = TextFold.fold(cols[2].strip());
                list.add(new Entry(cols[2].strip(), folded, folded.split("[^a-z0-9]+"),
                        Language.parse(cols[1].strip()), Arrays.asList(cols[0].strip().split("\\+"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        entries = List.copyOf(list);
        labels = new LinkedHashMap<>();
        for (Language lang : Language.values()) {
            Map<String, String> byCode = new LinkedHashMap<>();
            for (Entry e : entries) {
                if (e.language() == lang && e.evidences().size() == 1) {
                    byCode.putIfAbsent(e.evidences().get(0), capitalised(e.term()));
                }
            }
            labels.put(lang, Map.copyOf(byCode));
        }
    }

    /**
     * Terms matching the words typed: every word of the query starts a word of the term. Terms in
     * {@code language} come first, then the other language; exact matches before prefixes, shorter
     * terms first; one term per set of evidences.
     */
    public List<ClinicalTerm> search(String query, Language language, int limit) {
        String q = TextFold.fold(query == null ? "" : query.strip());
        String[] terms = q.split("[^a-z0-9]+");
        if (q.isEmpty() || terms.length == 0) {
            return List.of();
        }
        record Hit(Entry entry, int score) {
        }
        List<Hit> hits = new ArrayList<>();
        for (Entry e : entries) {
            int score = e.folded().equals(q) ? 0 : e.folded().startsWith(q) ? 1 : matchesWords(terms, e.words()) ? 2 : -1;
            if (score >= 0) {
                hits.add(new Hit(e, score + (e.language() == language ? 0 : 10)));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::score).thenComparingInt(h -> h.entry().term().length()));
        Map<List<String>, ClinicalTerm> best = new LinkedHashMap<>();
        for (Hit h : hits) {
            Entry e = h.entry();
            best.putIfAbsent(e.evidences(), new ClinicalTerm(capitalised(e.term()), e.language().name().toLowerCase(Locale.ROOT),
                    e.evidences()));
            if (best.size() >= limit) {
                break;
            }
        }
        return List.copyOf(best.values());
    }

    /** Short clinical labels by evidence code ("E_91" → "Fiebre") in one language. */
    public Map<String, String> labels(Language language) {
        return labels.get(language);
    }

    private static boolean matchesWords(String[] terms, String[] words) {
        for (String t : terms) {
            if (t.isEmpty()) {
                continue;
            }
            boolean found = false;
            for (String w : words) {
                if (w.startsWith(t)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
