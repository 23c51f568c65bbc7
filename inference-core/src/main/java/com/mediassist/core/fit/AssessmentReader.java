package com.mediassist.core.fit;

import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.Pathology;
import com.mediassist.core.knowledge.PathologyCode;
import com.mediassist.core.summary.Finding;
import com.mediassist.core.summary.FindingStatus;
import com.mediassist.core.summary.NoteSection;
import com.mediassist.core.summary.SectionKind;
import com.mediassist.core.summary.StructuredNote;
import com.mediassist.core.summary.lexicon.Token;
import com.mediassist.core.summary.lexicon.Tokenizer;
import com.mediassist.core.summary.lexicon.TsvResource;
import com.mediassist.core.summary.sections.SectionDetector;
import com.mediassist.core.summary.negation.ContextAnnotator;
import com.mediassist.core.summary.negation.ContextRules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads which conditions a note states as its current impression ({@link StatedAssessment}) from what the note
 * reader found: a condition is stated when it is written in an assessment section (JC, Impresión, A/P, Dx,
 * Assessment …) or after a diagnostic cue in the same sentence ("compatible con", "diagnosed with"; {@code
 * fit/assessment-cues.tsv}), and the reader's ConText rules give it the status present: the same word in the past
 * or family history, denied, or to be ruled out ("descartar neumonía", "r/o PE") states nothing. An outside condition
 * is an uncoded finding of the catalogue whose concept weighs as outside the model ({@code summary/unmapped-*.tsv});
 * one of the 49 is a pathology's name in the knowledge (split at "/" and parentheses) or a synonym of {@code
 * fit/pathology-names.tsv}. Load once and share: immutable and thread-safe.
 */
public final class AssessmentReader {

    /** Synonyms of the 49 conditions' names. */
    public static final String NAMES = "fit/pathology-names.tsv";
    /** Diagnostic cues outside an assessment section. */
    public static final String CUES = "fit/assessment-cues.tsv";
    private static final String UNMAPPED_LEXICON = "summary/unmapped-lexicon.tsv";

    private final Map<List<String>, PathologyCode> names = new HashMap<>();
    private final int longestName;
    private final List<List<String>> cues = new ArrayList<>();
    private final Map<String, String> outsideForms = new HashMap<>();
    private final UnmappedConcepts concepts;
    private final ContextRules rules;

    private AssessmentReader(Knowledge knowledge, UnmappedConcepts concepts, ContextRules rules) {
        this.concepts = concepts;
        this.rules = rules;
        for (Pathology p : knowledge.pathologies()) {
            for (String name : List.of(p.name().es(), p.name().en())) {
                for (String part : name.split("[/()]")) {
                    addName(part, p.code());
                }
            }
        }
        for (TsvResource.Row row : TsvResource.read(NAMES, 3)) {
            // a smaller knowledge (unit tests) keeps the synonyms of the pathologies it has; every code of the file
            // is checked against the shipped knowledge by the models module's tests
            PathologyCode code = new PathologyCode(row.cells()[0].strip());
            if (knowledge.pathology(code).isPresent()) {
                addName(row.cells()[2], code);
            }
        }
        longestName = names.keySet().stream().mapToInt(List::size).max().orElse(0);
        for (TsvResource.Row row : TsvResource.read(CUES, 2)) {
            cues.add(List.of(Tokenizer.words(row.cells()[1])));
        }
        for (TsvResource.Row row : TsvResource.read(UNMAPPED_LEXICON, 3)) {
            String concept = row.cells()[0].strip();
            concepts.byId(concept).filter(c -> c.weight() == UnmappedConcept.Weight.OUTSIDE)
                    .ifPresent(c -> outsideForms.put(String.join(" ", Tokenizer.words(row.cells()[2])), concept));
        }
    }

    private void addName(String form, PathologyCode code) {
        List<String> words = List.of(Tokenizer.words(form));
        if (!words.isEmpty()) {
            names.putIfAbsent(words, code);
        }
    }

    /** The pathology codes {@link #NAMES} gives synonyms for (to check them against a knowledge). */
    public static Set<PathologyCode> synonymCodes() {
        Set<PathologyCode> out = new LinkedHashSet<>();
        TsvResource.read(NAMES, 3).forEach(r -> out.add(new PathologyCode(r.cells()[0].strip())));
        return out;
    }

    /** A reader of the knowledge's pathologies with the shipped catalogue and ConText rules. */
    public static AssessmentReader load(Knowledge knowledge) {
        return new AssessmentReader(knowledge, UnmappedConcepts.loadDefault(), ContextRules.loadDefault());
    }

