package com.mediassist.core.summary.lexicon;

import com.mediassist.core.text.TextFold;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into word, comma and boundary tokens, one linear pass without regular expressions so
 * any input (including megabytes of garbage) is handled in time proportional to its length.
 */
public final class Tokenizer {

    private Tokenizer() {
    }

    /**
     * Folds {@code text} keeping one folded character per original character, so offsets stay valid.
     */
    public static String foldSameLength(String text) {
        String folded = TextFold.fold(text);
        if (folded.length() == text.length()) {
            return folded;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String f = TextFold.fold(String.valueOf(c));
            sb.append(f.length() == 1 ? f.charAt(0) : Character.toLowerCase(c));
        }
        return sb.toString();
    }

    /** Tokens of {@code text}; offsets refer to {@code text}. */
    public static List<Token> tokenize(String text) {
        String folded = foldSameLength(text);
        List<Token> out = new ArrayList<>(Math.max(16, text.length() / 5));
        int n = folded.length();
        int i = 0;
        while (i < n) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int j = i + 1;
                while (j < n && Character.isLetterOrDigit(folded.charAt(j))) {
                    j++;
                }
                out.add(new Token(Token.Kind.WORD, folded.substring(i, j), i, j));
                i = j;
                continue;
            }
            if (c == ',') {
                boolean decimal = i > 0 && i + 1 < n && Character.isDigit(folded.charAt(i - 1))
                        && Character.isDigit(folded.charAt(i + 1));
                if (!decimal) {
                    out.add(new Token(Token.Kind.COMMA, ",", i, i + 1));
                }
            } else if (c == '.' || c == '!' || c == '?') {
                boolean endOfSentence = i + 1 >= n || Character.isWhitespace(folded.charAt(i + 1));
                if (endOfSentence) {
                    out.add(new Token(Token.Kind.BOUNDARY, String.valueOf(c), i, i + 1));
                }
            } else if (c == ';' || c == '\n' || c == '\r' || c == '•') {
                out.add(new Token(Token.Kind.BOUNDARY, String.valueOf(c), i, i + 1));
            }
            i++;
        }
        return out;
    }

    /**
     * Each token's sentence: {@code start[i]} is the index of the first token of token {@code i}'s sentence,
     * {@code end[i]} the index of the boundary token that closes it (the token count when none does).
     */
    public record Sentences(int[] start, int[] end) {
    }

    /** The sentence of every token of {@code tokens} ({@link Token.Kind#BOUNDARY} tokens close sentences). */
    public static Sentences sentences(List<Token> tokens) {
        int n = tokens.size();
        int[] start = new int[n];
        int[] end = new int[n];
        int s = 0;
        for (int i = 0; i < n; i++) {
            if (tokens.get(i).kind() == Token.Kind.BOUNDARY) {
                for (int k = s; k <= i; k++) {
                    start[k] = s;
                    end[k] = i;
                }
                s = i + 1;
            }
        }
        for (int k = s; k < n; k++) {
            start[k] = s;
            end[k] = n;
        }
        return new Sentences(start, end);
    }

    /** Folded words of a lexicon phrase, the same way note text is tokenised. */
    public static String[] words(String phrase) {
        List<String> words = new ArrayList<>();
        for (Token t : tokenize(phrase)) {
            if (t.isWord()) {
                words.add(t.folded());
            }
        }
        return words.toArray(String[]::new);
    }
}
