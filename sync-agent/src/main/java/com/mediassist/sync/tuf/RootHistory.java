package com.mediassist.sync.tuf;

import com.mediassist.sync.tuf.TufException.EvidenceException;
import com.mediassist.sync.tuf.TufException.MetadataFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every root version a box has trusted, as the exact bytes verified, in one directory ({@code <version>.root.json}).
 * The TUF client keeps only the newest root; {@link TargetEvidence} needs the versions between the root that
 * vouched for an installed target and the one trusted now, to chain them again. A version is written once and
 * never replaced (the first root trusted under a version number is the one the box's chain went through).
 */
public final class RootHistory {

    private final Path dir;

    /** @param dir the directory of the kept roots (created on the first {@link #keep}) */
    public RootHistory(Path dir) {
        this.dir = dir;
    }

    /** The directory of the kept roots. */
    public Path dir() {
        return dir;
    }

    /**
     * Keeps each root not kept yet under its version.
     *
     * @param roots exact bytes of roots that were trusted (e.g. {@link Updater#trustedRoots()})
     * @throws MetadataFormatException when one is not root metadata
     * @throws IOException when the directory cannot be written
     */
    public void keep(List<byte[]> roots) throws MetadataFormatException, IOException {
        for (byte[] r : roots) {
            long version = Metadata.parse(r, Signed.Root.class, "root").signed().version();
            Path f = file(version);
            if (!Files.exists(f)) {
                AtomicFiles.write(f, r);
            }
        }
    }

    /**
     * The root kept under {@code version}.
     *
     * @throws EvidenceException when it cannot be read
     */
    public Optional<byte[]> root(long version) throws EvidenceException {
        Path f = file(version);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(f));
        } catch (IOException e) {
            throw new EvidenceException(f.toString(), "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** The file of {@code version}, whether kept or not. */
    Path file(long version) {
        return dir.resolve(version + ".root.json");
    }
}
