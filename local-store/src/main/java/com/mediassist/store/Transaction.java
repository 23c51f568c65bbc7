package com.mediassist.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;

/**
 * One unit of work across repositories, handed to the callback of
 * {@link Database#inTransaction}. Everything done through it commits together when the callback
 * returns and is rolled back when it throws. Valid only inside that callback.
 */
public final class Transaction extends DelegatingRepositories {

    private final Handle handle;
    private final RepositorySet repositories;

    Transaction(Handle handle, DatabaseOptions options) {
        this.handle = handle;
        this.repositories = new RepositorySet(new HandleSource() {
            @Override
            public <R, X extends Exception> R inTransaction(HandleCallback<R, X> callback) throws X {
                return callback.withHandle(handle);
            }

            @Override
            public <R, X extends Exception> R withHandle(HandleCallback<R, X> callback) throws X {
                return callback.withHandle(handle);
            }
        }, options);
    }

    /** The Jdbi handle of this transaction, for queries no repository offers. Owned by the store. */
    public Handle handle() {
        return handle;
    }

    @Override
    RepositorySet repositories() {
        return repositories;
    }
}
