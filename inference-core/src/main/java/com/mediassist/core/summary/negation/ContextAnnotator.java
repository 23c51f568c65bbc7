package com.mediassist.core.summary.negation;

import com.mediassist.core.summary.FindingStatus;
import com.mediassist.core.summary.lexicon.PhraseMatcher;

import java.util.EnumSet;
import java.util.Set;

/**
 * Decides the ConText status of findings in one note. Built per note from its words; immutable
 * rules are shared.
 *
 * <p>Scopes: a forward trigger reaches findings to its right up to {@value #FORWARD_WINDOW} words, a
 * backward one findings to its left up to {@value #BACKWARD_WINDOW} words; both stop at a sentence
 * boundary (a {@code null} word) and at a terminating phrase.
 */
public final class ContextAnnotator {

    static final int FORWARD_WINDOW = 14;
    static final int BACKWARD_WINDOW = 5;

    /** A trigger occurrence. */
    private record Hit(int first, int length, ContextRule rule) {
    }

    /** Words that may sit between a trigger and a comma without ending a list ("sin fiebre ni tos, ..."). */
    private static final Set<String> CONNECTORS = Set.of("ni", "o", "u", "y", "e", "nor", "or", "and", "de", "del",
            "la", "el", "los", "las", "en", "a", "al", "the", "of", "in", "any", "otra", "otros", "otras", "signos",
            "clinica", "datos", "episodios", "other", "signs", "symptoms", "sintomas");

    /**
     * Denial verbs that head a list whose items need not be bare findings ("Denies exertional component,
     * leg swelling, hemoptysis"): their scope crosses commas past unrelated words, unlike "sin" or "no".
     */
    private static final Set<String> LIST_DENIALS = Set.of("niega", "niegan", "denies", "denied", "deny", "no refiere",
            "no presenta", "negative for", "neg for", "negativo para");
    /** Words that start a new assertion inside a sentence; a list denial stops at them ("niega fiebre, refiere tos"). */
    private static final Set<String> ASSERTIONS = Set.of("refiere", "refieren", "presenta", "presento", "tiene", "aqueja",
            "describe", "pero", "aunque", "salvo", "excepto", "reports", "reported", "has", "had", "complains", "notes",
            "noted", "endorses", "describes", "but", "except", "although", "however", "with", "con", "now", "ahora",
            // "no fever no cough just a sore throat": what the patient has after a list of what they have not
            "just", "only", "solo", "unicamente", "solamente",
            // what the examination finds: "… en la exploracion se aprecian placas"
            "aprecia", "aprecian", "objetiva", "objetivan", "observa", "observan", "shows", "reveals",
            // "No refiere tos o expectoración, sí disnea": the accented yes states what follows
            "s\u00ed", "yes");

    /** Verbs of taking a medicine, which start an assertion as {@link #ASSERTIONS} do. */
    private static final Set<String> TAKING = Set.of("toma", "toman", "tomando", "takes", "taking", "usa", "uses", "using");

    /** Words that, closing a clause, deny the finding right before them ("Coluria no.", "Fiebre tampoco."). */
    private static final Set<String> CLOSING_DENIALS = Set.of("no", "tampoco", "negativo", "negativa", "ausente",
            "ausentes", "negative", "absent", "none", "denied", "niega", "negado", "negada", "negados", "negadas", "denies",
            "neg", "nil", "nunca", "never");

    /** Words that, closing a clause, tell that the finding before them has ended ("Nausea resolved."). */
    private static final Set<String> CLOSING_PAST = Set.of("resolved", "settled", "resuelta", "resuelto", "resueltas",
            "resueltos", "remitido", "remitida", "cedio", "cedieron");

    /** Heads of a list of warning signs, whose scope runs over the list's commas as a condition's does. */
    private static final Set<String> WARNING_HEADS = Set.of("return precautions", "return precautions given for",
            "precautions given for", "precautions for", "red flags", "warning signs", "warning signs of", "safety net",
            "safety netting", "safety netted for", "signos de alarma", "signos de alarma:", "signos de alarma como",
            "pautas de alarma", "criterios de alarma", "datos de alarma", "sintomas de alarma", "look out for",
            "watch for", "monitor for");