    /**
     * The conditions the note states as its current impression.
     *
     * @param text the note as given to the reader
     * @param note what the reader made of it
     */
    public StatedAssessment read(String text, StructuredNote note) {
        List<Token> tokens = Tokenizer.tokenize(text);
        int n = tokens.size();
        String[] words = new String[n];
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            words[i] = t.isWord() ? t.folded() : null;
        }
        Tokenizer.Sentences sentences = Tokenizer.sentences(tokens);
        int[] sentenceStart = sentences.start();
        int[] sentenceEnd = sentences.end();
        boolean[] cue = new boolean[n];
        boolean[] stated = statedZone(tokens, words, sentenceStart, note.sections(), cue);
        boolean[] assessmentSection = new boolean[n];
        for (int i = 0; i < n; i++) {
            assessmentSection[i] = SectionDetector.sectionAt(note.sections(), tokens.get(i).start(),
                    SectionKind.HISTORY_OF_PRESENT_ILLNESS) == SectionKind.ASSESSMENT;
        }

        // the cue words are no trigger: "compatible con" states, it does not doubt
        boolean[] inFinding = cue.clone();
        record Outside(int first, int end, Finding finding, String concept) {
        }
        List<Outside> candidates = new ArrayList<>();
        for (Finding f : note.findings()) {
            int first = tokenAt(tokens, f.span().start());
            if (first < 0) {
                continue;
            }
            int end = first;
            for (; end < n && tokens.get(end).start() < f.span().end(); end++) {
                inFinding[end] = true;
            }
            if (f.evidence() == null && stated[first]) {
                String concept = outsideForms.get(String.join(" ", Tokenizer.words(f.text())));
                if (concept != null) {
                    candidates.add(new Outside(first, end, f, concept));
                }
            }
        }

        record Name(int first, int end, PathologyCode code) {
        }
        List<Name> found = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (words[i] == null || !stated[i]) {
                continue;
            }
            for (int len = Math.min(longestName, n - i); len >= 1; len--) {
                List<String> phrase = phrase(words, i, len);
                PathologyCode code = phrase == null ? null : names.get(phrase);
                if (code != null) {
                    found.add(new Name(i, i + len, code));
                    for (int k = i; k < i + len; k++) {
                        inFinding[k] = true;
                    }
                    i += len - 1;
                    break;
                }
            }
        }
        ContextAnnotator context = new ContextAnnotator(rules, words, inFinding);
        Set<String> outside = new LinkedHashSet<>();
        for (Outside c : candidates) {
            FindingStatus status = c.finding().status();
            if (!assessmentSection[c.first()] && status == FindingStatus.HYPOTHETICAL) {
                // after a cue outside an assessment section: the reader took the cue for a doubt
                status = ContextAnnotator.statusOf(context.categoriesFor(c.first(), c.end(), sentenceStart[c.first()],
                        sentenceEnd[c.first()]), FindingStatus.PRESENT);
            }
            if (status == FindingStatus.PRESENT) {
                concepts.byId(c.concept()).ifPresent(u -> outside.add(u.label(note.language())));
            }
        }
        Set<PathologyCode> pathologies = new LinkedHashSet<>();
        for (Name m : found) {
            FindingStatus status = ContextAnnotator.statusOf(
                    context.categoriesFor(m.first(), m.end(), sentenceStart[m.first()], sentenceEnd[m.first()]),
                    FindingStatus.PRESENT);
            if (status == FindingStatus.PRESENT) {
                pathologies.add(m.code());
            }
        }
        return new StatedAssessment(List.copyOf(outside), List.copyOf(pathologies));
    }

    /** Words [i, i + len) when none is a boundary or punctuation, else {@code null}. */
    private static List<String> phrase(String[] words, int i, int len) {
        List<String> out = new ArrayList<>(len);
        for (int k = i; k < i + len; k++) {
            if (words[k] == null) {
                return null;
            }
            out.add(words[k]);
        }
        return out;
    }

    /** Per token: inside an assessment section, or after a diagnostic cue in its sentence. */
    private boolean[] statedZone(List<Token> tokens, String[] words, int[] sentenceStart, List<NoteSection> sections,
                                 boolean[] cueWords) {
        int n = tokens.size();
        boolean[] stated = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (NoteSection ns : sections) {
                if (ns.kind() == SectionKind.ASSESSMENT && ns.span().start() <= tokens.get(i).start()
                        && tokens.get(i).start() < ns.span().end()) {
                    stated[i] = true;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (List<String> cue : cues) {
                if (cue.equals(phrase(words, i, Math.min(cue.size(), n - i)))) {
                    for (int k = i; k < i + cue.size(); k++) {
                        cueWords[k] = true;
                    }
                    for (int k = i + cue.size(); k < n && sentenceStart[k] == sentenceStart[i]; k++) {
                        stated[k] = true;
                    }
                }
            }
        }
        return stated;
    }

    private static int tokenAt(List<Token> tokens, int offset) {
        for (int k = 0; k < tokens.size(); k++) {
            if (tokens.get(k).start() >= offset) {
                return k;
            }
        }
        return -1;
    }
}
