package com.mediassist.core.summary.sections;

import com.mediassist.core.summary.KnowledgeFileException;
import com.mediassist.core.summary.NoteSection;
import com.mediassist.core.summary.SectionKind;
import com.mediassist.core.summary.Span;
import com.mediassist.core.summary.lexicon.ExamLabels;
import com.mediassist.core.summary.lexicon.Tokenizer;
import com.mediassist.core.summary.lexicon.TsvResource;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits a note into sections. Immutable and thread-safe once loaded.
 */
public final class SectionDetector {

    /** Longest heading considered, in characters. */
    private static final int MAX_HEADING = 40;
    /** Exam sub-headings ("AP: MVC", "AC: rítmico") that also mean past history elsewhere. */
    private static final List<String> EXAM_SUBHEADINGS = List.of("ap", "ac", "acp", "abd", "abdomen", "orl", "neuro");
    /**
     * Folded first words of an auscultation ("AP: crepitantes bibasales", "AC: rítmica"): after one of these, an exam
     * sub-heading is the examination even outside an examination section, never the past history it also abbreviates.
     */
    private static final Set<String> AUSCULTATION_OPENINGS = Set.of("crepitantes", "crepitante", "crepitos", "roncus",
            "sibilancias", "sibilantes", "mvc", "mv", "mvp", "murmullo", "hipoventilacion", "hipofonesis", "roce",
            "soplo", "tonos", "ritmico", "ritmica", "arritmico", "arritmica");

    private static final List<SectionKind> CUE_ORDER = List.of(SectionKind.ALLERGIES, SectionKind.EXAMINATION,
            SectionKind.PLAN, SectionKind.ASSESSMENT, SectionKind.MEDICATIONS, SectionKind.FAMILY_HISTORY,
            SectionKind.PAST_HISTORY, SectionKind.REASON_FOR_VISIT);

    private final Map<String, SectionKind> headings = new HashMap<>();
    private final Map<SectionKind, List<String>> cues = new EnumMap<>(SectionKind.class);
    private final ExamLabels examLabels = ExamLabels.loadDefault();

    private SectionDetector() {
    }

    /** Loads {@code summary/section-headings.tsv} and {@code summary/section-cues.tsv}. */
    public static SectionDetector loadDefault() {
        SectionDetector d = new SectionDetector();
        for (TsvResource.Row row : TsvResource.read("summary/section-headings.tsv", 3)) {
            d.headings.putIfAbsent(key(row.cells()[2]), kind(row, "summary/section-headings.tsv"));
        }
        for (TsvResource.Row row : TsvResource.read("summary/section-cues.tsv", 2)) {
            d.cues.computeIfAbsent(kind(row, "summary/section-cues.tsv"), k -> new ArrayList<>())
                    .add(" " + key(row.cells()[1]) + " ");
        }
        return d;
    }

    private static SectionKind kind(TsvResource.Row row, String path) {
        try {
            return SectionKind.fromJsonName(row.cells()[0]);
        } catch (IllegalArgumentException e) {
            throw new KnowledgeFileException(path + " line " + row.line() + ": " + e.getMessage(), e);
        }
    }

    /** Whether the first word from {@code from} on is an examination word ({@code summary/exam-labels.tsv}). */
    private boolean examWordFollows(String text, int from) {
        String[] next = Tokenizer.words(text.substring(from, Math.min(text.length(), from + MAX_HEADING)));
        return next.length > 0 && examLabels.isExamWord(next[0]);
    }

    /** Folded words joined by single spaces. */
    static String key(String s) {
        return String.join(" ", Tokenizer.words(s));
    }

    /** Heading words, for typo correction to leave alone. */
    public List<String> vocabulary() {
        List<String> out = new ArrayList<>();
        for (String h : headings.keySet()) {
            out.addAll(List.of(h.split(" ")));
        }
        return out;
    }

    private record Heading(int start, int contentStart, SectionKind kind, String text) {
    }