    /** Conditional triggers, whose scope is the whole condition. */
    private static final Set<String> CONDITIONALS = Set.of("si", "if");
    /** Degree and laterality words that qualify a finding without starting another clause. */
    private static final Set<String> QUALIFIERS = Set.of("intenso", "intensa", "leve", "leves", "moderado", "moderada",
            "severo", "severa", "derecho", "derecha", "izquierdo", "izquierda", "bilateral", "mild", "moderate", "severe",
            "right", "left", "marked");

    /** Words that join list items. */
    private static final Set<String> COORDINATORS = Set.of("ni", "o", "u", "y", "e", "nor", "or", "and");
    /**
     * Terminators that may instead qualify the finding right before them ("vómitos con sangre",
     * "pain with exertion").
     */
    private static final Set<String> MODIFIER_TERMINATORS = Set.of("con", "with", "w");
    /** Words that may precede a relative at the head of its clause ("su madre", "his brother"). */
    private static final Set<String> DETERMINERS = Set.of("su", "sus", "la", "el", "los", "las", "mi", "his", "her",
            "their", "the", "a", "an", "y", "e", "and", "pt", "patient", "paciente", "s",
            // "Older sister had a long cough", "his twin brother"
            "older", "younger", "elder", "big", "little", "baby", "twin", "step",
            // "his wife and two kids have the flu", "sus dos hijos"
            "two", "three", "both", "dos", "tres");

    /** Punctuation said aloud in a dictated note: a clause ends there ("… period his wife has the flu"). */
    private static final Set<String> SPOKEN_STOPS = Set.of("period", "comma", "punto", "coma");

    /** Verbs by which a relative reports the patient's findings ("madre refiere fiebre", "mom says"). */
    private static final Set<String> REPORTING = Set.of("refiere", "refieren", "dice", "dicen", "cuenta", "comenta",
            "comentan", "relata", "nota", "notan", "observa", "observan", "says", "said", "reports", "reported",
            "states", "stated", "notes", "noted", "noticed", "describes", "brought", "brings", "trae", "traen", "per",
            "thinks", "think", "thought", "feels", "felt", "worried", "concerned", "tells", "told", "explains", "mentions",
            "cree", "creen", "piensa", "explica", "menciona", "informa", "preocupada", "preocupado");

    /** Words naming the family as a whole, whose history a negation before them reaches. */
    private static final Set<String> FAMILY_WORDS = Set.of("familia", "familiar", "familiares", "family", "antecedentes",
            "fh", "fhx", "ahf");

    private final Hit[] at;
    private final ContextRules rules;
    private final String[] words;
    private final boolean[] isFinding;
    private final boolean[] slashBefore;

    /**
     * @param rules    the trigger rules
     * @param words    folded words of the note, {@code null} at sentence boundaries
     * @param isFinding {@code true} at words that belong to a recognised finding; triggers are not
     *                 searched inside findings ("no huele" is a finding, not "no" + "huele")
     */
    public ContextAnnotator(ContextRules rules, String[] words, boolean[] isFinding) {
        this(rules, words, isFinding, null);
    }

