package com.mediassist.core.summary.negation;

import java.util.List;
import java.util.Set;

/**
 * Questions the clinician asked and the answer written after them in the same sentence ("Interrogado por vómitos,
 * lo niega", "When asked about chest pain, she said no", "A la pregunta de si tiene tos, responde que sí"), and
 * two-word denials that close a clause ("Hemoptisis: no refiere."). Works on folded words, {@code null} at commas
 * and sentence boundaries.
 */
final class AnsweredQuestions {

    /** Words that ask about a finding before it is named. */
    private static final Set<String> ASKING = Set.of("preguntado", "preguntada", "pregunta", "preguntamos", "interrogado",
            "interrogada", "interroga", "interrogamos", "asked", "asking", "questioned", "enquired", "inquired", "queried");

    /** Words that may stand before a clause's answer ("lo niega", "she said no", "responde que sí"). */
    private static final Set<String> LEAD = Set.of("lo", "la", "los", "las", "she", "he", "they", "patient", "pt", "el",
            "ella", "paciente", "said", "says", "answered", "answers", "replied", "responde", "respondio", "contesta",
            "contesto", "dice", "dijo", "que");
    private static final Set<String> NO = Set.of("no", "niega", "denies", "denied", "negativo", "negativa", "negative",
            "none", "nil");
    private static final Set<String> YES = Set.of("s\u00ed", "si", "yes", "afirmativo", "positivo", "positive", "confirms",
            "confirma");

    /** Closing two-word denials: the finding before them is denied. */
    private static final List<String[]> CLOSING = List.of(new String[] {"no", "refiere"}, new String[] {"no", "refieren"},
            new String[] {"lo", "niega"}, new String[] {"la", "niega"}, new String[] {"not", "reported"},
            new String[] {"none", "reported"}, new String[] {"not", "heard"}, new String[] {"not", "seen"});

    /** Words a question word may stand before the finding ("Specifically asked about any haemoptysis"). */
    private static final int ASK_REACH = 6;

    private AnsweredQuestions() {
    }

    /** Whether a question word stands at most {@value #ASK_REACH} words before word {@code first} in its sentence. */
    static boolean askedBefore(String[] words, int first, int sentenceStart) {
        for (int k = first - 1; k >= Math.max(sentenceStart, first - ASK_REACH); k--) {
            if (words[k] != null && ASKING.contains(words[k])) {
                return true;
            }
        }
        return false;
    }

    /**
     * The answer the clause from {@code from} to the end of its sentence gives, when it is only an answer: {@code true}
     * yes, {@code false} no, {@code null} when the clause says more than an answer.
     */
    static Boolean answerAfter(String[] words, int from, int sentenceEnd) {
        int k = from;
        while (k < sentenceEnd && words[k] != null && LEAD.contains(words[k]) && !NO.contains(words[k])) {
            k++;
        }
        if (k >= sentenceEnd || words[k] == null) {
            return null;
        }
        boolean no = NO.contains(words[k]);
        boolean yes = YES.contains(words[k]);
        if (!no && !yes || k + 1 < sentenceEnd && words[k + 1] != null) {
            return null;
        }
        return yes;
    }

    /** Whether a closing two-word denial starts at word {@code i} and ends its clause. */
    static boolean closingDenial(String[] words, int i, int sentenceEnd) {
        for (String[] c : CLOSING) {
            int after = i + c.length;
            if (after <= sentenceEnd && c[0].equals(words[i]) && c[1].equals(words[i + 1])
                    && (after == sentenceEnd || words[after] == null)) {
                return true;
            }
        }
        return false;
    }
}
