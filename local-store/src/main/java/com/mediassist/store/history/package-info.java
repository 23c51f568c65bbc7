/**
 * A patient's history: conditions, medications, allergies, immunizations, procedures and
 * screenings, observations. Each kind is a variant of the sealed
 * {@link com.mediassist.store.history.HistoryEntry} and one table; items imported from a record keep
 * their source id so that importing the same record again updates instead of duplicating.
 */
package com.mediassist.store.history;
