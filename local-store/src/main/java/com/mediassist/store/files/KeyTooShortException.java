package com.mediassist.store.files;

import com.mediassist.store.StoreException;
import java.nio.file.Path;

/** A key file holds fewer random bytes than required; the key is refused, never used. */
public class KeyTooShortException extends StoreException {

    private final Path file;
    private final int foundBytes;
    private final int requiredBytes;

    public KeyTooShortException(Path file, int foundBytes, int requiredBytes) {
        super("the key in " + file + " has " + foundBytes + " bytes; at least " + requiredBytes
                + " are required (delete the file to have a new random key made, which logs everyone out)");
        this.file = file;
        this.foundBytes = foundBytes;
        this.requiredBytes = requiredBytes;
    }

    public Path file() {
        return file;
    }

    public int foundBytes() {
        return foundBytes;
    }

    public int requiredBytes() {
        return requiredBytes;
    }
}
