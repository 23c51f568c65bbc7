package com.mediassist.core.deid;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a note into {@link Token}s and lines. Tokens are fine-grained (letters, digits and each
 * punctuation mark apart) so that identifier spans, which start and end anywhere a word or number
 * does, fall on token boundaries.
 */
public final class Tokenizer {

    private Tokenizer() {
    }

    /** The tokens of {@code text}, in order. */
    public static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>(text.length() / 4 + 4);
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i++;
                continue;
            }
            int start = i;
            if (Character.isLetter(c)) {
                while (i < n && (Character.isLetter(text.charAt(i)) || isMark(text.charAt(i)))) {
                    i++;
                }
            } else if (Character.isDigit(c)) {
                while (i < n && Character.isDigit(text.charAt(i))) {
                    i++;
                }
            } else {
                i++;
                if (Character.isHighSurrogate(c) && i < n) {
                    i++;
                }
            }
            out.add(new Token(start, i, text.substring(start, i)));
        }
        return out;
    }

    /**
     * Groups token indexes by line: element {@code k} is the index of the first token of line k,
     * and the last element is {@code tokens.size()}.
     */
    public static int[] lineStarts(String text, List<Token> tokens) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int t = 1; t < tokens.size(); t++) {
            for (int c = tokens.get(t - 1).end(); c < tokens.get(t).start(); c++) {
                if (text.charAt(c) == '\n') {
                    starts.add(t);
                    break;
                }
            }
        }
        starts.add(tokens.size());
        int[] out = new int[starts.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = starts.get(k);
        }
        return out;
    }

    private static boolean isMark(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }
}
