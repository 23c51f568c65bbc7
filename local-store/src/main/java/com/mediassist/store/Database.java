package com.mediassist.store;

import com.mediassist.store.backup.BackupService;
import com.mediassist.store.files.PrivateFiles;
import com.mediassist.store.migration.AppliedMigration;
import com.mediassist.store.migration.MigrationRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import com.mediassist.store.sql.ConnectionPool;

/**
 * The MediAssist database: one SQLite file, {@value #FILE_NAME}, in a data directory.
 *
 * <p>{@link #open(Path)} creates the directory and file when missing and applies pending schema
 * migrations before returning. Every connection runs with WAL journaling, {@code synchronous=FULL}
 * (a committed write survives a crash or power loss), foreign keys enforced, a busy timeout, and
 * write transactions that take the write lock at {@code BEGIN} (no deadlock between two writers
 * that both read first).
 *
 * <p>Repository calls made directly on a {@code Database} are each their own transaction. To make
 * several calls all-or-nothing, use {@link #inTransaction(TransactionCallback)}.
 *
 * <p>While open it holds a shared lock on {@value DataDirLock#FILE_NAME}, so that a restore refuses
 * to replace the file under it.
 *
 * <p>Thread-safe; share one instance per process. A few connections are kept open for reuse;
 * {@link #close()} closes them and refuses further calls.
 */
public final class Database extends DelegatingRepositories implements AutoCloseable {

    /** Name of the database file inside the data directory. */
    public static final String FILE_NAME = "mediassist.db";

    /** Connections kept open for reuse between calls. */
    static final int MAX_IDLE_CONNECTIONS = 8;

    private final DatabaseOptions options;
    private final Jdbi jdbi;
    private final ConnectionPool pool;
    private final DataDirLock lock;
    private final RepositorySet repositories;
    private final List<AppliedMigration> appliedAtOpen;
    private volatile boolean closed;

    private Database(DatabaseOptions options, DataDirLock lock, ConnectionPool pool, Jdbi jdbi,
            List<AppliedMigration> appliedAtOpen) {
        this.options = options;
        this.lock = lock;
        this.pool = pool;
        this.jdbi = jdbi;
        this.appliedAtOpen = List.copyOf(appliedAtOpen);
        this.repositories = new RepositorySet(new HandleSource() {
            @Override
            public <R, X extends Exception> R inTransaction(HandleCallback<R, X> callback) throws X {
                checkOpen();
                return translate(() -> jdbi.inTransaction(callback));
            }

            @Override
            public <R, X extends Exception> R withHandle(HandleCallback<R, X> callback) throws X {
                checkOpen();
                return translate(() -> jdbi.withHandle(callback));
            }
        }, options);
    }

    /**
     * Opens (creating when needed) the database in {@code dataDir} with production defaults.
     *
     * @throws StorageFailureException when the directory or file cannot be created or opened
     * @throws com.mediassist.store.migration.MigrationException when the schema cannot be migrated
     */
    public static Database open(Path dataDir) {
        return open(DatabaseOptions.defaults(dataDir));
    }

    /**
     * Opens (creating when needed) the database described by {@code options} and migrates it.
     *
     * @throws StorageFailureException when the directory or file cannot be created or opened
     * @throws com.mediassist.store.migration.MigrationException when the schema cannot be migrated
     */
    public static Database open(DatabaseOptions options) {
        // Patient data is the appliance account's alone: directory 0700, database files 0600. SQLite
        // gives the WAL and shared-memory files the database file's mode, so making the file first
        // with 0600 covers them; existing ones are corrected too.
        PrivateFiles.directory(options.dataDir());
        PrivateFiles.file(options.databaseFile());
        for (String suffix : new String[] {"-wal", "-shm"}) {
            PrivateFiles.restrictIfPresent(options.databaseFile().resolveSibling(FILE_NAME + suffix));
        }
        DataDirLock lock = DataDirLock.shared(options.dataDir());
        ConnectionPool pool = new ConnectionPool(dataSource(options.databaseFile(), options), MAX_IDLE_CONNECTIONS);
        Jdbi jdbi = Jdbi.create(pool);
        try {
            List<AppliedMigration> applied = MigrationRunner.shipped(options.clock()).migrate(jdbi);
            Database database = new Database(options, lock, pool, jdbi, applied);
            database.audit().initialiseChain();
            return database;
        } catch (JdbiException e) {
            pool.close();
            lock.close();
            throw new StorageFailureException("cannot open database " + options.databaseFile() + ": "
                    + rootMessage(e), e);
        } catch (RuntimeException e) {
            pool.close();
            lock.close();
            throw e;
        }
    }

