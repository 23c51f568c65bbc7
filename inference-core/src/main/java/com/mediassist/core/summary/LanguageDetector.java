package com.mediassist.core.summary;

import com.mediassist.core.knowledge.Language;

import com.mediassist.core.summary.lexicon.Token;
import com.mediassist.core.summary.lexicon.Tokenizer;

import java.util.List;
import java.util.Set;

/**
 * Tells Spanish from English by counting frequent function words and clinical words of each
 * language. Ties, and text with no such words, give Spanish, the product's default. Stateless.
 */
public final class LanguageDetector {

    private static final Set<String> SPANISH = Set.of("de", "la", "el", "que", "y", "en", "con", "por", "los", "las",
            "del", "se", "sin", "refiere", "presenta", "dolor", "paciente", "anos", "niega", "desde", "hace", "para",
            "una", "un", "al", "es", "dias", "consulta", "acude", "tos", "fiebre", "cada", "horas", "exploracion",
            "tratamiento", "antecedentes", "varon", "mujer", "mg", "cefalea", "disnea", "pecho", "tambien", "muy",
            "ha", "le", "lo", "su", "sus", "pero", "como", "mas", "tiene", "semana", "ayer", "hoy", "plan", "alergias");
    private static final Set<String> ENGLISH = Set.of("the", "and", "of", "with", "for", "to", "in", "is", "denies",
            "patient", "pain", "has", "was", "years", "old", "on", "without", "since", "reports", "a", "an", "at",
            "fever", "cough", "days", "presents", "chest", "history", "exam", "not", "shortness", "breath",
            "headache", "he", "she", "her", "his", "but", "also", "yesterday", "today", "week", "allergies", "male",
            "female", "twice", "daily", "every", "hours", "plan");

    /** Scores at most this many words: enough to decide, and keeps detection cheap on long notes. */
    private static final int MAX_WORDS = 2000;

    /** The more likely language of {@code text}. */
    public Language detect(String text) {
        return detect(Tokenizer.tokenize(text));
    }

    Language detect(List<Token> tokens) {
        int es = 0;
        int en = 0;
        int seen = 0;
        for (Token t : tokens) {
            if (!t.isWord()) {
                continue;
            }
            if (SPANISH.contains(t.folded())) {
                es++;
            }
            if (ENGLISH.contains(t.folded())) {
                en++;
            }
            if (++seen >= MAX_WORDS) {
                break;
            }
        }
        return en > es ? Language.EN : Language.ES;
    }
}
