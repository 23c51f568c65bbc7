package com.mediassist.core.summary.lexicon;

import com.mediassist.core.fit.UnmappedConcepts;
import com.mediassist.core.knowledge.EvidenceCode;
import com.mediassist.core.knowledge.Finding;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.summary.FindingStatus;
import com.mediassist.core.summary.KnowledgeFileException;
import com.mediassist.core.text.TextFold;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spanish and English surface forms of DDXPlus evidences ({@code summary/evidence-lexicon.tsv}),
 * matched longest-first on folded words, with single-typo tolerance for longer words and abbreviations
 * ({@code summary/abbreviations.tsv}) read as their word. Where no form matches
 * exactly, forms match through their words' {@link Inflection} keys ("vómitos" for "vómito", "hinchada"
 * for "hinchado", "coughing" for "cough"), unless the inflected match is no longer than the exact one.
 * Immutable after loading; safe to share between threads.
 */
public final class EvidenceLexicon {

    /** Shortest word corrected for a typo; shorter words have too many real-word neighbours. */
    static final int MIN_TYPO_LENGTH = 6;

    /**
     * Shortest lexicon word a typo may be read as. Words shorter than {@link #MIN_TYPO_LENGTH} ("fever", "dolor",
     * "mareo") are reached only by a letter too many ("feaver") or two neighbouring letters swapped ("dolro"),
     * never by a substituted letter, which too often makes another real word ("never", "color").
     */
    static final int MIN_SHORT_TARGET_LENGTH = 5;

    /** Real words one edit from a lexicon word ({@code summary/typo-real-words.tsv}): never read as a typo. */
    static final String REAL_WORDS = "summary/typo-real-words.tsv";

    /**
     * Laterality and degree words that may stand inside a form ("tímpano derecho abombado", "pharynx mildly
     * erythematous", "tos muy productiva"), folded; the inflected matcher holds their keys.
     */
    static final Set<String> INSERTABLE = Set.of("derecho", "derecha", "izquierdo", "izquierda", "dcho", "dcha", "izdo",
            "izda", "izq", "bilateral", "bilaterales", "leve", "leves", "moderado", "moderada", "intenso", "intensa", "muy",
            "algo", "ligero", "ligera", "ligeramente", "discreto", "discreta", "discretamente", "marcado", "marcada",
            "franco", "franca", "right", "left", "mild", "mildly", "moderate", "moderately", "severe",
            "severely", "very", "slightly", "slight", "marked", "markedly", "both", "r", "l");

    /**
     * Prepositions that stand for one another inside a form ("burning on passing urine" for "burning when passing
     * urine", "dolor con la tos" for "dolor al toser" is beyond this: only the preposition may differ).
     */
    static final Set<String> PREPOSITIONS = Set.of("on", "when", "while", "with", "during", "after", "upon", "al", "con",
            "durante", "tras");

    private final PhraseMatcher<LexiconEntry> matcher = new PhraseMatcher<>(INSERTABLE, PREPOSITIONS);
    /** The same forms under their words' inflection keys. */
    private final PhraseMatcher<LexiconEntry> inflected = new PhraseMatcher<>(keys(INSERTABLE), keys(PREPOSITIONS));
    private final Set<String> inflectedVocabulary = new HashSet<>();
    private final Set<String> vocabulary = new HashSet<>();
    /** Deletion-neighbourhood index: a word with one character removed, to its vocabulary words. */
    private final Map<String, List<String>> deletions = new HashMap<>();
    private final Set<String> protectedWords = new HashSet<>();
    /** Real words of each language one edit from a lexicon word ({@value #REAL_WORDS}): no typo in notes of it. */
    private final Map<Language, Set<String>> realWords = new java.util.EnumMap<>(Language.class);
    /** The lexicon's words by the language of the forms that write them ("sores" is English only). */
    private final Map<Language, Set<String>> wordsByLanguage = new java.util.EnumMap<>(Language.class);
    /** Words never read through their inflection key alone: the real words of both languages. */
    private final Set<String> inflectionProtected = new HashSet<>();
    /**
     * What each one-word form stands for (its evidence code, or concept), so that a typo within one edit of two
     * one-word forms of the same meaning ("diarrrea": "diarrea" and "diarrhea") is no ambiguity; {@code ""} when
     * the word's one-word forms disagree.
     */
    private final Map<String, String> oneWordMeaning = new HashMap<>();
    private final Map<String, String[]> familyRemap = new HashMap<>();
    /** Abbreviations ({@code summary/abbreviations.tsv}) to the word they stand for. */
    private final Map<String, String> abbreviations = new HashMap<>();
    private final EvidenceCatalog catalog;
    private int forms;

