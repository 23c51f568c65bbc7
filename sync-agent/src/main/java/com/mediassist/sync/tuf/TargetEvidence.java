package com.mediassist.sync.tuf;

import com.mediassist.sync.tuf.Signed.MetaFile;
import com.mediassist.sync.tuf.Signed.TargetFile;
import com.mediassist.sync.tuf.TufException.EvidenceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The signed metadata that vouched for one target when it was downloaded: the exact bytes of the root,
 * timestamp, snapshot and top-level targets metadata trusted in that session ({@link Updater#evidence}). Kept
 * beside the installed target, it lets the box check the target again later, offline: the root chains to the
 * root trusted now, each role is signed by a threshold of the keys that root gives it, timestamp, snapshot and
 * targets name each other's versions (and lengths and hashes), and the targets metadata lists the target with
 * the length and hashes of the bytes on disk.
 *
 * <p>Expiry is not checked here: it guards a client deciding what is current against a frozen repository, not
 * the authenticity of a target installed while its metadata was current. {@link Verified#targetsExpires()}
 * reports it.
 */
public final class TargetEvidence {

    /** File names inside an evidence directory. */
    public static final String ROOT = "root.json";
    public static final String TIMESTAMP = "timestamp.json";
    public static final String SNAPSHOT = "snapshot.json";
    public static final String TARGETS = "targets.json";

    private final String targetPath;
    private final byte[] root;
    private final byte[] timestamp;
    private final byte[] snapshot;
    private final byte[] targets;

    /**
     * @param targetPath the target's path in the repository ({@code bundles/<id>-<version>.zip})
     * @param root       the root's exact bytes
     * @param timestamp  the timestamp's
     * @param snapshot   the snapshot's
     * @param targets    the top-level targets metadata's, which lists the target
     */
    public TargetEvidence(String targetPath, byte[] root, byte[] timestamp, byte[] snapshot, byte[] targets) {
        this.targetPath = targetPath;
        this.root = root.clone();
        this.timestamp = timestamp.clone();
        this.snapshot = snapshot.clone();
        this.targets = targets.clone();
    }

    /** The target's path in the repository. */
    public String targetPath() {
        return targetPath;
    }

    /** Writes the four metadata files into {@code dir} (each replaced atomically and synced). */
    public void writeTo(Path dir) throws IOException {
        AtomicFiles.write(dir.resolve(ROOT), root);
        AtomicFiles.write(dir.resolve(TIMESTAMP), timestamp);
        AtomicFiles.write(dir.resolve(SNAPSHOT), snapshot);
        AtomicFiles.write(dir.resolve(TARGETS), targets);
    }

    /**
     * Reads the evidence kept in {@code dir} for {@code targetPath}.
     *
     * @throws EvidenceException naming the file that is missing or unreadable
     */
    public static TargetEvidence readFrom(Path dir, String targetPath) throws EvidenceException {
        return new TargetEvidence(targetPath, read(dir.resolve(ROOT)), read(dir.resolve(TIMESTAMP)),
                read(dir.resolve(SNAPSHOT)), read(dir.resolve(TARGETS)));
    }

    private static byte[] read(Path f) throws EvidenceException {
        if (!Files.isRegularFile(f)) {
            throw new EvidenceException(f.toString(), "is missing", null);
        }
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new EvidenceException(f.toString(), "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * What a successful {@link #verify} established.
     *
     * @param rootVersion        the version of the root that vouched for the target
     * @param trustedRootVersion the version of the root trusted now, which it chains to
     * @param timestampVersion   the timestamp's version
     * @param snapshotVersion    the snapshot's version
     * @param targetsVersion     the targets metadata's version
     * @param targetsExpires     when that targets metadata expired or expires (reported, not checked)
     * @param signatures         valid signatures on the targets metadata by keys the root gives the targets role
     * @param threshold          how many the root requires
     * @param target             the target as the targets metadata lists it (length, hashes, custom)
     */
    public record Verified(long rootVersion, long trustedRootVersion, long timestampVersion, long snapshotVersion,
                           long targetsVersion, Instant targetsExpires, int signatures, int threshold,
                           TargetFile target) {
    }

    /**
     * Verifies this evidence and the target's bytes.
     *
     * @param evidenceDir     where this evidence is kept (its files are named in messages)
     * @param trustedRootFile the root the box trusts now
     * @param history         the roots trusted in between (for a root rotated since the target was installed)
     * @param targetFile      the kept target file
     * @throws EvidenceException naming the file that does not verify, with the failed check as its cause
     */
    public Verified verify(Path evidenceDir, Path trustedRootFile, RootHistory history, Path targetFile)
            throws EvidenceException {
        String rootName = evidenceDir.resolve(ROOT).toString();
        String trustedName = trustedRootFile.toString();
        byte[] trustedRoot = read(trustedRootFile);
        byte[] target = read(targetFile);
        Metadata<Signed.Root> current = parse(trustedRoot, Signed.Root.class, "root", trustedName);
        Metadata<Signed.Root> evRoot = parse(root, Signed.Root.class, "root", rootName);
        long from = evRoot.signed().version();
        long to = current.signed().version();
        try {
            // Verifies the kept root by its own keys, then walks the chain of rotations up to the trusted root.
            TrustedMetadata chain = new TrustedMetadata(root, Instant.EPOCH);
            if (from > to) {
                throw new EvidenceException(rootName, "is root version " + from + ", newer than the trusted root (version "
                        + to + ")", null);
            }
            if (from == to && !Arrays.equals(root, trustedRoot)) {
                throw new EvidenceException(rootName, "differs from the trusted root of the same version " + to, null);
            }
            for (long v = from + 1; v <= to; v++) {
                String name = v == to ? trustedName : history.file(v).toString();
                Optional<byte[]> kept = v == to ? Optional.of(trustedRoot) : history.root(v);
                if (kept.isEmpty()) {
                    throw new EvidenceException(name, "is missing: root version " + v + " is needed to chain root version "
                            + from + " (" + rootName + ") to the trusted root version " + to, null);
                }
                byte[] next = kept.get();
                try {
                    chain.updateRoot(next);
                } catch (TufException e) {
                    throw new EvidenceException(name, "does not chain from root version " + (v - 1) + ": " + e.getMessage(), e);
                }
            }
        } catch (EvidenceException e) {
            throw e;
        } catch (TufException e) {
            throw new EvidenceException(rootName, e.getMessage(), e);
        }
        // Each file's own signatures first (the clearest message for a forged file), then how they name each other.
        Signed.Root r = evRoot.signed();
        String targetsName = evidenceDir.resolve(TARGETS).toString();
        Metadata<Signed.Targets> t = parse(targets, Signed.Targets.class, "targets", targetsName);
        int signatures = signedBy(r, "targets", t, targetsName);
        String snapName = evidenceDir.resolve(SNAPSHOT).toString();
        Metadata<Signed.Snapshot> snap = parse(snapshot, Signed.Snapshot.class, "snapshot", snapName);
        signedBy(r, "snapshot", snap, snapName);
        String tsName = evidenceDir.resolve(TIMESTAMP).toString();
        Metadata<Signed.Timestamp> ts = parse(timestamp, Signed.Timestamp.class, "timestamp", tsName);
        signedBy(r, "timestamp", ts, tsName);

        referred(ts.signed().snapshotMeta(), "snapshot.json", snapshot, snapName);
        sameVersion(ts.signed().snapshotMeta(), snap.signed().version(), "snapshot", snapName);
        MetaFile targetsMeta = snap.signed().meta().get("targets.json");
        if (targetsMeta == null) {
            throw new EvidenceException(snapName, "does not list targets.json", null);
        }
        referred(targetsMeta, "targets.json", targets, targetsName);
        sameVersion(targetsMeta, t.signed().version(), "targets", targetsName);

        TargetFile entry = t.signed().targets().get(targetPath);
        if (entry == null) {
            throw new EvidenceException(targetsName, "does not list the target " + targetPath, null);
        }
        try {
            entry.verify(target);
        } catch (TufException e) {
            throw new EvidenceException(targetFile.toString(), e.getMessage(), e);
        }
        int threshold = r.roles().get("targets").threshold();
        return new Verified(from, to, ts.signed().version(), snap.signed().version(), t.signed().version(),
                t.signed().expires(), signatures, threshold, entry);
    }

    private static <T extends Signed> Metadata<T> parse(byte[] data, Class<T> type, String role, String name)
            throws EvidenceException {
        try {
            return Metadata.parse(data, type, role);
        } catch (TufException e) {
            throw new EvidenceException(name, e.getMessage(), e);
        }
    }

    private static int signedBy(Signed.Root root, String role, Metadata<?> md, String name) throws EvidenceException {
        try {
            return root.keysFor(role).verify(md.signedBytes(), md.signatures());
        } catch (TufException e) {
            throw new EvidenceException(name, "its signatures do not verify against root version " + root.version()
                    + ": " + e.getMessage(), e);
        }
    }

    private static void referred(MetaFile meta, String what, byte[] data, String name) throws EvidenceException {
        try {
            meta.verify(what, data);
        } catch (TufException e) {
            throw new EvidenceException(name, "is not the file its referrer names: " + e.getMessage(), e);
        }
    }

    private static void sameVersion(MetaFile meta, long found, String role, String name) throws EvidenceException {
        if (meta.version() != found) {
            throw new EvidenceException(name, "is " + role + " version " + found + " where version " + meta.version()
                    + " is named", null);
        }
    }
}