    /**
     * @param slashBefore {@code true} at words joined to the word before them by a slash ("fever/chills"), which
     *                    the words do not show; {@code null} when unknown
     */
    public ContextAnnotator(ContextRules rules, String[] words, boolean[] isFinding, boolean[] slashBefore) {
        this.rules = rules;
        this.words = words;
        this.isFinding = isFinding;
        this.slashBefore = slashBefore;
        at = new Hit[words.length];
        PhraseMatcher<ContextRule> m = rules.matcher();
        // numbers match the rules' "0": "hace 0 anos" reads "hace 2 años" and "hace 15 años"
        String[] keyed = words.clone();
        for (int k = 0; k < keyed.length; k++) {
            if (keyed[k] != null && keyed[k].chars().allMatch(Character::isDigit)) {
                keyed[k] = "0";
            }
        }
        int i = 0;
        while (i < words.length) {
            if (isFinding[i]) {
                i++;
                continue;
            }
            PhraseMatcher.Match<ContextRule> match = m.longestAt(keyed, i);
            if (match == null) {
                i++;
                continue;
            }
            int len = match.length();
            for (int k = 1; k < len; k++) {
                if (isFinding[i + k]) {
                    len = k;
                    break;
                }
            }
            if (len != match.length()) {
                // "sin signos de" + the finding "signos de irritación peritoneal": the longest trigger that
                // ends before the finding ("sin") applies
                match = m.longestAt(java.util.Arrays.copyOf(keyed, i + len), i);
                if (match == null) {
                    i++;
                    continue;
                }
                len = match.length();
            }
            Hit h = new Hit(i, len, match.payload());
            for (int k = 0; k < len; k++) {
                at[i + k] = h;
            }
            i += len;
        }
    }

    /** Whether word {@code i} is part of a trigger phrase. */
    public boolean isTrigger(int i) {
        return at[i] != null;
    }

