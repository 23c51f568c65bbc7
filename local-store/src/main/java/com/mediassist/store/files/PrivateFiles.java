package com.mediassist.store.files;

import com.mediassist.store.StorageFailureException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keeps patient data and keys readable by the appliance's account only. Modes are set explicitly
 * after creation, so a permissive umask (0022 gives 0644 files) does not leak them to other local
 * accounts. On file systems without POSIX permissions (Windows) nothing is changed.
 */
public final class PrivateFiles {

    /** Mode of the data directory: owner only. */
    public static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");
    /** Mode of the database, its WAL and shared memory, backups and keys: owner read/write. */
    public static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /**
     * Creates {@code dir} (and missing parents) when needed and sets it to 0700.
     *
     * @throws StorageFailureException when it cannot be created or its mode cannot be set
     */
    public static Path directory(Path dir) {
        try {
            Files.createDirectories(dir);
            setMode(dir, DIRECTORY_MODE);
            return dir;
        } catch (IOException e) {
            throw new StorageFailureException("cannot create the private directory " + dir + ": " + e, e);
        }
    }

    /**
     * Creates {@code file} empty when missing and sets it (or the existing file) to 0600.
     *
     * @throws StorageFailureException when that fails
     */
    public static Path file(Path file) {
        try {
            try {
                Files.createFile(file);
            } catch (FileAlreadyExistsException exists) {
                // Already there: only its mode is corrected below.
            }
            setMode(file, FILE_MODE);
            return file;
        } catch (IOException e) {
            throw new StorageFailureException("cannot create the private file " + file + ": " + e, e);
        }
    }

    /** Sets an existing file to 0600; a missing file is left missing. */
    public static void restrictIfPresent(Path file) {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            try {
                setMode(file, FILE_MODE);
            } catch (IOException e) {
                throw new StorageFailureException("cannot set the mode of " + file + " to 0600: " + e, e);
            }
        }
    }

    /**
     * Every entry of the data directory (the directory itself and the files directly in it or in
     * its sub-directories) that other accounts can read, write or enter, as lines such as
     * {@code data/mediassist.db is rw-r--r--, should be rw-------}. Empty when all is private or the
     * file system has no POSIX modes.
     */
    public static List<String> looseModes(Path dataDir) {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(dataDir) || !posix(dataDir)) {
            return problems;
        }
        try (Stream<Path> entries = Files.walk(dataDir)) {
            entries.forEach(p -> {
                try {
                    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                    boolean loose = mode.stream().anyMatch(m -> m.name().startsWith("GROUP_") || m.name().startsWith("OTHERS_"));
                    if (loose && !Files.isSymbolicLink(p)) {
                        problems.add(p + " is " + PosixFilePermissions.toString(mode) + ", should be "
                                + PosixFilePermissions.toString(Files.isDirectory(p) ? DIRECTORY_MODE : FILE_MODE));
                    }
                } catch (IOException e) {
                    problems.add(p + " cannot be read: " + e.getMessage());
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.add(dataDir + " cannot be listed: " + e.getMessage());
        }
        return problems;
    }

    private static void setMode(Path path, Set<PosixFilePermission> mode) throws IOException {
        if (posix(path)) {
            Files.setPosixFilePermissions(path, mode);
        }
    }

    private static boolean posix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS) != null;
    }
}
