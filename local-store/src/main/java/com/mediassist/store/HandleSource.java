package com.mediassist.store;

import org.jdbi.v3.core.HandleCallback;

/**
 * Where a repository gets its connection: the {@link Database} opens one per call, a
 * {@link Transaction} reuses its own, so the same repository code runs alone or as part of a
 * larger unit of work.
 */
public interface HandleSource {

    /**
     * Runs a write inside a transaction: a new one (taking SQLite's write lock at once) committed
     * when the callback returns, or the surrounding one within {@link Database#inTransaction}.
     *
     * @throws StorageFailureException when SQLite fails
     */
    <R, X extends Exception> R inTransaction(HandleCallback<R, X> callback) throws X;

    /**
     * Runs a read: in autocommit mode so it never waits for writers (WAL), or in the surrounding
     * transaction so it sees that transaction's own writes.
     *
     * @throws StorageFailureException when SQLite fails
     */
    <R, X extends Exception> R withHandle(HandleCallback<R, X> callback) throws X;
}