    /**
     * Categories reaching the finding at words {@code [first, end)}.
     *
     * @param sentenceStart words before this index are out of reach
     * @param sentenceEnd   words from this index on are out of reach
     */
    public Set<TriggerCategory> categoriesFor(int first, int end, int sentenceStart, int sentenceEnd) {
        Set<TriggerCategory> out = EnumSet.noneOf(TriggerCategory.class);
        int seen = 0;
        boolean crossedComma = false;
        // words seen since the last finding (walking left) that are neither findings nor connectors: the
        // head of a list item; an item whose head is such words is no bare list item ("here for palpitations")
        boolean unclean = false;
        boolean brokenList = false;
        boolean coordinated = false;
        boolean asserted = false;
        boolean familyOnly = false;
        boolean hedgeReaches = false;
        boolean reported = false;
        // a coordinator with other words than findings to its left joins two clauses ("no puede abrir la boca y
        // babea", "if not improving or any neck stiffness"): a bare negation of the first does not reach the second
        boolean coordinatorSeen = false;
        boolean clauseJoined = false;
        // a number between a negation and the finding (a reading: "no fever sats 91 rr 26 … wheeze") ends the
        // negation's scope
        boolean numberSeen = false;
        // an assertion verb after another finding ("no embarazo toma anticonceptivos"): a bare negation of that
        // finding does not reach past the verb
        boolean assertionAfterFinding = false;
        boolean assertionSeen = false;
        // a finding stands between the trigger and the nearest comma crossed: the trigger's first list item is a
        // finding, so words between the trigger and that item head the list ("no se acompaña de fiebre, tos")
        boolean findingSinceComma = false;
        // no coordinator or comma since the last finding passed walking left: two findings side by side ("no sincope
        // fumador de un paquete"), which a bare negation of the first does not carry over to the second
        boolean joinSeen = false;
        boolean sideBySide = false;
        // a head of another kind ("antecedentes de", "impresiona de") stands nearer the finding with words beyond it:
        // a bare negation further left belongs to an earlier clause ("ecg sin alteraciones agudas impresiona de angina")
        boolean otherHead = false;
        boolean beyondOtherHead = false;
        // the leftmost assertion verb passed ("no toma medicación … se aprecian placas"), -1 when none
        int assertionAt = -1;
        // the finding's own list item opens with a degree ("no wheeze, mild crackles"): a stated finding, which a bare
        // negation of an earlier item does not reach
        boolean degreeLed = false;
        for (int i = first - 1; i >= sentenceStart && seen < FORWARD_WINDOW; i--) {
            if (words[i] == null) {
                // a comma: the scope goes on only through a list of findings ("niega fiebre, tos")
                degreeLed |= !crossedComma && i < first - 1 && onlyQualifiers(i + 1, first);
                crossedComma = true;
                coordinated = true;
                brokenList |= unclean;
                unclean = false;
                findingSinceComma = false;
                joinSeen = true;
                continue;
            }
            Hit h = at[i];
            if (h == null) {
                if (isFinding[i]) {
                    assertionAfterFinding |= assertionSeen;
                    // ("no fever/chills": the slash the words do not show joins them; words between mean a new clause)
                    sideBySide |= !joinSeen && unclean
                            // "no fever no sob cough": a finding right after another, no slash between, is not its list
                            || i == first - 1 && slashBefore != null && !slashBefore[first];
                    unclean = false;
                    findingSinceComma = true;
                    joinSeen = false;
                    beyondOtherHead |= otherHead;
                    // the coordinator joins findings ("no tiene fiebre ni tos"), not clauses
                    coordinatorSeen = false;
                } else if (CONNECTORS.contains(words[i]) || QUALIFIERS.contains(words[i])) {
                    joinSeen |= COORDINATORS.contains(words[i]);
                    coordinated |= COORDINATORS.contains(words[i]);
                    coordinatorSeen |= COORDINATORS.contains(words[i]);
                } else {
                    unclean = true;
                    beyondOtherHead |= otherHead;
                    numberSeen |= Character.isDigit(words[i].charAt(0));
                    clauseJoined |= coordinatorSeen;
                    asserted |= ASSERTIONS.contains(words[i]);
                    if (ASSERTIONS.contains(words[i])) {
                        assertionAt = i;
                    }
                    assertionSeen |= ASSERTIONS.contains(words[i]) || TAKING.contains(words[i]);
                    reported |= REPORTING.contains(words[i]);
                }
                seen++;
                continue;
            }
            ContextRule r = h.rule();
            if (r.category() == TriggerCategory.TERMINATE) {
                if (!MODIFIER_TERMINATORS.contains(r.phrase())) {
                    if (ASSERTIONS.contains(r.phrase()) && conditionBefore(h.first(), sentenceStart)) {
                        // "acudir si presenta hemoptisis", "volver si no mejora o presenta vómitos": a verb of having
                        // inside a condition is part of the condition
                        out.add(TriggerCategory.HYPOTHETICAL);
                        break;
                    }
                    Hit before = h.first() > sentenceStart ? at[h.first() - 1] : null;
                    if (before != null && before.rule().direction() == Direction.SUBJECT && !crossedComma
                            && isSubject(before.first(), sentenceStart) && !REPORTING.contains(r.phrase())) {
                        // ("La madre refiere fiebre": the mother tells the patient's finding, she is no subject of it)
                        // "Mom has myasthenia gravis": the verb after a relative heading the clause ends no scope
                        out.add(before.rule().category());
                    }
                    break;
                }
                if ((coordinated || conditionBefore(h.first() - 1, sentenceStart)) && h.first() > sentenceStart
                        && isFinding[h.first() - 1]) {
                    // "si diarrea con fiebre o sangre": inside a condition, what the finding comes with is the condition
                    // "niega vómitos con sangre y heces negras": "con sangre" qualifies the finding before it
                    // and the list goes on after it
                    unclean = false;
                } else {
                    // "sin fiebre, con tos": a new assertion; only a relative named as its subject reaches
                    // past it ("hermano en la guardería con catarro")
                    familyOnly = true;
                    // "probable UTI with delirium": a hedge on the impression reaches what the impression comes with
                    hedgeReaches = !crossedComma && h.first() > sentenceStart && isFinding[h.first() - 1];
                }
                i = h.first();
                seen++;
                continue;
            }
            if (r.direction() == Direction.SUBJECT) {
                if (isSubject(h.first(), sentenceStart) && !reported) {
                    if (!(crossedComma && (brokenList || unclean))) {
                        out.add(r.category());
                    }
                    break;
                }
                unclean = true;
                i = h.first();
                seen++;
                continue;
            }
            if (familyOnly) {
                if (hedgeReaches && r.category() == TriggerCategory.HYPOTHETICAL
                        && (r.direction() == Direction.FORWARD || r.direction() == Direction.BIDIRECTIONAL)) {
                    out.add(r.category());
                    break;
                }
                i = h.first();
                seen++;
                continue;
            }
            if (r.direction() == Direction.FORWARD || r.direction() == Direction.BIDIRECTIONAL) {
                boolean listDenial = r.category() == TriggerCategory.NEGATED && LIST_DENIALS.contains(r.phrase())
                        && !asserted;
                // a condition reaches through its commas ("si bulto duro, doloroso o vómitos, acudir")
                boolean condition = CONDITIONALS.contains(r.phrase()) || endsWithConditional(r.phrase())
                        // so does a list of warning signs ("Return precautions: fever, worsening headache, vomiting")
                        || WARNING_HEADS.contains(r.phrase());
                boolean headedList = unclean && findingSinceComma && !brokenList && !asserted;
                boolean bare = r.category() == TriggerCategory.NEGATED && BARE_NEGATIONS.contains(r.phrase());
                // an assertion verb more than two words after a bare negation is a clause of its own ("no se aprecian"
                // keeps its verb)
                boolean laterAssertion = assertionAt > h.first() + h.length() + 1;
                if (bare && (sideBySide || beyondOtherHead || laterAssertion || degreeLed
                        || crossedComma && insideList(h.first(), sentenceStart))) {
                    // "no disnea no sincope fumador": the negation stays with its own finding; "fiebre 39, no tos,
                    // LAD cervical": a negated item inside a list of stated ones reaches no other item
                    i = h.first();
                    seen++;
                    continue;
                }
                boolean nor = "ni".equals(r.phrase()) || "nor".equals(r.phrase());
                if (crossedComma && !listDenial && (bare || nor) && describedAfter(end, sentenceEnd)) {
                    // "No fiebre, tos con expectoración verdosa", "sin vómitos, dolor abdominal leve": an item a bare
                    // negation would reach over a comma, described in words of its own, is stated, not denied
                    break;
                }
                if (crossedComma && (brokenList || unclean && !headedList) && !listDenial && !condition) {
                    break;
                }
                if (r.category() == TriggerCategory.HISTORICAL && (r.phrase().startsWith("hx") || r.phrase().startsWith("history"))
                        && afterDuration(h.first(), sentenceStart)) {
                    // "3/7 hx of burning", "2-week history of cough": how long the present illness has lasted
                    i = h.first();
                    seen++;
                    continue;
                }
                if ((clauseJoined || numberSeen) && r.category() == TriggerCategory.NEGATED && !listDenial
                        || assertionAfterFinding && !listDenial && (r.category() == TriggerCategory.NEGATED
                        || r.category() == TriggerCategory.HISTORICAL)) {
                    i = h.first();
                    seen++;
                    continue;
                }
                out.add(r.category());
                otherHead |= r.category() != TriggerCategory.NEGATED;
                if (r.category() == TriggerCategory.FAMILY && !condition && isKin(h.first())) {
                    // "no recuerda su padre tiene psoriasis": a relative stating a condition starts a new clause that
                    // what came before it does not reach
                    break;
                }
            } else {
                unclean = true;
            }
            i = h.first();
            seen++;
        }
        seen = 0;
        for (int i = end; i < sentenceEnd && seen < BACKWARD_WINDOW; i++) {
            if (words[i] == null) {
                // "contractura paravertebral, Lasègue negativo": a trigger after a comma is another item's, unless the
                // clause after it only answers the question before ("Interrogado por vómitos, lo niega")
                Boolean answer = AnsweredQuestions.answerAfter(words, i + 1, sentenceEnd);
                if (answer != null && AnsweredQuestions.askedBefore(words, first, sentenceStart)) {
                    if (answer) {
                        out.clear();
                        return out;
                    }
                    out.add(TriggerCategory.NEGATED);
                }
                break;
            }
            if (CLOSING_PAST.contains(words[i]) && (i + 1 >= sentenceEnd || words[i + 1] == null)) {
                // "nausea resolved.", "la fiebre, ya resuelta": a symptom that has ended is past
                out.add(TriggerCategory.HISTORICAL);
                break;
            }
            if (AnsweredQuestions.closingDenial(words, i, sentenceEnd)) {
                // "Hemoptisis: no refiere.": a two-word denial closing the clause denies what precedes it
                out.add(TriggerCategory.NEGATED);
                break;
            }
            if (CLOSING_DENIALS.contains(words[i]) && (i + 1 >= sentenceEnd || words[i + 1] == null)) {
                // "Coluria no." / "fiebre: no" / "Fiebre tampoco.": a closing denial denies what precedes it
                out.add(TriggerCategory.NEGATED);
                break;
            }
            Hit h = at[i];
            if (h == null) {
                seen++;
                continue;
            }
            ContextRule r = h.rule();
            if (r.category() == TriggerCategory.TERMINATE) {
                break;
            }
            int after = h.first() + h.length();
            boolean closing = after >= sentenceEnd || words[after] == null;
            if (r.category() == TriggerCategory.HYPOTHETICAL && r.direction() == Direction.BACKWARD
                    && (r.phrase().startsWith("but ") || r.phrase().startsWith("pero ") || r.phrase().startsWith("aunque "))) {
                // "No signs of pneumonia on exam but can't exclude": the hedge after the negation has the last word
                out.remove(TriggerCategory.NEGATED);
                out.add(TriggerCategory.HYPOTHETICAL);
                break;
            }
            if (r.direction() == Direction.BACKWARD || r.direction() == Direction.BIDIRECTIONAL
                    || (closing && r.direction() == Direction.FORWARD && r.category() == TriggerCategory.HYPOTHETICAL)) {
                // a forward trigger closing its clause has nothing to its right: "Gastropatía por AINE a descartar."
                out.add(r.category());
            }
            i = h.first() + h.length() - 1;
            seen++;
        }
        if (out.contains(TriggerCategory.FAMILY) && informantBefore(first, sentenceStart)) {
            // "Hablo con la hija: su madre tiene fiebre": the relative on the telephone speaks of the patient
            out.remove(TriggerCategory.FAMILY);
        }
        out.remove(TriggerCategory.PSEUDO);
        out.remove(TriggerCategory.TERMINATE);
        return out;
    }