    static SQLiteDataSource dataSource(Path file, DatabaseOptions options) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout((int) options.busyTimeout().toMillis());
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return dataSource;
    }

    /**
     * Runs {@code work} as one transaction across repositories: committed when it returns, rolled
     * back (nothing written) when it throws, and the exception rethrown.
     *
     * @throws StorageFailureException when SQLite fails
     */
    public <R, X extends Exception> R inTransaction(TransactionCallback<R, X> work) throws X {
        checkOpen();
        // Every transaction takes SQLite's write lock at BEGIN; waiting for it in SQLite's busy handler
        // means sleeping in steps of up to 100 ms. Writers of this process queue here instead, in
        // arrival order, and wake as soon as the previous one commits (other processes, such as the CLI,
        // still meet the busy timeout).
        boolean locked = writers.isHeldByCurrentThread();
        if (!locked) {
            try {
                locked = writers.tryLock(options.busyTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageFailureException("interrupted while waiting for a transaction on "
                        + options.databaseFile(), e);
            }
            if (!locked) {
                throw new StorageFailureException("database " + options.databaseFile() + " is busy: no transaction "
                        + "could start within " + options.busyTimeout().toMillis() + " ms", null);
            }
        }
        try {
            return translate(() -> jdbi.inTransaction(handle -> work.inTransaction(new Transaction(handle, options))));
        } finally {
            writers.unlock();
        }
    }

    /** Orders this process's transactions (see {@link #inTransaction}); fair, reentrant. */
    private final ReentrantLock writers = new ReentrantLock(true);

    /** {@link #inTransaction(TransactionCallback)} for work without a result. */
    public <X extends Exception> void useTransaction(TransactionConsumer<X> work) throws X {
        inTransaction(tx -> {
            work.useTransaction(tx);
            return null;
        });
    }

    /** The options this database was opened with. */
    public DatabaseOptions options() {
        return options;
    }

    /** The database file. */
    public Path file() {
        return options.databaseFile();
    }

    /** The Jdbi instance, for queries no repository offers (reports, health checks). */
    public Jdbi jdbi() {
        checkOpen();
        return jdbi;
    }

    /** The migrations applied when this instance opened the file (empty when it was current). */
    public List<AppliedMigration> migrationsAppliedAtOpen() {
        return appliedAtOpen;
    }

    /** Every migration recorded in the database, by version. */
    public List<AppliedMigration> schemaHistory() {
        checkOpen();
        return translate(() -> jdbi.withHandle(MigrationRunner::applied));
    }

    /** The current schema version (0 for none). */
    public int schemaVersion() {
        List<AppliedMigration> history = schemaHistory();
        return history.isEmpty() ? 0 : history.get(history.size() - 1).version();
    }

    /**
     * A cheap liveness probe for readiness checks: one query on a pooled connection.
     *
     * @return the schema version
     * @throws StorageFailureException when the database cannot be queried
     * @throws StoreException when this instance is closed
     */
    public int ping() {
        checkOpen();
        return translate(() -> jdbi.withHandle(h -> h.createQuery("SELECT coalesce(max(version), 0) FROM schema_version")
                .mapTo(Integer.class).one()));
    }

    /**
     * Runs {@code PRAGMA integrity_check} (reads the whole file: for tools, not for health probes).
     *
     * @return {@code "ok"} for a sound file, otherwise SQLite's list of problems
     */
    public String integrityCheck() {
        checkOpen();
        return translate(() -> jdbi.withHandle(h -> String.join("\n",
                h.createQuery("PRAGMA integrity_check").mapTo(String.class).list())));
    }

    /** Online backup and offline restore of this database. */
    public BackupService backups() {
        checkOpen();
        return new BackupService(this);
    }

    @Override
    RepositorySet repositories() {
        return repositories;
    }

    /**
     * Refuses further calls and closes the pooled connections (the last one to close checkpoints
     * the WAL into the database file).
     */
    @Override
    public void close() {
        closed = true;
        pool.close();
        lock.close();
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreException("database " + options.databaseFile() + " is closed");
        }
    }

    /** Keeps store exceptions as they are and wraps SQLite failures in {@link StorageFailureException}. */
    private <R, X extends Exception> R translate(ThrowingSupplier<R, X> body) throws X {
        try {
            return body.get();
        } catch (JdbiException e) {
            StoreException inner = findStoreException(e);
            if (inner != null) {
                throw inner;
            }
            throw new StorageFailureException("database " + options.databaseFile() + " failed: " + rootMessage(e), e);
        }
    }

    private static StoreException findStoreException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StoreException s) {
                return s;
            }
        }
        return null;
    }

    static String rootMessage(Throwable e) {
        Function<Throwable, Throwable> root = t -> {
            Throwable r = t;
            while (r.getCause() != null && r.getCause() != r) {
                r = r.getCause();
            }
            return r;
        };
        Throwable r = root.apply(e);
        return r.getMessage() == null ? r.getClass().getSimpleName() : r.getMessage();
    }

    @FunctionalInterface
    private interface ThrowingSupplier<R, X extends Exception> {
        R get() throws X;
    }

    /**
     * Work done in one transaction.
     *
     * @param <R> its result
     * @param <X> the checked exception it may throw
     */
    @FunctionalInterface
    public interface TransactionCallback<R, X extends Exception> {
        R inTransaction(Transaction transaction) throws X;
    }

    /**
     * Work without a result done in one transaction.
     *
     * @param <X> the checked exception it may throw
     */
    @FunctionalInterface
    public interface TransactionConsumer<X extends Exception> {
        void useTransaction(Transaction transaction) throws X;
    }
}
