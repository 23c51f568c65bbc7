package com.mediassist.sync.tuf;

import com.mediassist.sync.tuf.Signed.Delegator;
import com.mediassist.sync.tuf.Signed.MetaFile;
import com.mediassist.sync.tuf.TufException.EqualVersionException;
import com.mediassist.sync.tuf.TufException.ExpiredMetadataException;
import com.mediassist.sync.tuf.TufException.RepositoryInconsistencyException;
import com.mediassist.sync.tuf.TufException.RollbackVersionException;
import com.mediassist.sync.tuf.TufException.VersionMismatchException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metadata trusted so far in one update session, in the specification's order: root (chained
 * versions), timestamp, snapshot, targets and delegated targets. Every {@code update*} method either
 * accepts the new metadata or throws and leaves the trusted state as it was (an intermediate timestamp
 * or snapshot that is itself valid but expired is kept, as python-tuf does, so that it still protects
 * the next one against rollback; it blocks everything after it).
 *
 * <p>Not thread-safe: one session, one thread.
 */
final class TrustedMetadata {

    private final Instant now;
    private Metadata<Signed.Root> root;
    private Metadata<Signed.Timestamp> timestamp;
    private Metadata<Signed.Snapshot> snapshot;
    private final Map<String, Metadata<Signed.Targets>> targets = new HashMap<>();
    /** The exact bytes of what is trusted now, by role; kept so that a target's evidence can be stored. */
    private final Map<String, byte[]> raw = new HashMap<>();
    /** Every root trusted in this session, oldest first (the starting one and each accepted rotation). */
    private final List<byte[]> roots = new ArrayList<>();

    /**
     * Starts from locally trusted root bytes, verified by themselves (an expired root is allowed here:
     * only the final root must be current).
     */
    TrustedMetadata(byte[] rootBytes, Instant now) throws TufException {
        this.now = now;
        Metadata<Signed.Root> r = Metadata.parse(rootBytes, Signed.Root.class, "root");
        r.signed().keysFor("root").verify(r.signedBytes(), r.signatures());
        this.root = r;
        raw.put("root", rootBytes.clone());
        roots.add(rootBytes.clone());
    }

    /** The exact bytes of the trusted metadata of {@code role} ({@code root}, {@code timestamp}, …), if loaded. */
    Optional<byte[]> rawBytes(String role) {
        return Optional.ofNullable(raw.get(role)).map(byte[]::clone);
    }

    /** Every root trusted in this session, oldest first, as the exact bytes verified. */
    List<byte[]> roots() {
        return roots.stream().map(byte[]::clone).toList();
    }

    Signed.Root root() {
        return root.signed();
    }

    Optional<Signed.Timestamp> timestamp() {
        return Optional.ofNullable(timestamp).map(Metadata::signed);
    }

    Optional<Signed.Snapshot> snapshot() {
        return Optional.ofNullable(snapshot).map(Metadata::signed);
    }

    /** Trusted targets metadata of a role already loaded in this session. */
    Optional<Metadata<Signed.Targets>> targets(String role) {
        return Optional.ofNullable(targets.get(role));
    }

    /** The next root: signed by a threshold of the trusted root's root keys and of its own, version N+1. */
    void updateRoot(byte[] data) throws TufException {
        if (timestamp != null) {
            throw new IllegalStateException("root cannot change after the timestamp was loaded");
        }
        Metadata<Signed.Root> next = Metadata.parse(data, Signed.Root.class, "root");
        root.signed().keysFor("root").verify(next.signedBytes(), next.signatures());
        long expected = root.signed().version() + 1;
        if (next.signed().version() != expected) {
            throw new VersionMismatchException("root", expected, next.signed().version());
        }
        next.signed().keysFor("root").verify(next.signedBytes(), next.signatures());
        root = next;
        raw.put("root", data.clone());
        roots.add(data.clone());
    }

    /**
     * A timestamp: the final root must be current; signed by root's timestamp keys; its version and the
     * snapshot version it names never go back.
     *
     * @throws EqualVersionException when it is the trusted timestamp again (not an error by itself)
     */
    void updateTimestamp(byte[] data) throws TufException {
        if (snapshot != null) {
            throw new IllegalStateException("the timestamp cannot change after the snapshot was loaded");
        }
        if (root.signed().isExpiredAt(now)) {
            throw new ExpiredMetadataException("root", root.signed().expires(), now);
        }
        Metadata<Signed.Timestamp> next = Metadata.parse(data, Signed.Timestamp.class, "timestamp");
        root.signed().keysFor("timestamp").verify(next.signedBytes(), next.signatures());
        if (timestamp != null) {
            Signed.Timestamp old = timestamp.signed();
            if (next.signed().version() < old.version()) {
                throw new RollbackVersionException("timestamp", old.version(), next.signed().version());
            }
            if (next.signed().version() == old.version()) {
                throw new EqualVersionException("timestamp", old.version());
            }
            if (next.signed().snapshotMeta().version() < old.snapshotMeta().version()) {
                throw new RollbackVersionException("snapshot (named by timestamp)", old.snapshotMeta().version(),
                        next.signed().snapshotMeta().version());
            }
        }
        timestamp = next;
        raw.put("timestamp", data.clone());
        checkTimestampCurrent();
    }

