package com.mediassist.core.deid;

/**
 * A token of a note: a run of letters, a run of digits, or one other non-space character.
 *
 * @param start offset of the first character (UTF-16 index into the note)
 * @param end   offset after the last character
 * @param text  the characters
 */
public record Token(int start, int end, String text) {
}
