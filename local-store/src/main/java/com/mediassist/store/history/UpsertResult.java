package com.mediassist.store.history;

/**
 * The outcome of {@link HistoryRepository#upsert}.
 *
 * @param item the row as stored now
 * @param created {@code true} when it was added, {@code false} when an item with the same source id was updated
 */
public record UpsertResult(HistoryItem item, boolean created) {
}