    /**
     * Sections of {@code text}, in order, covering every non-blank part of it.
     */
    public List<NoteSection> detect(String text) {
        List<Heading> found = findHeadings(text);
        List<NoteSection> out = new ArrayList<>();
        int firstHeading = found.isEmpty() ? text.length() : found.get(0).start();
        classifyUnheaded(text, 0, firstHeading, null, out);
        for (int i = 0; i < found.size(); i++) {
            Heading h = found.get(i);
            int end = i + 1 < found.size() ? found.get(i + 1).start() : text.length();
            int cut = h.kind() == SectionKind.PAST_HISTORY || h.kind() == SectionKind.FAMILY_HISTORY
                    ? historyEnd(text, h.contentStart(), end) : end;
            Span span = trim(text, h.start(), cut);
            if (span != null) {
                out.add(new NoteSection(h.kind(), h.text(), span.of(text), span));
            }
            if (cut < end) {
                classifyUnheaded(text, cut, end, SectionKind.HISTORY_OF_PRESENT_ILLNESS, out);
            }
        }
        return out;
    }

    /** What a history heading may hold when there is nothing to tell ("AP: sin interés.", "FH: nil."), folded. */
    private static final Set<String> NOTHING = Set.of("nil", "none", "no", "nada", "ninguno", "ninguna", "ningunos",
            "sin interes", "sin interes para el proceso actual", "sin antecedentes de interes", "nada de interes",
            "no relevantes", "sin relevancia", "negativos", "negativo", "desconocidos", "nil of note", "nothing of note",
            "unremarkable", "non contributory", "noncontributory", "nil relevant", "none known", "nkda", "n a", "nad");
    /**
     * Words opening a sentence that tells the present illness ("Reports …", "Refiere …", "Consulta por …"), what the
     * patient takes now ("Toma losartán y terapia hormonal", "Takes HRT") or today's vital signs ("vitals BP 148/92").
     */
    private static final Set<String> PRESENT_OPENERS = Set.of("reports", "complains", "presents", "presenting", "today",
            "refiere", "consulta", "acude", "hoy", "aqueja", "toma", "takes", "vitals", "constantes");
    /** Words opening a sentence that states a condition, the plan's safety-netting ("Si disnea, acudir"). */
    private static final Set<String> CONDITION_OPENERS = Set.of("si", "if", "should");

    /**
     * Where a past- or family-history section written inline after its heading ends when the note goes on without
     * another heading: after a nil statement ("AP: sin interés. Tos de una semana."), or at the first later sentence
     * on the heading's line that says why the patient comes ("AF: madre asma. Consulta por fiebre.") or opens with a
     * condition ("FHx: father MI. Return if SOB." has "Return if"; "Si disnea, acudir"), or at the first later
     * sentence, on any line, that opens with the present illness ("Reports ankles swollen", "Refiere tos").
     * {@code end} when none.
     */
    private int historyEnd(String text, int contentStart, int end) {
        List<int[]> sentences = sentences(text, contentStart, end);
        if (sentences.size() < 2) {
            return end;
        }
        String first = key(text.substring(sentences.get(0)[0], sentences.get(0)[1]));
        if (NOTHING.contains(first)) {
            return sentences.get(1)[0];
        }
        for (int k = 1; k < sentences.size(); k++) {
            int[] sentence = sentences.get(k);
            boolean laterLine = text.substring(contentStart, sentence[0]).indexOf('\n') >= 0;
            String folded = " " + key(text.substring(sentence[0], sentence[1])) + " ";
            String[] words = folded.strip().split(" ");
            String opener = words.length > 0 ? words[0] : "";
            if (PRESENT_OPENERS.contains(opener) || opensWithOnset(words) || informantTells(words)) {
                // "Reports ankles a bit swollen by evening": the visit's own story, on the heading's line or a later one
                return sentence[0];
            }
            if (laterLine && opensWithVitals(words)) {
                // "AP: HTA, DLP.\nTA 165/95, FC 98. Pálido y sudoroso.": a later line opening with a measured vital
                // sign is the examination, not more history
                return sentence[0];
            }
            if (!laterLine && (matches(folded, SectionKind.REASON_FOR_VISIT) || CONDITION_OPENERS.contains(opener)
                    || folded.contains(" return if ") || folded.contains(" acudir si ") || folded.contains(" volver si "))) {
                return sentence[0];
            }
        }
        return end;
    }

