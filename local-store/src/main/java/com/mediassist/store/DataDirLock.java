package com.mediassist.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The lock file {@value #FILE_NAME} in a data directory: every open {@link Database} holds a shared
 * lock on it, and an offline operation that replaces the database file (restore) takes it
 * exclusively, so that a restore cannot swap the file under a running appliance.
 *
 * <p>Operating-system file locks belong to the whole JVM, and Java refuses a second lock on the same
 * file from one JVM, so shared locks are counted here per file.
 */
public final class DataDirLock implements AutoCloseable {

    /** Name of the lock file in the data directory. */
    public static final String FILE_NAME = "mediassist.lock";

    /** Shared holders per lock file in this JVM; guarded by the class. */
    private static final Map<Path, Held> HELD = new HashMap<>();

    private final Path file;
    private boolean released;

    private DataDirLock(Path file) {
        this.file = file;
    }

    /**
     * Takes a shared lock: any number of {@code Database} instances and processes may hold one.
     *
     * @throws StorageFailureException when an exclusive holder (a restore) has the directory
     */
    static DataDirLock shared(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath().normalize();
        synchronized (DataDirLock.class) {
            Held held = HELD.get(file);
            if (held != null) {
                if (held.exclusive) {
                    throw new StorageFailureException("data directory " + dataDir
                            + " is being restored; open it again when the restore has finished", null);
                }
                held.count++;
                return new DataDirLock(file);
            }
            HELD.put(file, take(file, true));
            return new DataDirLock(file);
        }
    }

    /**
     * Takes the lock exclusively, failing at once when anyone (this JVM or another process) has the
     * database open.
     *
     * @throws DatabaseInUseException when the database is open somewhere
     * @throws StorageFailureException when the lock file cannot be created
     */
    public static DataDirLock exclusive(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath().normalize();
        synchronized (DataDirLock.class) {
            if (HELD.containsKey(file)) {
                throw new DatabaseInUseException(dataDir);
            }
            HELD.put(file, take(file, false));
            return new DataDirLock(file);
        }
    }

    private static Held take(Path file, boolean shared) {
        FileChannel channel = null;
        try {
            com.mediassist.store.files.PrivateFiles.file(file);
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, shared);
            if (lock == null) {
                channel.close();
                if (shared) {
                    throw new StorageFailureException("data directory " + file.getParent()
                            + " is being restored by another process; open it again when the restore has finished", null);
                }
                throw new DatabaseInUseException(file.getParent());
            }
            return new Held(channel, lock, !shared);
        } catch (IOException | OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new StorageFailureException("cannot lock " + file + ": " + e, e);
        }
    }

    /** Releases this holder's share; the file lock goes when the last holder in this JVM releases. */
    @Override
    public void close() {
        synchronized (DataDirLock.class) {
            if (released) {
                return;
            }
            released = true;
            Held held = HELD.get(file);
            if (held == null) {
                return;
            }
            held.count--;
            if (held.count == 0) {
                HELD.remove(file);
                try {
                    held.lock.release();
                } catch (IOException e) {
                    // Closing the channel below releases the lock as well.
                }
                closeQuietly(held.channel);
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // The lock dies with the process at the latest.
            }
        }
    }

    private static final class Held {
        final FileChannel channel;
        final FileLock lock;
        final boolean exclusive;
        int count = 1;

        Held(FileChannel channel, FileLock lock, boolean exclusive) {
            this.channel = channel;
            this.lock = lock;
            this.exclusive = exclusive;
        }
    }
}
