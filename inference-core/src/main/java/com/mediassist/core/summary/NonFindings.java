package com.mediassist.core.summary;

import com.mediassist.core.summary.lexicon.LexiconEntry;
import com.mediassist.core.summary.lexicon.Token;
import com.mediassist.core.summary.lexicon.Tokenizer;
import com.mediassist.core.summary.lexicon.TsvResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Words a lexicon form matches that are no finding where they stand (issue 16, precision pass): tests, procedures
 * and products named in {@code summary/non-findings.tsv} ("maniobra de Epley", "flu swab", "alcohol gel", "fit
 * note"); the condition of an as-needed prescription and the items listed with it ("ibuprofeno si precisa por dolor
 * o fiebre", "salbutamol PRN wheeze or shortness of breath"); the words of a product name after a medicine ("NyQuil
 * Cold &amp; Flu", "Mucinex DM"); a time or circumstance of taking a medicine ("atorvastatina 20 mg por la noche",
 * "take one tablet at night"); a habit named as the object of advice ("cut back alcohol", "reducir café",
 * "smoking cessation"). Findings of one habit written in two pieces ("fumador de" + "20 cigarrillos al día") are one
 * finding ({@link #joinHabitQuantities}; {@code concepts} runs beside the findings).
 */
final class NonFindings {

    private static final String PATH = "summary/non-findings.tsv";

    /** Words that make what follows the condition of an as-needed medicine. */
    private static final Set<String> PRN_CUES = Set.of("si", "prn", "needed", "demanda", "precisa", "precise",
            "required", "requerido");
    /** As-needed cues written only of medicines, which need no medicine found before them. */
    private static final Set<String> STRONG_PRN_CUES = Set.of("prn", "needed", "demanda", "precisa", "precise");
    /** Words that may stand between an as-needed cue and its findings, or between the findings of its list. */
    private static final Set<String> PRN_FILLERS = Set.of("o", "u", "y", "e", "ni", "or", "and", "por", "para", "for",
            "el", "la", "los", "las", "de", "the", "as", "a", "of", "hay", "tiene", "intenso", "intensa", "severe",
            "fuerte", "mucho", "mucha");
    /** Evidences that say when or in which circumstance symptoms come, not a symptom. */
    private static final Set<String> CIRCUMSTANCES = Set.of("E_219", "E_14", "E_218", "E_215", "E_217");
    /** Words of taking a medicine that make a following time its schedule. */
    private static final Set<String> DOSING = Set.of("tomar", "toma", "tome", "tomara", "comprimido", "comprimidos",
            "capsula", "capsulas", "sobres", "dosis", "take", "takes", "taken", "tablet", "tablets", "capsule",
            "capsules", "dose", "apply", "applied", "puff", "puffs", "inhalaciones", "inhalacion", "mg", "mcg", "g",
            "ml", "ui", "units");
    /** Words naming an electrocardiogram, whose reading after a colon is no finding. */
    private static final Set<String> ECG = Set.of("ecg", "ekg", "electrocardiograma", "electrocardiogram");
    /** Smoking now (E_79) and in the past (E_191). */
    private static final Set<String> SMOKING = Set.of("E_79", "E_191");
    /** Verbs ordering a test: a finding without a DDXPlus evidence right after one is the test's name. */
    private static final Set<String> ORDER = Set.of("solicito", "solicita", "solicitan", "solicitamos", "solicitar",
            "pido", "pide", "piden", "pedimos", "pedir", "ordered", "order", "orders", "send", "sent", "request",
            "requested", "arrange", "arranged", "recoger", "recoge");
    /** Habits a plan or advice may name without the patient having them now. */
    private static final Set<String> HABITS = Set.of("E_78", "E_35", "E_143", "E_60", "E_79");
    /** Advice verbs whose object is the habit to change, not a finding. */
    private static final Set<String> ADVICE = Set.of("evitar", "evite", "reducir", "reduzca", "reduce", "disminuir",
            "disminuya", "moderar", "modere", "limitar", "limite", "avoid", "cut", "limit", "moderate",
            "about", "deje", "abandonar", "abandone", "minimise", "minimize", "restrict", "restringir");
    /** Words after a habit that make it the subject of advice ("smoking cessation", "alcohol advice"). */
    private static final Set<String> ADVICE_AFTER = Set.of("cessation", "advice", "counselling", "counseling",
            "counselled", "counseled", "deshabituacion");
    /** Words of a product name after its brand ("Pain Relief", "Cold &amp; Flu tablets"). */
    private static final Set<String> PRODUCT_NOUNS = Set.of("relief", "max", "extra", "plus", "complex", "forte",
            "tablets", "sachets", "capsules", "syrup", "spray");

    private final List<String[]> phrases = new ArrayList<>();

    static NonFindings loadDefault() {
        NonFindings n = new NonFindings();
        for (TsvResource.Row row : TsvResource.read(PATH, 2)) {
            String[] words = Tokenizer.words(row.cells()[1].trim());
            if (words.length == 0) {
                throw new KnowledgeFileException(PATH + " line " + row.line() + ": empty phrase");
            }
            n.phrases.add(words);
        }
        return n;
    }

    /**
     * Whether the lexicon match of words {@code [first, end)} is no finding where it stands.
     *
     * @param original the note's folded words as written, null for punctuation
     * @param words    the same after typo correction
     */
    boolean isNone(String text, List<Token> tokens, String[] original, String[] words, boolean[] inFinding, int first, int end,
                   LexiconEntry entry, List<NoteMedication> meds, int sentenceStart, int sentenceEnd) {
        if (insidePhrase(words, first, end) || insidePhrase(original, first, end)
                || afterElectrocardiogram(text, tokens, words, first, sentenceStart)
                || examHeading(text, tokens, first, end)) {
            return true;
        }
        String code = entry.evidence() == null ? null : entry.evidence().evidence().value();
        if (code == null && ordered(words, first, sentenceStart)) {
            return true;
        }
        if (code != null && CIRCUMSTANCES.contains(code) && schedulesMedicine(tokens, words, first, meds, sentenceStart)) {
            return true;
        }
        if (code != null && (HABITS.contains(code) && isAdvice(words, first, end, sentenceStart, sentenceEnd, 4)
                || CIRCUMSTANCES.contains(code) && isAdvice(words, first, end, sentenceStart, sentenceEnd, 7))) {
            return true;
        }
        // a habit is never what a medicine is taken for ("ventolin prn ex smoker" in a note without punctuation)
        return (code == null || !HABITS.contains(code) && !"E_191".equals(code)) && asNeeded(text, tokens, words, inFinding, first, meds, sentenceStart)
                || productName(text, tokens, first, end, meds, sentenceStart);
    }

    /** "ECG: taquicardia sinusal", "ECG: FA con RVR": what an ECG shows is no finding (annotation convention). */
    private static boolean afterElectrocardiogram(String text, List<Token> tokens, String[] words, int first,
                                                  int sentenceStart) {
        for (int k = first - 1; k >= sentenceStart && k >= first - 8; k--) {
            if (words[k] != null && ECG.contains(words[k])) {
                String after = text.substring(tokens.get(k).end(), Math.min(text.length(), tokens.get(k).end() + 2));
                return after.startsWith(":") || after.startsWith(" :");
            }
        }
        return false;
    }

    /** "PE: ill-appearing": the physical-examination heading of US notes is no pulmonary embolism. */
    private static boolean examHeading(String text, List<Token> tokens, int first, int end) {
        Token t = tokens.get(first);
        return end == first + 1 && "PE".equals(text.substring(t.start(), t.end()))
                && text.startsWith(":", t.end());
    }

    /** "Alergia a penicilina (exantema)": the reaction in brackets after an allergy belongs to the allergy. */
    static boolean allergyReaction(String text, List<Allergy> allergies, Span span) {
        for (Allergy a : allergies) {
            int e = a.span().end();
            if (e <= span.start() && text.substring(e, span.start()).matches("\\s*\\(\\s*")) {
                return true;
            }
        }
        return false;
    }

    private boolean insidePhrase(String[] words, int first, int end) {
        for (String[] p : phrases) {
            for (int s = Math.max(0, end - p.length); s <= first && s + p.length <= words.length; s++) {
                boolean all = true;
                for (int k = 0; k < p.length && all; k++) {
                    all = p[k].equals(words[s + k]);
                }
                if (all) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "ibuprofeno 600 mg si dolor o fiebre": a finding reached back over its list and an as-needed cue. */
    private static boolean asNeeded(String text, List<Token> tokens, String[] words, boolean[] inFinding, int first,
                                    List<NoteMedication> meds, int sentenceStart) {
        boolean cue = false;
        for (int k = first - 1; k >= sentenceStart && k >= first - 12; k--) {
            Token t = tokens.get(k);
            if ("punto".equals(words[k]) || "period".equals(words[k])) {
                // a dictated full stop ("… ibuprofeno punto si hay vómitos con sangre, urgencias") ends the prescription
                return false;
            }
            NoteMedication med = medicationAt(meds, t.start());
            if (med != null) {
                // the list's first item may be the medicine's own written condition ("si náuseas", "PRN wheeze")
                return cue || med.frequency() != null && hasCue(Tokenizer.words(med.frequency()));
            }
            if (cue && medicationEndsBefore(text, meds, t.start(), 50)) {
                return true;
            }
            if (!t.isWord()) {
                if (t.kind() == Token.Kind.COMMA) {
                    continue;
                }
                return false;
            }
            String w = words[k];
            if (w != null && STRONG_PRN_CUES.contains(w)) {
                // "PRN", "as needed", "a demanda", "si precisa" are written only of medicines
                return true;
            }
            if (w != null && PRN_CUES.contains(w)) {
                cue = true;
                if (medicationEndsBefore(text, meds, t.start(), 50)) {
                    return true;
                }
            } else if (!inFinding[k] && (w == null || !PRN_FILLERS.contains(w))) {
                return false;
            }
        }
        return false;
    }

    private static boolean hasCue(String[] words) {
        for (String w : words) {
            if (PRN_CUES.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** "atorvastatina 20 mg por la noche", "take one tablet at night": the time is the medicine's schedule. */
    private static boolean schedulesMedicine(List<Token> tokens, String[] words, int first, List<NoteMedication> meds,
                                             int sentenceStart) {
        for (int k = first - 1; k >= sentenceStart && k >= first - 6; k--) {
            Token t = tokens.get(k);
            if (insideMedication(meds, t.start()) || words[k] != null && DOSING.contains(words[k])) {
                return true;
            }
        }
        return false;
    }

    /** "se solicita sedimento", "pido exudado vaginal", "send urine culture": what is ordered is a test. */
    private static boolean ordered(String[] words, int first, int sentenceStart) {
        for (int k = first - 1; k >= sentenceStart && k >= first - 2; k--) {
            if (words[k] != null && ORDER.contains(words[k])) {
                return true;
            }
        }
        return false;
    }

    /** "cut back alcohol", "evitar café y alcohol", "smoking cessation advice". */
    private static boolean isAdvice(String[] words, int first, int end, int sentenceStart, int sentenceEnd, int window) {
        for (int k = first - 1; k >= sentenceStart && k >= first - window; k--) {
            if (words[k] != null && ADVICE.contains(words[k])) {
                return true;
            }
        }
        for (int k = end; k < sentenceEnd && k <= end + 1; k++) {
            if (words[k] != null && ADVICE_AFTER.contains(words[k])) {
                return true;
            }
        }
        return false;
    }

    /**
     * "NyQuil Cold &amp; Flu", "Sudafed Sinus and Pain Relief", "Mucinex DM": capitalised words right after a
     * medicine's name, or a capitalised pair joined by "&amp;"/"and" that a product noun or a capitalised word
     * precedes, name the product.
     */
    private static boolean productName(String text, List<Token> tokens, int first, int end, List<NoteMedication> meds,
                                       int sentenceStart) {
        if (first <= sentenceStart || !capitalised(text, tokens.get(first))) {
            return false;
        }
        // walk back over capitalised words and "&"/"and" to a medicine's name
        for (int k = first - 1; k >= sentenceStart && k >= first - 4; k--) {
            Token t = tokens.get(k);
            String gap = text.substring(t.end(), tokens.get(k + 1).start()).trim();
            if (!gap.isEmpty() && !gap.equals("&")) {
                break;
            }
            if (insideMedication(meds, t.start())) {
                return true;
            }
            if (!t.isWord() || !(capitalised(text, t) || "and".equals(t.folded()))) {
                break;
            }
        }
        Token last = tokens.get(end - 1);
        if (end < tokens.size()) {
            Token next = tokens.get(end);
            String gap = text.substring(last.end(), next.start()).trim();
            boolean joined = gap.equals("&") || gap.isEmpty() && "and".equals(next.folded());
            int after = gap.equals("&") ? end : end + 1;
            if (gap.isEmpty() && next.isWord() && capitalised(text, next) && PRODUCT_NOUNS.contains(next.folded())) {
                return true;
            }
            if (joined && after < tokens.size() && tokens.get(after).isWord() && capitalised(text, tokens.get(after))
                    && !text.substring(tokens.get(after).start(), tokens.get(after).end()).equals(
                            text.substring(tokens.get(after).start(), tokens.get(after).end()).toUpperCase(java.util.Locale.ROOT))) {
                Token before = tokens.get(first - 1);
                return before.isWord() && capitalised(text, before);
            }
        }
        // the second word of a product pair: "Cold & Flu", "Cold and Flu"
        if (first >= 2) {
            Token prev = tokens.get(first - 1);
            String gap = text.substring(prev.end(), tokens.get(first).start()).trim();
            Token pair = gap.equals("&") ? prev : "and".equals(prev.folded()) && gap.isEmpty() ? tokens.get(first - 2) : null;
            if (pair != null && pair.isWord() && capitalised(text, pair) && pair.start() > tokens.get(sentenceStart).start()) {
                int p = tokens.indexOf(pair);
                return p > sentenceStart && tokens.get(p - 1).isWord() && capitalised(text, tokens.get(p - 1));
            }
        }
        return false;
    }

    private static boolean capitalised(String text, Token t) {
        return t.isWord() && Character.isUpperCase(text.charAt(t.start()));
    }

    private static boolean insideMedication(List<NoteMedication> meds, int offset) {
        return medicationAt(meds, offset) != null;
    }

    private static NoteMedication medicationAt(List<NoteMedication> meds, int offset) {
        for (NoteMedication m : meds) {
            if (m.span().start() <= offset && offset < m.span().end()) {
                return m;
            }
        }
        return null;
    }

    /** Whether a medicine's span ends at most {@code within} characters before {@code offset}, on the same line. */
    private static boolean medicationEndsBefore(String text, List<NoteMedication> meds, int offset, int within) {
        for (NoteMedication m : meds) {
            int e = m.span().end();
            if (e <= offset && offset - e <= within) {
                String gap = text.substring(e, offset);
                // at most three words between, none a dictated full stop ("… si deja el tabaco punto si hay …")
                if (gap.indexOf('.') < 0 && gap.indexOf(';') < 0 && gap.indexOf('\n') < 0
                        && gap.trim().split("\\s+").length <= 3 && !gap.matches("(?is).*\\b(punto|period)\\b.*")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * "Fumador de" + "20 cigarrillos al día", "30 pack-year" + "smoker": two findings of one habit with only numbers
     * and small words between are one finding (its status the stronger of the two).
     */
    static void joinHabitQuantities(String text, List<Finding> findings, List<String> concepts) {
        for (int i = findings.size() - 2; i >= 0; i--) {
            Finding a = findings.get(i);
            Finding b = findings.get(i + 1);
            if (a.evidence() == null || b.evidence() == null || !SMOKING.contains(a.evidence().evidence().value())
                    || !SMOKING.contains(b.evidence().evidence().value()) || a.span().end() > b.span().start()) {
                continue;
            }
            String gap = text.substring(a.span().end(), b.span().start());
            if (gap.length() > 20 || gap.indexOf('.') >= 0 && !gap.matches(".*\\d\\.\\d.*") || gap.indexOf(';') >= 0
                    || gap.indexOf('\n') >= 0 || gap.split("[^\\p{L}]+").length > 4) {
                continue;
            }
            Span span = new Span(a.span().start(), b.span().end());
            FindingStatus status = rank(a.status()) >= rank(b.status()) ? a.status() : b.status();
            // a former smoker's amount ("ex fumador de 40 paquetes/año") stays the former smoker
            Finding kept = "E_191".equals(b.evidence().evidence().value()) ? b : a;
            findings.set(i, new Finding(span.of(text), span, status, kept.evidence(), kept.values(), a.section(),
                    a.typo() || b.typo()));
            findings.remove(i + 1);
            concepts.remove(i + 1);
        }
    }

    /** Status precedence: denied > family > hypothetical > historical > present. */
    static int rank(FindingStatus s) {
        return switch (s) {
            case DENIED -> 4;
            case FAMILY -> 3;
            case HYPOTHETICAL -> 2;
            case HISTORICAL -> 1;
            case PRESENT -> 0;
        };
    }
}