    /** Who may tell today's story for the patient ("Daughter worried: 2 falls", "Mum says", "la madre refiere"). */
    private static final Set<String> INFORMANTS = Set.of("daughter", "son", "wife", "husband", "mum", "mom", "mother",
            "dad", "father", "carer", "hija", "hijo", "esposa", "esposo", "mujer", "marido", "madre", "padre", "cuidadora");
    /** What an informant does when telling today's story. */
    private static final Set<String> INFORMANT_VERBS = Set.of("worried", "concerned", "says", "reports", "states",
            "notes", "noticed", "preocupada", "preocupado", "refiere", "cuenta", "dice", "comenta");

    /**
     * Whether a sentence opens with an informant telling today's story ("Daughter worried: 2 falls in last month",
     * "Mum says he is wheezy", "La hija refiere que"): the history written after a heading has ended.
     */
    private static boolean informantTells(String[] words) {
        int i = words.length > 0 && ("la".equals(words[0]) || "el".equals(words[0]) || "su".equals(words[0])) ? 1 : 0;
        return words.length > i + 1 && INFORMANTS.contains(words[i]) && INFORMANT_VERBS.contains(words[i + 1]);
    }

    /** Folded labels of a vital sign measured at the visit ("TA 165/95, FC 98", "BP 130/76", "sats 95%"). */
    private static final Set<String> VITAL_LABELS = Set.of("ta", "tas", "pa", "fc", "fr", "sato2", "sat", "sats", "spo2",
            "bp", "hr", "rr", "temp", "t", "tª", "p", "pulse", "peso", "wt", "glucemia");

    /**
     * Whether a sentence opens with a vital sign's label and its number ("TA 165/95", "HR 112", "T 38.2"): on a later
     * line than a history heading, the history written inline after its heading has ended and today's visit goes on.
     */
    private static boolean opensWithVitals(String[] words) {
        return words.length >= 2 && VITAL_LABELS.contains(words[0]) && !words[1].isEmpty()
                && Character.isDigit(words[1].charAt(0));
    }

    /** Units of a present illness's duration ("3 days", "2 months of", "4/7"): years are left to the history. */
    private static final Set<String> ONSET_UNITS = Set.of("h", "hrs", "hours", "hour", "d", "day", "days", "dias",
            "dia", "horas", "hora", "wk", "wks", "week", "weeks", "semana", "semanas", "month", "months", "mes", "meses",
            "7", "52");
    /** Openers of a present illness's onset that need no number ("Esta última semana", "Since yesterday", "Desde esta madrugada"). */
    private static final Set<String> ONSET_PHRASES = Set.of("esta ultima semana", "esta semana", "esta manana",
            "esta madrugada", "esta noche", "desde esta", "desde ayer", "desde anoche", "desde hace", "this week",
            "this morning", "since yesterday", "since last", "over the last", "over the past", "for the last",
            "for the past", "last night", "yesterday", "ayer", "anoche");

    /**
     * Whether a sentence opens with the onset or duration of the complaint ("4/7 cough", "3 days heart fluttering",
     * "2 months of chest tightness", "Esta última semana el dolor…", "Hace 12 días…"), not a dated earlier episode
     * ("2 months ago appendicectomy", "Hace 2 años IAM").
     */
    public static boolean opensWithOnset(String[] words) {
        if (words.length < 2) {
            return false;
        }
        String two = words[0] + " " + words[1];
        String three = words.length > 2 ? two + " " + words[2] : two;
        for (String phrase : ONSET_PHRASES) {
            String[] parts = phrase.split(" ");
            if (parts.length == 1 ? words[0].equals(phrase) : parts.length == 2 ? two.equals(phrase) : three.equals(phrase)) {
                return true;
            }
        }
        int first = "hace".equals(words[0]) ? 1 : 0;
        if (words.length < first + 2 || !words[first].chars().allMatch(Character::isDigit) || words[first].length() > 2) {
            return false;
        }
        boolean unit = ONSET_UNITS.contains(words[first + 1]);
        boolean ago = words.length > first + 2 && "ago".equals(words[first + 2]);
        return unit && !ago;
    }

