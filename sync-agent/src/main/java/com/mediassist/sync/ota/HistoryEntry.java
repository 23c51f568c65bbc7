package com.mediassist.sync.ota;

/**
 * One line of the update history.
 *
 * @param at      when (ISO-8601)
 * @param event   what happened: {@code staged}, {@code activated}, {@code refused}, {@code rolled-back},
 *                {@code recovered}
 * @param bundle  {@code <id>-<version>} or the target name
 * @param detail  the reason or source, in words
 */
public record HistoryEntry(String at, String event, String bundle, String detail) {
}
