package com.mediassist.store;

import java.util.List;

/**
 * One page of a longer result.
 *
 * @param items the rows of this page, in the order the query defines
 * @param page zero-based page index that was asked for
 * @param size the maximum number of rows per page that was asked for
 * @param total how many rows match in all
 * @param <T> the row type
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    /** Whether a page after this one has rows. */
    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