    private List<Heading> findHeadings(String text) {
        List<Heading> out = new ArrayList<>();
        SectionKind current = null;
        int n = text.length();
        int pos = 0;
        while (pos < n) {
            int p = pos;
            while (p < n && (text.charAt(p) == ' ' || text.charAt(p) == '\t' || text.charAt(p) == '-'
                    || text.charAt(p) == '*' || text.charAt(p) == '•')) {
                p++;
            }
            Heading h = headingAt(text, p, current);
            if (h != null && h.kind() == SectionKind.PLAN && !seenExamOrAssessment(out) && isTreatmentWord(h.text())) {
                // "Tto:" before the examination lists what the patient already takes
                h = new Heading(h.start(), h.contentStart(), SectionKind.MEDICATIONS, h.text());
            }
            if (h != null && h.kind() == SectionKind.PLAN && out.isEmpty() && text.substring(0, h.start()).isBlank()
                    && isFollowUpWord(h.text())) {
                // "Follow-up: 38M, asthma…" opening the note names the visit, not its plan
                h = new Heading(h.start(), h.contentStart(), SectionKind.REASON_FOR_VISIT, h.text());
            }
            if (h != null) {
                out.add(h);
                current = h.kind();
            }
            pos = nextCandidate(text, h == null ? p : h.contentStart());
        }
        return out;
    }

    private static boolean seenExamOrAssessment(List<Heading> found) {
        for (Heading h : found) {
            if (h.kind() == SectionKind.EXAMINATION || h.kind() == SectionKind.ASSESSMENT || h.kind() == SectionKind.PLAN) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFollowUpWord(String heading) {
        String k = key(heading);
        return k.equals("follow up") || k.equals("seguimiento") || k.equals("control") || k.equals("revision");
    }

    private static boolean isTreatmentWord(String heading) {
        String k = key(heading);
        return k.equals("tto") || k.equals("tratamiento") || k.equals("treatment");
    }

    /** Next line start or sentence start after {@code from}. */
    private static int nextCandidate(String text, int from) {
        int n = text.length();
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return i + 1;
            }
            if (c == '.' && i + 1 < n && text.charAt(i + 1) == ' ') {
                return i + 2;
            }
        }
        return n;
    }

    /** The section a SOAP letter heads ("S:", "O/", "A:", "P/"), or {@code null}. */
    private static SectionKind soapLetter(String text, int p) {
        int n = text.length();
        if (p + 1 >= n || (text.charAt(p + 1) != ':' && text.charAt(p + 1) != '/')
                || (p + 2 < n && !Character.isWhitespace(text.charAt(p + 2)))) {
            return null;
        }
        return switch (text.charAt(p)) {
            case 'S' -> SectionKind.HISTORY_OF_PRESENT_ILLNESS;
            case 'O' -> SectionKind.EXAMINATION;
            case 'A' -> SectionKind.ASSESSMENT;
            case 'P' -> SectionKind.PLAN;
            default -> null;
        };
    }

