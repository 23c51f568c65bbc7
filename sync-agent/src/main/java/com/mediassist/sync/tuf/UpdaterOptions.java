package com.mediassist.sync.tuf;

/**
 * Limits of one update session (python-tuf's defaults).
 *
 * @param maxRootRotations  how many root versions one refresh may walk (256)
 * @param maxDelegations    how many targets roles one target search may visit (32)
 * @param rootMaxLength     bytes (512 000)
 * @param timestampMaxLength bytes (16 384)
 * @param snapshotMaxLength bytes, when the timestamp names no length (2 000 000)
 * @param targetsMaxLength  bytes, when the snapshot names no length (5 000 000)
 */
public record UpdaterOptions(int maxRootRotations, int maxDelegations, long rootMaxLength, long timestampMaxLength,
                             long snapshotMaxLength, long targetsMaxLength) {

    /** The defaults above. */
    public static UpdaterOptions defaults() {
        return new UpdaterOptions(256, 32, 512_000, 16_384, 2_000_000, 5_000_000);
    }
}