    private void checkTimestampCurrent() throws ExpiredMetadataException {
        if (timestamp.signed().isExpiredAt(now)) {
            throw new ExpiredMetadataException("timestamp", timestamp.signed().expires(), now);
        }
    }

    /**
     * A snapshot: the timestamp must be current; length and hashes as the timestamp names them (unless
     * {@code fromLocalStore}); signed by root's snapshot keys; no targets file disappears or goes back.
     */
    void updateSnapshot(byte[] data, boolean fromLocalStore) throws TufException {
        if (timestamp == null) {
            throw new IllegalStateException("the snapshot needs a timestamp first");
        }
        if (targets.containsKey("targets")) {
            throw new IllegalStateException("the snapshot cannot change after targets were loaded");
        }
        checkTimestampCurrent();
        if (!fromLocalStore) {
            timestamp.signed().snapshotMeta().verify("snapshot.json", data);
        }
        Metadata<Signed.Snapshot> next = Metadata.parse(data, Signed.Snapshot.class, "snapshot");
        root.signed().keysFor("snapshot").verify(next.signedBytes(), next.signatures());
        if (snapshot != null) {
            for (Map.Entry<String, MetaFile> e : snapshot.signed().meta().entrySet()) {
                MetaFile now = next.signed().meta().get(e.getKey());
                if (now == null) {
                    throw new RepositoryInconsistencyException("the new snapshot no longer lists " + e.getKey());
                }
                if (now.version() < e.getValue().version()) {
                    throw new RollbackVersionException(e.getKey(), e.getValue().version(), now.version());
                }
            }
        }
        snapshot = next;
        raw.put("snapshot", data.clone());
        checkSnapshotFinal();
    }

    private void checkSnapshotFinal() throws TufException {
        if (snapshot.signed().isExpiredAt(now)) {
            throw new ExpiredMetadataException("snapshot", snapshot.signed().expires(), now);
        }
        long expected = timestamp.signed().snapshotMeta().version();
        if (snapshot.signed().version() != expected) {
            throw new VersionMismatchException("snapshot", expected, snapshot.signed().version());
        }
    }

    /** What the trusted snapshot says of {@code <role>.json}. */
    MetaFile snapshotMetaFor(String role) throws TufException {
        if (snapshot == null) {
            throw new IllegalStateException("targets need a snapshot first");
        }
        MetaFile meta = snapshot.signed().meta().get(role + ".json");
        if (meta == null) {
            throw new RepositoryInconsistencyException("the snapshot does not list " + role + ".json");
        }
        return meta;
    }

    /**
     * Targets metadata of {@code role} delegated by {@code delegator}: length, hashes and version as the
     * snapshot names them, signed by the delegator's threshold of the role's keys, not expired.
     */
    Metadata<Signed.Targets> updateTargets(byte[] data, String role, String delegator) throws TufException {
        checkSnapshotFinal();
        Delegator d = delegator(delegator);
        MetaFile meta = snapshotMetaFor(role);
        meta.verify(role + ".json", data);
        Metadata<Signed.Targets> next = Metadata.parse(data, Signed.Targets.class, role);
        d.keysFor(role).verify(next.signedBytes(), next.signatures());
        if (next.signed().version() != meta.version()) {
            throw new VersionMismatchException(role, meta.version(), next.signed().version());
        }
        if (next.signed().isExpiredAt(now)) {
            throw new ExpiredMetadataException(role, next.signed().expires(), now);
        }
        targets.put(role, next);
        raw.put(role, data.clone());
        return next;
    }

    /**
     * Re-checks a role already trusted in this session against the delegator of the current search
     * path: trust reached through one delegator does not carry over to another.
     */
    void reverify(Metadata<Signed.Targets> md, String role, String delegator) throws TufException {
        delegator(delegator).keysFor(role).verify(md.signedBytes(), md.signatures());
    }

    private Delegator delegator(String name) {
        if ("root".equals(name)) {
            return root.signed();
        }
        Metadata<Signed.Targets> t = targets.get(name);
        if (t == null) {
            throw new IllegalStateException("delegator " + name + " is not loaded");
        }
        return t.signed();
    }
}