    /** Verbs of a conversation with someone other than the patient ("hablo con la hija", "spoke to his wife"). */
    private static final Set<String> SPEAKING = Set.of("hablo", "habla", "hablamos", "llamada", "llama",
            "spoke", "speak", "speaking", "call", "called", "phoned", "telephoned");

    /** Whether, before word {@code i} in its sentence, a conversation with a named relative is told. */
    private boolean informantBefore(int i, int sentenceStart) {
        if (i - sentenceStart >= 2 && words[sentenceStart] != null && rules.isRelative(words[sentenceStart])
                && words[sentenceStart + 1] != null && SPEAKING.contains(words[sentenceStart + 1])) {
            // "Wife called: 2 days worse SOB": the relative who called opens the sentence and tells the patient's story
            return true;
        }
        for (int k = sentenceStart; k < i; k++) {
            if (words[k] != null && SPEAKING.contains(words[k])) {
                for (int j = k + 1; j < Math.min(i, k + 5); j++) {
                    if (words[j] != null && rules.isRelative(words[j])) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether words {@code [from, to)} are all degree or laterality words (and there is at least one). */
    private boolean onlyQualifiers(int from, int to) {
        for (int k = from; k < to; k++) {
            if (words[k] == null || !QUALIFIERS.contains(words[k])) {
                return false;
            }
        }
        return from < to;
    }

    /** Whether a comma-separated item of the same sentence comes right before the trigger at {@code i}. */
    private boolean insideList(int i, int sentenceStart) {
        int k = i - 1;
        while (k >= sentenceStart && words[k] != null && (CONNECTORS.contains(words[k]) && !COORDINATORS.contains(words[k]))) {
            k--;
        }
        return k > sentenceStart && words[k] == null && words[k - 1] != null;
    }

    /** Negations of one word, which reach a list over commas only through bare items. */
    private static final Set<String> BARE_NEGATIONS = Set.of("no", "sin", "without", "not", "nil", "ninguno", "ninguna",
            "ningun", "nunca", "never", "tampoco");

    /**
     * Whether the finding ending before word {@code end} is described by what follows it in its list item: a degree
     * ("leve", "mild") or a "con"/"with" phrase ("tos con expectoración"), before the next comma or sentence end.
     */
    private boolean describedAfter(int end, int sentenceEnd) {
        for (int i = end; i < sentenceEnd && i < end + BACKWARD_WINDOW; i++) {
            if (words[i] == null || COORDINATORS.contains(words[i])) {
                return false;
            }
            if (QUALIFIERS.contains(words[i]) || MODIFIER_TERMINATORS.contains(words[i])
                    // "sin tos ni mocos, fiebre 38,6 en consulta": a measured value states the finding
                    || Character.isDigit(words[i].charAt(0))) {
                return true;
            }
            if (!isFinding[i]) {
                return false;
            }
        }
        return false;
    }

    /** Words a condition reaches past before a verb of having ("si no mejora o presenta"). */
    private static final int CONDITION_REACH = 4;

    /** Whether a conditional ("si", "if", "acudir si") stands at most {@value #CONDITION_REACH} words before word {@code i}. */
    private boolean conditionBefore(int i, int sentenceStart) {
        for (int k = i - 1; k >= Math.max(sentenceStart, i - CONDITION_REACH); k--) {
            if (words[k] == null) {
                return false;
            }
            if (CONDITIONALS.contains(words[k])
                    || at[k] != null && at[k].rule().category() == TriggerCategory.HYPOTHETICAL
                    && endsWithConditional(at[k].rule().phrase())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the word before {@code i} is a number or a unit of time ("3/7 hx of", "2 week history of"). */
    private boolean afterDuration(int i, int sentenceStart) {
        if (i <= sentenceStart || words[i - 1] == null) {
            return false;
        }
        String w = words[i - 1];
        return Character.isDigit(w.charAt(0)) || DURATION_UNITS.contains(w);
    }

    private static final Set<String> DURATION_UNITS = Set.of("day", "days", "week", "weeks", "wk", "wks", "month", "months",
            "mo", "year", "years", "yr", "yrs", "hour", "hours", "hr", "hrs");

    /** "seek care if", "acudir si": a trigger ending in a conditional word is a condition too. */
    private static boolean endsWithConditional(String phrase) {
        int space = phrase.lastIndexOf(' ');
        return space >= 0 && CONDITIONALS.contains(phrase.substring(space + 1));
    }

    /** Whether word {@code i} names one relative (not the family as a whole: "antecedentes familiares de"). */
    private boolean isKin(int i) {
        return rules.isRelative(words[i]) && !FAMILY_WORDS.contains(words[i]);
    }

    /**
     * Whether the relative at word {@code i} heads its clause: only determiners and connectors stand between
     * it and the start of the sentence or the last comma ("Padre diabético", "his brother had…"), unlike
     * "traído por su madre" or "acude con su madre".
     */
    private boolean isSubject(int i, int sentenceStart) {
        for (int k = i - 1; k >= sentenceStart; k--) {
            if (words[k] == null || isFinding[k] || SPOKEN_STOPS.contains(words[k])) {
                // a finding right before the relative ends a clause in a note without stops ("…hta y dislipemia padre
                // fallecido de infarto")
                return true;
            }
            if (at[k] != null && at[k].rule().direction() == Direction.SUBJECT) {
                // "su mujer y su hija están igual": relatives joined as one subject
                k = at[k].first();
                continue;
            }
            if (!DETERMINERS.contains(words[k])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The status for a set of categories, by precedence denied, family, hypothetical, historical.
     */
    public static FindingStatus statusOf(Set<TriggerCategory> categories, FindingStatus fallback) {
        if (categories.contains(TriggerCategory.NEGATED)) {
            return FindingStatus.DENIED;
        }
        if (categories.contains(TriggerCategory.FAMILY)) {
            return FindingStatus.FAMILY;
        }
        if (categories.contains(TriggerCategory.HYPOTHETICAL)) {
            return FindingStatus.HYPOTHETICAL;
        }
        if (categories.contains(TriggerCategory.HISTORICAL)) {
            return FindingStatus.HISTORICAL;
        }
        return fallback;
    }
}
