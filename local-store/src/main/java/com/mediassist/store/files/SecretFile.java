package com.mediassist.store.files;

import com.mediassist.store.StorageFailureException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * A key kept in a file of the data directory (0600): {@value #NEW_KEY_BYTES} random bytes written
 * once as one line of base64, then read back at every start. Its value never appears in an
 * exception message or a log line.
 *
 * @param file where it is kept
 * @param text the file's content without surrounding white space (the base64 text)
 * @param bytes the decoded key, at least {@value #MIN_BYTES} bytes
 */
public record SecretFile(Path file, String text, byte[] bytes) {

    /** Shortest key accepted. */
    public static final int MIN_BYTES = 32;
    /** Length of a newly made key. */
    public static final int NEW_KEY_BYTES = 32;

    /** The key's description without its value (records print their fields by default). */
    @Override
    public String toString() {
        return "SecretFile[" + file + ", " + bytes.length + " bytes]";
    }

    /**
     * Reads the key in {@code file}, first making it with fresh random bytes (0600, in a 0700
     * directory) when the file does not exist. Two processes starting together end up with the same
     * key: the file is created exclusively and the loser reads the winner's.
     *
     * @throws KeyTooShortException when the file holds fewer than {@value #MIN_BYTES} bytes of key
     * @throws StorageFailureException when it cannot be written or read
     */
    public static SecretFile readOrCreate(Path file, SecureRandom random) {
        PrivateFiles.directory(file.toAbsolutePath().getParent());
        if (!Files.exists(file)) {
            byte[] key = new byte[NEW_KEY_BYTES];
            random.nextBytes(key);
            String text = Base64.getEncoder().encodeToString(key);
            Arrays.fill(key, (byte) 0);
            // Written in full under a temporary name, then published with a hard link, which fails
            // when the name exists: a concurrent reader never sees a half-written key.
            Path tmp = file.resolveSibling(file.getFileName() + "." + Long.toHexString(random.nextLong()) + ".tmp");
            try {
                PrivateFiles.file(tmp);
                Files.writeString(tmp, text + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.SYNC);
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException raced) {
                // Another process made it first: use its key.
            } catch (IOException e) {
                throw new StorageFailureException("cannot write the key file " + file + ": " + e.getClass().getSimpleName(), e);
            } finally {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // A left-over temporary file is private (0600) and harmless.
                }
            }
        }
        return read(file);
    }

    /**
     * Reads an existing key file, setting its mode to 0600.
     *
     * @throws KeyTooShortException when it holds fewer than {@value #MIN_BYTES} bytes of key
     */
    public static SecretFile read(Path file) {
        String text;
        try {
            PrivateFiles.restrictIfPresent(file);
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new StorageFailureException("cannot read the key file " + file + ": " + e.getClass().getSimpleName(), e);
        }
        byte[] bytes = decode(text);
        if (bytes.length < MIN_BYTES) {
            throw new KeyTooShortException(file, bytes.length, MIN_BYTES);
        }
        return new SecretFile(file, text, bytes);
    }

    /** Base64 (standard or URL-safe); any other text counts by its UTF-8 bytes. */
    private static byte[] decode(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notStandard) {
            try {
                return Base64.getUrlDecoder().decode(text);
            } catch (IllegalArgumentException notUrlSafe) {
                return text.getBytes(StandardCharsets.UTF_8);
            }
        }
    }
}