    private Heading headingAt(String text, int p, SectionKind current) {
        int n = text.length();
        SectionKind soap = p < n ? soapLetter(text, p) : null;
        if (soap != null) {
            return new Heading(p, p + 2, soap, text.substring(p, p + 1));
        }
        int limit = Math.min(n, p + MAX_HEADING);
        for (int i = p; i < limit; i++) {
            char c = text.charAt(i);
            if (c == ':' || c == '\n' || (c == '.' && (i + 1 >= n || text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\n'))) {
                if (c == '.' && i == p) {
                    return null;
                }
                boolean lineEnd = c == '\n';
                if (c != ':' && !lineEnd) {
                    return null;
                }
                String k = key(text.substring(p, i));
                SectionKind kind = headings.get(k);
                if (kind == null || k.isEmpty()) {
                    return null;
                }
                if (lineEnd && !(p == 0 || text.charAt(p - 1) == '\n' || Character.isWhitespace(text.charAt(p - 1)))) {
                    return null;
                }
                if (current == SectionKind.EXAMINATION && EXAM_SUBHEADINGS.contains(k)) {
                    return null;
                }
                if (c == ':' && EXAM_SUBHEADINGS.contains(k)
                        && (opensAnAuscultation(text, i + 1) || examWordFollows(text, i + 1))) {
                    // "AP: crepitantes finos" is the auscultation, not the past history, even outside an examination
                    return new Heading(p, i + 1, SectionKind.EXAMINATION, text.substring(p, i).strip());
                }
                return new Heading(p, i + 1, kind, text.substring(p, i).strip());
            }
        }
        if (limit == n && n - p <= MAX_HEADING && n > p) {
            String k = key(text.substring(p, n));
            SectionKind kind = headings.get(k);
            if (kind != null && !k.isEmpty()) {
                return new Heading(p, n, kind, text.substring(p, n).strip());
            }
        }
        return null;
    }

    private static boolean opensAnAuscultation(String text, int from) {
        String[] words = Tokenizer.words(text.substring(from, Math.min(text.length(), from + MAX_HEADING)));
        return words.length > 0 && AUSCULTATION_OPENINGS.contains(words[0]);
    }

    private void classifyUnheaded(String text, int from, int to, SectionKind initial, List<NoteSection> out) {
        SectionKind prev = initial;
        int start = -1;
        SectionKind runKind = null;
        int runStart = -1;
        int runEnd = -1;
        List<int[]> sentences = sentences(text, from, to);
        boolean first = true;
        for (int[] s : sentences) {
            String folded = " " + key(text.substring(s[0], s[1])) + " ";
            SectionKind kind = cueKind(folded, first);
            if (kind == null) {
                kind = prev == null || prev == SectionKind.REASON_FOR_VISIT
                        ? (first ? SectionKind.REASON_FOR_VISIT : SectionKind.HISTORY_OF_PRESENT_ILLNESS) : prev;
            }
            first = false;
            if (kind != runKind) {
                if (runKind != null) {
                    add(text, runKind, runStart, runEnd, out);
                }
                runKind = kind;
                runStart = s[0];
            }
            runEnd = s[1];
            prev = kind;
            start = s[0];
        }
        if (runKind != null && start >= 0) {
            add(text, runKind, runStart, runEnd, out);
        }
    }

    private static void add(String text, SectionKind kind, int start, int end, List<NoteSection> out) {
        Span span = trim(text, start, end);
        if (span != null) {
            out.add(new NoteSection(kind, null, span.of(text), span));
        }
    }

    private SectionKind cueKind(String folded, boolean first) {
        if (first && matches(folded, SectionKind.REASON_FOR_VISIT)) {
            return SectionKind.REASON_FOR_VISIT;
        }
        for (SectionKind k : CUE_ORDER) {
            // a note opens with why the patient came: "Follow-up of depression" is not a plan
            if (first && (k == SectionKind.PLAN || k == SectionKind.ASSESSMENT)) {
                continue;
            }
            if (matches(folded, k)) {
                return k;
            }
        }
        return null;
    }

    private boolean matches(String folded, SectionKind kind) {
        for (String cue : cues.getOrDefault(kind, List.of())) {
            if (folded.contains(cue)) {
                return true;
            }
        }
        return false;
    }

    /** Sentence ranges in {@code [from, to)}: ends at ". ", "!", "?", ";" or a line break. */
    private static List<int[]> sentences(String text, int from, int to) {
        List<int[]> out = new ArrayList<>();
        int start = from;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            boolean end = c == '\n' || c == ';'
                    || ((c == '.' || c == '!' || c == '?') && (i + 1 >= to || Character.isWhitespace(text.charAt(i + 1))));
            if (end) {
                if (trim(text, start, i + 1) != null) {
                    out.add(new int[] {start, i + 1});
                }
                start = i + 1;
            }
        }
        if (trim(text, start, to) != null) {
            out.add(new int[] {start, to});
        }
        return out;
    }

    /** The span without surrounding white space, {@code null} when blank. */
    static Span trim(String text, int start, int end) {
        int s = start;
        int e = end;
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return s < e ? new Span(s, e) : null;
    }

    /**
     * The section containing character {@code offset} (the last one starting at or before it), or
     * {@code null}; binary search, the sections being in text order.
     */
    public static NoteSection sectionAt(List<NoteSection> sections, int offset) {
        int lo = 0;
        int hi = sections.size() - 1;
        NoteSection best = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            NoteSection s = sections.get(mid);
            if (s.span().start() <= offset) {
                best = s;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }

    /** The kind of the section containing character {@code offset}, or {@code fallback}. */
    public static SectionKind sectionAt(List<NoteSection> sections, int offset, SectionKind fallback) {
        NoteSection s = sectionAt(sections, offset);
        return s == null ? fallback : s.kind();
    }

    /** Headings per section kind, for documentation and tests. */
    public Map<String, SectionKind> headings() {
        return new LinkedHashMap<>(headings);
    }
}
