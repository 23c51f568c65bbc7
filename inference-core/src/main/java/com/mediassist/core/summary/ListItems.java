package com.mediassist.core.summary;

import com.mediassist.core.summary.lexicon.Token;
import com.mediassist.core.summary.lexicon.Tokenizer;
import com.mediassist.core.summary.lexicon.TsvResource;
import com.mediassist.core.summary.sections.SectionDetector;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Statuses carried over coordinated lists whose items the evidence lexicon may not know (issue 16, branch lists).
 * A safety-netting or warning-sign list ("If spreading fast, rigors or feeling faint, A&amp;E"; "si deja de beber, no
 * orina o está muy adormilado, acudir a urgencias") makes each item that names a symptom or clinical state a
 * {@code hypothetical} finding; a negated list ("no recent long flights or surgery", "niega dificultad para orinar ni
 * pérdida de control de esfínteres") a {@code denied} one. The list runs from its trigger to the end of the sentence or
 * of the clause (a colon, a closing bracket, a dash, "but", another trigger); a safety-net's consequence ("A&amp;E",
 * "acudir a urgencias") ends it. Items are split on commas, slashes and coordinators. An item the lexicon did not read
 * becomes an uncoded finding only when it holds a clinical cue word and no blocking word (tests, advice, people,
 * places, times, normal statements) of {@code summary/list-items.tsv}; an item the lexicon read as present inside such
 * a list takes the list's status.
 */
final class ListItems {

    private static final String PATH = "summary/list-items.tsv";
    /** Most words an item may have to be read as one finding: longer, it is a clause of its own. */
    private static final int MAX_ITEM_WORDS = 6;
    /** Words of an item beyond a finding the lexicon read that still leave the item that finding. */
    private static final int MAX_EXTRA_WORDS = 3;

    /** What a trigger opens. */
    private enum Kind {
        /** A condition ("si", "if"): its list is hypothetical and ends at its consequence. */
        CONDITION,
        /** A head of warning signs ("signos de alarma", "red flags"): hypothetical. */
        WARNING,
        /** A denial verb heading a list ("niega", "denies"): denied over all its items. */
        DENIAL,
        /** A bare negation ("no", "sin", "nil"): denied; past its first item only at a clause's head or in an "or" list. */
        BARE
    }

    private static final Map<String, Kind> TRIGGERS = Map.ofEntries(
            Map.entry("si", Kind.CONDITION), Map.entry("if", Kind.CONDITION), Map.entry("en caso de", Kind.CONDITION),
            Map.entry("in case of", Kind.CONDITION), Map.entry("should", Kind.CONDITION),
            Map.entry("ante", Kind.CONDITION),
            Map.entry("red flags", Kind.WARNING), Map.entry("red flag", Kind.WARNING),
            Map.entry("warning signs", Kind.WARNING), Map.entry("warning signs to watch for", Kind.WARNING),
            Map.entry("warning symptoms", Kind.WARNING), Map.entry("return precautions", Kind.WARNING),
            Map.entry("safety netted", Kind.WARNING), Map.entry("safety netted re", Kind.WARNING),
            Map.entry("safety netted for", Kind.WARNING), Map.entry("safety net", Kind.WARNING),
            Map.entry("safety netting", Kind.WARNING), Map.entry("watch for", Kind.WARNING),
            Map.entry("look out for", Kind.WARNING), Map.entry("monitor for", Kind.WARNING),
            Map.entry("signos de alarma", Kind.WARNING), Map.entry("datos de alarma", Kind.WARNING),
            Map.entry("pautas de alarma", Kind.WARNING), Map.entry("sintomas de alarma", Kind.WARNING),
            Map.entry("criterios de alarma", Kind.WARNING),
            Map.entry("vigilar aparicion de", Kind.WARNING), Map.entry("vigilar la aparicion de", Kind.WARNING),
            Map.entry("niega", Kind.DENIAL), Map.entry("niegan", Kind.DENIAL), Map.entry("denies", Kind.DENIAL),
            Map.entry("denied", Kind.DENIAL), Map.entry("negative for", Kind.DENIAL), Map.entry("neg for", Kind.DENIAL),
            Map.entry("no refiere", Kind.DENIAL), Map.entry("no presenta", Kind.DENIAL),
            Map.entry("has not had any", Kind.DENIAL), Map.entry("has not had", Kind.DENIAL),
            Map.entry("no", Kind.BARE), Map.entry("sin", Kind.BARE), Map.entry("nil", Kind.BARE),
            Map.entry("without", Kind.BARE), Map.entry("has not", Kind.BARE), Map.entry("hasn t", Kind.BARE));
    private static final int LONGEST_TRIGGER = 5;

    /** Words before "si"/"if" that make it no condition ("como si", "as if", "even if"). */
    private static final Set<String> NOT_CONDITIONS = Set.of("como", "as", "even", "aun", "incluso", "asked", "ask",
            "unsure", "wonders", "pregunta", "sabe");
    /** Words from which an item's end names who reported it ("per mom", "según la madre"). */
    private static final Set<String> REPORTED = Set.of("per", "segun", "according");
    /** Words that join list items. */
    private static final Set<String> COORDINATORS = Set.of("o", "u", "ni", "y", "e", "or", "nor", "and");
    /** Coordinators that carry a negation or a condition over every item ("no X, Y or Z"). */
    private static final Set<String> ALTERNATIVES = Set.of("o", "u", "ni", "or", "nor");
    /** Words that start another clause: the list ends before them. */
    private static final Set<String> CLAUSE_WORDS = Set.of("but", "pero", "aunque", "sino", "although", "however",
            "except", "salvo", "excepto", "currently", "actualmente", "then", "luego", "because", "porque", "as", "since",
            "desde", "while", "mientras");
    /** Verbs stating what the patient has: they end a denial's list ("denies chest pain, presents with palpitations"). */
    private static final Set<String> ASSERTIONS = Set.of("refiere", "presenta", "reports", "complains", "endorses",
            "presents", "presenting", "c", "aqueja", "tiene", "has", "having", "notes", "noted", "describes", "describe",
            // "no problemas para orinar toma ibuprofeno": taking a medicine is a clause of its own
            "toma", "tomando", "takes", "taking");
    /** Words that describe a stated item ("tos con flema", "cough for 3 days"): a bare negation's list ends there. */
    private static final Set<String> DESCRIBING = Set.of("con", "with", "desde", "since", "for", "durante");
    /** Words dropped from an item's end with the number that follows them ("no urine for 12 h"). */
    private static final Set<String> BEFORE_NUMBER = Set.of("for", "over", "in", "en", "durante", "de", "within",
            "than", "more", "mas", "above", "after", "tras", "of", "by", ">", "about", "around");

    private final Set<String> cues = new HashSet<>();
    private final Set<String> generalCues = new HashSet<>();
    private final List<String> cuePrefixes = new ArrayList<>();
    private final List<String> generalCuePrefixes = new ArrayList<>();
    private final Set<String> blocks = new HashSet<>();
    private final Set<String> consequences = new HashSet<>();
    private final Set<String> fillers = new HashSet<>();
    private final Set<String> verbs = new HashSet<>();
    private final Map<String, String> codes = new java.util.HashMap<>();

    private ListItems() {
    }

    static ListItems loadDefault() {
        ListItems l = new ListItems();
        for (TsvResource.Row row : TsvResource.read(PATH, 2)) {
            String raw = row.cells()[1].trim();
            boolean prefix = raw.endsWith("*");
            String[] w = Tokenizer.words(prefix ? raw.substring(0, raw.length() - 1) : raw);
            if (w.length != 1) {
                throw new KnowledgeFileException(PATH + " line " + row.line() + ": one word expected, found \"" + raw + "\"");
            }
            String word = w[0];
            String kind = row.cells()[0].trim();
            switch (kind) {
                case "cue" -> {
                    if (prefix) {
                        l.cuePrefixes.add(word);
                    } else {
                        l.cues.add(word);
                    }
                }
                case "cue2" -> {
                    if (prefix) {
                        l.generalCuePrefixes.add(word);
                    } else {
                        l.generalCues.add(word);
                    }
                }
                case "block" -> l.blocks.add(word);
                case "then" -> l.consequences.add(word);
                case "filler" -> l.fillers.add(word);
                case "verb" -> l.verbs.add(word);
                case "code" -> {
                    if (row.cells().length < 3 || !row.cells()[2].trim().matches("E_\\d+")) {
                        throw new KnowledgeFileException(PATH + " line " + row.line() + ": a code row needs an evidence code");
                    }
                    l.codes.put(word, row.cells()[2].trim());
                }
                default -> throw new KnowledgeFileException(PATH + " line " + row.line() + ": unknown kind \"" + kind + "\"");
            }
        }
        return l;
    }

    /** One item of a list: words {@code [first, end)}; {@code joined} when a coordinator, not a comma, led to it. */
    private record Item(int first, int end, boolean joined) {
        Item(int first, int end) {
            this(first, end, false);
        }
    }

    /**
     * Adds the uncoded findings of the status lists in a note and gives the lexicon's present findings inside them the
     * list's status.
     *
     * @param words     the note's folded words, {@code null} for punctuation tokens
     * @param findings  the findings read so far, in note order; changed in place
     * @param concepts  the unmapped-concept id of each finding (parallel to {@code findings}); changed in place
     */
    void apply(String text, List<Token> tokens, String[] words, int[] sentenceStart, int[] sentenceEnd,
               List<NoteSection> sections, List<Finding> findings, List<String> concepts, List<NoteMedication> meds,
               List<Allergy> allergies) {
        int n = tokens.size();
        int i = 0;
        while (i < n) {
            int len = triggerAt(words, i, sentenceEnd[i]);
            if (len == 0) {
                i++;
                continue;
            }
            Kind kind = TRIGGERS.get(phrase(words, i, i + len));
            int from = i + len;
            if (!overlapping(findings, new Span(tokens.get(i).start(), tokens.get(from - 1).end())).isEmpty()) {
                // "No traga ni la saliva": the lexicon read the negation as part of a finding (an inability)
                i = from;
                continue;
            }
            if (kind == Kind.CONDITION && i > sentenceStart[i] && words[i - 1] != null && NOT_CONDITIONS.contains(words[i - 1])) {
                // "como si tuviera un peso encima", "as if", "even if": a comparison, no condition
                i = from;
                continue;
            }
            int to = scopeEnd(text, tokens, words, kind, from, sentenceEnd[i]);
            if (kind == Kind.WARNING && to < sentenceEnd[i] && to - from <= 2 && gapBefore(text, tokens, to).contains(":")) {
                // "Red flags explained: …", "Datos de alarma explicados: …": the list follows the colon
                from = to;
                to = scopeEnd(text, tokens, words, kind, from, sentenceEnd[i]);
            }
            if (kind == Kind.BARE && from < to && words[from] != null && verbs.contains(words[from])) {
                // "no puede orinar", "no toma anticoagulantes": an inability or an act, not a list of denials
                i = from;
                continue;
            }
            read(text, tokens, words, kind, clauseHead(text, tokens, i, sentenceStart[i]), items(text, tokens, words, from, to),
                    sections, findings, concepts, meds, allergies);
            i = Math.max(from, to);
        }
    }

    private void read(String text, List<Token> tokens, String[] words, Kind kind, boolean atHead, List<Item> items,
                      List<NoteSection> sections, List<Finding> findings, List<String> concepts,
                      List<NoteMedication> meds, List<Allergy> allergies) {
        if (items.isEmpty()) {
            return;
        }
        boolean hypothetical = kind == Kind.CONDITION || kind == Kind.WARNING;
        FindingStatus status = hypothetical ? FindingStatus.HYPOTHETICAL : FindingStatus.DENIED;
        boolean alternatives = false;
        for (Item it : items) {
            alternatives |= it.first() > 0 && words[it.first() - 1] != null && ALTERNATIVES.contains(words[it.first() - 1]);
        }
        // a bare negation inside a sentence reaches one item, unless "or"/"ni" joins the list ("Cough, no haemoptysis,
        // weight loss or night sweats")
        int reach = kind == Kind.BARE && !atHead && !alternatives ? 1 : items.size();
        boolean carries = hypothetical || kind == Kind.DENIAL || alternatives;
        for (int k = 0; k < Math.min(reach, items.size()); k++) {
            Item raw = items.get(k);
            if (kind != Kind.WARNING && k > 0 && !raw.joined() && items.get(k - 1).joined()) {
                // "sin tos ni mocos, fiebre 38,6": the list ended with its "ni"/"or" item; a comma after it starts
                // another clause
                return;
            }
            Item it = trim(words, raw);
            if (it == null) {
                continue;
            }
            if (hypothetical && consequences.contains(words[it.first()])) {
                // "…, acudir a urgencias", "…, call 999": the safety-net's consequence ends the list
                return;
            }
            if (kind == Kind.BARE && k > 0 && describes(words, it)) {
                // "sin fiebre, tos con flema": an item described in words of its own is stated
                return;
            }
            Span span = new Span(tokens.get(it.first()).start(), tokens.get(it.end() - 1).end());
            if (marked(text, tokens, it)) {
                // "Niega disuria, hematuria (+)", "+ edema": a positive mark states the item
                continue;
            }
            List<Integer> read = overlapping(findings, span);
            if (!read.isEmpty()) {
                if (carries && items.size() > 1 && extraWords(words, tokens, it, findings, read) <= MAX_EXTRA_WORDS) {
                    for (int f : read) {
                        Finding g = findings.get(f);
                        if (g.status() == FindingStatus.PRESENT
                                || hypothetical && g.status() == FindingStatus.FAMILY) {
                            findings.set(f, new Finding(g.text(), g.span(), status, g.evidence(), g.values(),
                                    g.section(), g.typo()));
                        }
                    }
                }
                continue;
            }
            if (insideMedicationOrAllergy(span, meds, allergies) || !clinical(words, it, raw)) {
                continue;
            }
            SectionKind section = SectionDetector.sectionAt(sections, span.start(), SectionKind.HISTORY_OF_PRESENT_ILLNESS);
            int at = 0;
            while (at < findings.size() && findings.get(at).span().start() < span.start()) {
                at++;
            }
            findings.add(at, new Finding(span.of(text), span, status, codeOf(words, it), List.of(), section, false));
            concepts.add(at, null);
        }
    }

    /** Length of the longest trigger at word {@code i}, 0 when none. */
    private static int triggerAt(String[] words, int i, int sentenceEnd) {
        if (words[i] == null) {
            return 0;
        }
        for (int len = Math.min(LONGEST_TRIGGER, sentenceEnd - i); len >= 1; len--) {
            String p = phrase(words, i, i + len);
            if (p != null && TRIGGERS.containsKey(p)) {
                return len;
            }
        }
        return 0;
    }

    private static String phrase(String[] words, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < to; k++) {
            if (words[k] == null) {
                return null;
            }
            if (k > from) {
                sb.append(' ');
            }
            sb.append(words[k]);
        }
        return sb.toString();
    }

    /** The punctuation the tokens do not show between token {@code k - 1} and token {@code k}. */
    private static String gapBefore(String text, List<Token> tokens, int k) {
        return k == 0 ? "" : text.substring(tokens.get(k - 1).end(), tokens.get(k).start());
    }

    /** Whether the trigger at word {@code i} heads its clause (the sentence's start or a colon before it). */
    private static boolean clauseHead(String text, List<Token> tokens, int i, int sentenceStart) {
        return i == sentenceStart || gapBefore(text, tokens, i).contains(":");
    }

    /** The word index where a trigger's list ends: a colon, bracket or dash after its first word, a new clause. */
    private int scopeEnd(String text, List<Token> tokens, String[] words, Kind kind, int from, int sentenceEnd) {
        for (int k = from; k < sentenceEnd; k++) {
            String gap = gapBefore(text, tokens, k);
            if (k > from && (gap.contains(":") || gap.contains("(")) || gap.contains(")") || gap.contains("->")
                    || gap.contains("\u2192") || gap.contains(" - ") || gap.contains(" \u2013 ")) {
                return k;
            }
            if (words[k] == null) {
                continue;
            }
            if (CLAUSE_WORDS.contains(words[k])
                    || (kind == Kind.DENIAL || kind == Kind.BARE) && ASSERTIONS.contains(words[k])) {
                return k;
            }
            int len = triggerAt(words, k, sentenceEnd);
            if (len > 0 && k > from) {
                Kind other = TRIGGERS.get(phrase(words, k, k + len));
                boolean negationInCondition = (kind == Kind.CONDITION || kind == Kind.WARNING)
                        && (other == Kind.BARE || other == Kind.DENIAL);
                if (!negationInCondition) {
                    return k;
                }
            }
        }
        return sentenceEnd;
    }

    /** The list's items: words split at commas, slashes and coordinators. */
    private static List<Item> items(String text, List<Token> tokens, String[] words, int from, int to) {
        List<Item> out = new ArrayList<>();
        int start = from;
        for (int k = from; k <= to; k++) {
            boolean split = k == to || words[k] == null || COORDINATORS.contains(words[k])
                    || k > from && gapBefore(text, tokens, k).contains("/");
            if (!split) {
                continue;
            }
            if (k > start) {
                out.add(new Item(start, k, start > from && words[start - 1] != null
                        && COORDINATORS.contains(words[start - 1])));
            }
            start = k < to && words[k] != null && !COORDINATORS.contains(words[k]) ? k : k + 1;
        }
        return out;
    }

    /** The item without its leading fillers and from its first number on; {@code null} when nothing is left. */
    private Item trim(String[] words, Item it) {
        int first = it.first();
        int end = it.end();
        for (int k = first; k < end; k++) {
            if (REPORTED.contains(words[k])) {
                // "color change per mom": who reported it is no part of the finding
                end = k;
                break;
            }
            if (Character.isDigit(words[k].charAt(0))) {
                end = k;
                while (end > first && (BEFORE_NUMBER.contains(words[end - 1]) || fillers.contains(words[end - 1]))) {
                    end--;
                }
                break;
            }
        }
        while (first < end && fillers.contains(words[first])) {
            first++;
        }
        while (end > first && fillers.contains(words[end - 1])) {
            end--;
        }
        return first < end ? new Item(first, end) : null;
    }

    /** The evidence a code word of the item names ("no recent surgery": E_196), {@code null} when none. */
    private com.mediassist.core.knowledge.Finding codeOf(String[] words, Item it) {
        for (int k = it.first(); k < it.end(); k++) {
            String code = codes.get(words[k]);
            if (code != null) {
                return com.mediassist.core.knowledge.Finding.of(com.mediassist.core.knowledge.EvidenceCode.of(code));
            }
        }
        return null;
    }

    /** Whether a "+" stands right before or right after the item. */
    private static boolean marked(String text, List<Token> tokens, Item it) {
        int after = it.end() < tokens.size() ? tokens.get(it.end()).start() : text.length();
        return gapBefore(text, tokens, it.first()).contains("+")
                || text.substring(tokens.get(it.end() - 1).end(), after).contains("+");
    }

    private static boolean describes(String[] words, Item it) {
        for (int k = it.first(); k < it.end(); k++) {
            if (DESCRIBING.contains(words[k])) {
                return true;
            }
        }
        return false;
    }

    /** Whether an item names a symptom or clinical state: a cue word, no blocking word, not a clause. */
    private boolean clinical(String[] words, Item it, Item raw) {
        int content = 0;
        int rawContent = 0;
        for (int k = raw.first(); k < raw.end(); k++) {
            rawContent += fillers.contains(words[k]) ? 0 : 1;
        }
        boolean cue = false;
        boolean generalCue = false;
        for (int k = it.first(); k < it.end(); k++) {
            String w = words[k];
            if (blocks.contains(w)) {
                return false;
            }
            if (!fillers.contains(w)) {
                content++;
            }
            cue |= cues.contains(w) || startsWithAny(w, cuePrefixes);
            generalCue |= generalCues.contains(w) || startsWithAny(w, generalCuePrefixes);
        }
        return content <= MAX_ITEM_WORDS && (cue || generalCue && rawContent >= 2);
    }

    private static boolean startsWithAny(String w, List<String> prefixes) {
        for (String p : prefixes) {
            if (w.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static List<Integer> overlapping(List<Finding> findings, Span span) {
        List<Integer> out = new ArrayList<>();
        for (int f = 0; f < findings.size(); f++) {
            if (findings.get(f).span().overlaps(span)) {
                out.add(f);
            }
        }
        return out;
    }

    /** Words of an item outside the findings the lexicon read in it, fillers not counted. */
    private int extraWords(String[] words, List<Token> tokens, Item it, List<Finding> findings, List<Integer> read) {
        int extra = 0;
        for (int k = it.first(); k < it.end(); k++) {
            boolean inside = false;
            for (int f : read) {
                Span s = findings.get(f).span();
                inside |= s.start() <= tokens.get(k).start() && tokens.get(k).end() <= s.end();
            }
            if (!inside && !fillers.contains(words[k])) {
                extra++;
            }
        }
        return extra;
    }

    private static boolean insideMedicationOrAllergy(Span span, List<NoteMedication> meds, List<Allergy> allergies) {
        for (NoteMedication m : meds) {
            if (m.span().overlaps(span)) {
                return true;
            }
        }
        for (Allergy a : allergies) {
            if (a.span().overlaps(span)) {
                return true;
            }
        }
        return false;
    }
}