    private EvidenceLexicon(EvidenceCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Loads the lexicon and the family code pairs, checking every code against {@code catalog}.
     *
     * @param protectedWords real words that must never be corrected to a lexicon word (trigger
     *                       words, headings), besides the lexicon's own
     * @throws KnowledgeFileException for an unknown code or malformed line
     */
    public static EvidenceLexicon load(EvidenceCatalog catalog, Collection<String> protectedWords) {
        EvidenceLexicon lex = new EvidenceLexicon(catalog);
        String path = "summary/evidence-lexicon.tsv";
        List<TsvResource.Row> evidenceRows = TsvResource.read(path, 3);
        // An unmapped concept's form is added first so it wins over the same form listed with "-" in the
        // evidence lexicon, but never over a form that names a DDXPlus evidence.
        Set<String> coded = new HashSet<>();
        for (TsvResource.Row row : evidenceRows) {
            if (!row.cells()[0].startsWith("-")) {
                coded.add(String.join(" ", Tokenizer.words(row.cells()[2])));
            }
        }
        UnmappedConcepts concepts = UnmappedConcepts.loadDefault();
        String unmappedPath = "summary/unmapped-lexicon.tsv";
        for (TsvResource.Row row : TsvResource.read(unmappedPath, 3)) {
            String concept = row.cells()[0].trim();
            if (!"-".equals(concept) && concepts.byId(concept).isEmpty()) {
                throw new KnowledgeFileException(unmappedPath + " line " + row.line() + ": unknown concept \"" + concept
                        + "\" (not in " + UnmappedConcepts.RESOURCE + ")");
            }
            if (!coded.contains(String.join(" ", Tokenizer.words(row.cells()[2])))) {
                // an optional fourth column codes what DDXPlus can say about the concept ("dolor de hombro" is pain,
                // E_53): the finding keeps its concept for the fit and answers the evidence too
                LexiconEntry entry = new LexiconEntry(null, List.of(), null, concept);
                if (row.cells().length > 3 && !row.cells()[3].isBlank()) {
                    LexiconEntry codes = parseCodes(row.cells()[3].trim(), catalog, unmappedPath + " line " + row.line());
                    entry = new LexiconEntry(codes.evidence(), codes.values(), codes.inherent(), concept);
                }
                lex.add(row.cells()[2], entry);
                lex.noteLanguage(row.cells()[1], row.cells()[2]);
            }
        }
        for (TsvResource.Row row : evidenceRows) {
            String where = path + " line " + row.line();
            LexiconEntry entry = parseCodes(row.cells()[0], catalog, where);
            lex.add(row.cells()[2], entry);
            lex.noteLanguage(row.cells()[1], row.cells()[2]);
        }
        for (TsvResource.Row row : TsvResource.read("summary/family-codes.tsv", 3)) {
            String[] c = row.cells();
            for (int i = 1; i < 3; i++) {
                if (!"-".equals(c[i])) {
                    catalog.require(Finding.of(c[i], null), "summary/family-codes.tsv line " + row.line());
                }
            }
            lex.familyRemap.put(c[0], new String[] {c[1], c[2]});
        }
        for (TsvResource.Row row : TsvResource.read("summary/abbreviations.tsv", 2)) {
            String[] abbreviation = Tokenizer.words(row.cells()[0]);
            String[] word = Tokenizer.words(row.cells()[1]);
            if (abbreviation.length != 1 || word.length != 1) {
                throw new KnowledgeFileException("summary/abbreviations.tsv line " + row.line()
                        + ": an abbreviation and its word must be one word each");
            }
            lex.abbreviations.put(abbreviation[0], word[0]);
        }
        lex.vocabulary.addAll(lex.matcher.vocabulary());
        lex.inflectedVocabulary.addAll(lex.inflected.vocabulary());
        lex.protectedWords.addAll(protectedWords);
        for (TsvResource.Row row : TsvResource.read(REAL_WORDS, 2)) {
            Language language;
            try {
                language = Language.valueOf(row.cells()[0].trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new KnowledgeFileException(REAL_WORDS + " line " + row.line() + ": unknown language \""
                        + row.cells()[0] + "\"", e);
            }
            for (String w : Tokenizer.words(row.cells()[1])) {
                lex.realWords.computeIfAbsent(language, k -> new HashSet<>()).add(w);
                // a real word is never read through its inflection key either, whatever the note's language
                lex.inflectionProtected.add(w);
            }
        }
        for (String w : lex.vocabulary) {
            if (w.length() >= MIN_SHORT_TARGET_LENGTH) {
                for (int i = 0; i < w.length(); i++) {
                    String del = w.substring(0, i) + w.substring(i + 1);
                    lex.deletions.computeIfAbsent(del, k -> new ArrayList<>(1)).add(w);
                }
                lex.deletions.computeIfAbsent(w, k -> new ArrayList<>(1)).add(w);
            }
        }
        return lex;
    }

    /** Records the words of a form under its language column ("es"/"en"; anything else is left out). */
    private void noteLanguage(String languageCell, String phrase) {
        Language language;
        try {
            language = Language.valueOf(languageCell.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return;
        }
        wordsByLanguage.computeIfAbsent(language, k -> new HashSet<>()).addAll(List.of(Tokenizer.words(phrase)));
    }

    private static Set<String> keys(Set<String> words) {
        Set<String> out = new HashSet<>();
        for (String w : words) {
            out.add(Inflection.key(w));
        }
        return out;
    }

    private void add(String phrase, LexiconEntry entry) {
        String[] words = Tokenizer.words(phrase);
        if (words.length == 1) {
            String meaning = entry.evidence() != null ? entry.evidence().toString() : String.valueOf(entry.concept());
            oneWordMeaning.merge(words[0], meaning, (a, b) -> a.equals(b) ? a : "");
        }
        matcher.add(words, entry);
        inflected.add(Inflection.keys(words), entry);
        forms++;
    }

    private static LexiconEntry parseCodes(String cell, EvidenceCatalog catalog, String where) {
        FindingStatus inherent = null;
        String codes = cell;
        int bang = cell.indexOf('!');
        if (bang >= 0) {
            codes = cell.substring(0, bang);
            try {
                inherent = FindingStatus.valueOf(cell.substring(bang + 1).toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new KnowledgeFileException(where + ": unknown status after '!' in \"" + cell + "\"", e);
            }
        }
        if ("-".equals(codes)) {
            return new LexiconEntry(null, List.of(), inherent);
        }
        String[] parts = codes.split("\\+");
        Finding primary;
        List<Finding> values = new ArrayList<>();
        try {
            primary = Finding.parse(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                values.add(Finding.parse(parts[i]));
            }
        } catch (IllegalArgumentException e) {
            throw new KnowledgeFileException(where + ": " + e.getMessage(), e);
        }
        catalog.require(primary, where);
        for (Finding v : values) {
            catalog.require(v, where);
        }
        return new LexiconEntry(primary, values, inherent);
    }

    public EvidenceCatalog catalog() {
        return catalog;
    }

    /** Number of surface forms loaded. */
    public int size() {
        return forms;
    }

    /**
     * Replaces each unknown word of at least {@value #MIN_TYPO_LENGTH} letters by the single lexicon
     * word within one edit (an insertion, a deletion, a substitution or two adjacent letters swapped), when exactly one exists and the word is not a protected real word.
     *
     * @param words folded words, {@code null} at punctuation; not modified
     * @param typo  receives {@code true} at each corrected position
     * @return the corrected copy
     */
    public String[] correctTypos(String[] words, boolean[] typo) {
        return correctTypos(words, typo, null);
    }

    /**
     * As {@link #correctTypos(String[], boolean[])}, also leaving alone the real words of the note's language
     * ({@value #REAL_WORDS}; of both languages when {@code language} is {@code null}).
     */
    public String[] correctTypos(String[] words, boolean[] typo, Language language) {
        String[] out = words.clone();
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (w == null || w.length() < MIN_TYPO_LENGTH - 1 || vocabulary.contains(w) || protectedWords.contains(w)
                    || isRealWord(w, language)
                    || !Character.isLetter(w.charAt(0)) || inflectedVocabulary.contains(Inflection.key(w))) {
                continue;
            }
            String candidate = typoOf(w, language);
            if (candidate != null) {
                out[i] = candidate;
                typo[i] = true;
            }
        }
        return out;
    }

    private boolean isRealWord(String w, Language language) {
        if (language == null) {
            return inflectionProtected.contains(w);
        }
        return realWords.getOrDefault(language, Set.of()).contains(w);
    }

    /**
     * The one lexicon word {@code w} is a typo of, or {@code null}: several candidates are no ambiguity when they are
     * one-word forms of the same meaning (then the alphabetically first is taken).
     */
    private String typoOf(String w, Language language) {
        java.util.TreeSet<String> candidates = new java.util.TreeSet<>();
        List<String> probes = new ArrayList<>(w.length() + 1);
        probes.add(w);
        for (int k = 0; k < w.length(); k++) {
            probes.add(w.substring(0, k) + w.substring(k + 1));
        }
        for (String p : probes) {
            List<String> hits = deletions.get(p);
            if (hits == null) {
                continue;
            }
            for (String h : hits) {
                boolean swap = TextFold.isAdjacentSwap(w, h);
                boolean oneEdit = swap || TextFold.editDistance(w, h, 1) <= 1;
                boolean shortTarget = h.length() < MIN_TYPO_LENGTH;
                // a short word is reached by a typo only in its own language: Spanish "sobres" is no English "sores"
                boolean sameLanguage = language == null
                        || wordsByLanguage.getOrDefault(language, Set.of()).contains(h);
                if (oneEdit && (!shortTarget || swap || w.length() == h.length() + 1) && (!shortTarget || sameLanguage)) {
                    candidates.add(h);
                }
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        String meaning = oneWordMeaning.get(candidates.first());
        for (String c : candidates) {
            if (candidates.size() > 1 && (meaning == null || meaning.isEmpty() || !meaning.equals(oneWordMeaning.get(c)))) {
                return null;
            }
        }
        return candidates.first();
    }

    /**
     * All non-overlapping longest lexicon matches over (corrected) words, left to right; at each word the
     * exact match wins unless an inflected one is longer.
     */
    public List<PhraseMatcher.Match<LexiconEntry>> findAll(String[] words) {
        String[] expanded = expandAbbreviations(words);
        String[] keys = Inflection.keys(expanded);
        return PhraseMatcher.scan(words.length, i -> longestAt(expanded, keys, i));
    }

    /**
     * A copy of {@code words} with each abbreviation that no lexicon form writes ("sd" in "Sd coronario agudo")
     * replaced by the word it stands for ("sindrome").
     */
    String[] expandAbbreviations(String[] words) {
        String[] out = words.clone();
        for (int i = 0; i < out.length; i++) {
            String full = out[i] == null || vocabulary.contains(out[i]) ? null : abbreviations.get(out[i]);
            if (full != null) {
                out[i] = full;
            }
        }
        return out;
    }

    /** The longest lexicon match starting at {@code words[i]}, or {@code null}. */
    public PhraseMatcher.Match<LexiconEntry> longestAt(String[] words, int i) {
        return longestAt(words, Inflection.keys(words), i);
    }

    private PhraseMatcher.Match<LexiconEntry> longestAt(String[] words, String[] keys, int i) {
        PhraseMatcher.Match<LexiconEntry> exact = matcher.longestAt(words, i);
        PhraseMatcher.Match<LexiconEntry> loose = inflected.longestAt(keys, i);
        if (loose == null || (exact != null && exact.length() >= loose.length())) {
            return exact;
        }
        if (loose.length() == 1 && (protectedWords.contains(words[i]) || inflectionProtected.contains(words[i]))) {
            // a modifier or trigger word is read as itself ("burning" pain is a character, not a burn)
            return exact;
        }
        return loose;
    }

    /**
     * The evidence to report for a finding with the given status: a relative's condition maps to
     * the DDXPlus family evidence when there is one and to nothing otherwise; a family-only form
     * written about the patient maps back to the patient's evidence.
     */
    public Finding evidenceFor(Finding evidence, boolean family) {
        if (evidence == null) {
            return null;
        }
        String[] pair = familyRemap.get(evidence.evidence().value());
        if (pair == null) {
            return family ? null : evidence;
        }
        String code = family ? pair[0] : pair[1];
        return "-".equals(code) ? null : evidence.withEvidence(new EvidenceCode(code));
    }
}
