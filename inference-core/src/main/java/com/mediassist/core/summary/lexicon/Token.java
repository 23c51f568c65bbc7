package com.mediassist.core.summary.lexicon;

/**
 * A token of a note.
 *
 * @param kind   word (letters/digits), comma, or boundary (sentence end, semicolon, line break)
 * @param folded the folded word ({@code TextFold.fold}); the punctuation itself for other kinds
 * @param start  offset of the first character in the original text
 * @param end    offset after the last character in the original text
 */
public record Token(Kind kind, String folded, int start, int end) {

    /** Token kinds. */
    public enum Kind { WORD, COMMA, BOUNDARY }

    public boolean isWord() {
        return kind == Kind.WORD;
    }
}
