package com.mediassist.sync.ota;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code ota/state.json} says: the active bundle (empty: the shipped one), the previous one
 * (where a rollback goes), the last staged one and the history, newest last.
 *
 * @param active   the bundle to run
 * @param previous the one before it
 * @param staged   the newest verified bundle not (yet) activated
 * @param kept     every bundle kept on disk, oldest first
 * @param history  events, newest last (at most {@value #MAX_HISTORY})
 */
public record OtaState(BundleRef active, BundleRef previous, BundleRef staged, List<BundleRef> kept,
                       List<HistoryEntry> history) {

    /** History lines kept. */
    public static final int MAX_HISTORY = 200;

    public OtaState {
        kept = kept == null ? List.of() : List.copyOf(kept);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** Nothing installed over the air yet. */
    public static OtaState empty() {
        return new OtaState(null, null, null, List.of(), List.of());
    }

    public Optional<BundleRef> activeBundle() {
        return Optional.ofNullable(active);
    }

    public Optional<BundleRef> previousBundle() {
        return Optional.ofNullable(previous);
    }

    public Optional<BundleRef> stagedBundle() {
        return Optional.ofNullable(staged);
    }

    /** A kept bundle by version. */
    public Optional<BundleRef> keptVersion(String version) {
        return kept.stream().filter(b -> b.version().equals(version)).reduce((a, b) -> b);
    }

    OtaState withActive(BundleRef newActive, BundleRef newPrevious) {
        return new OtaState(newActive, newPrevious, staged, kept, history);
    }

    OtaState withStaged(BundleRef newStaged) {
        List<BundleRef> k = new ArrayList<>(kept);
        k.removeIf(b -> b.dir().equals(newStaged.dir()));
        k.add(newStaged);
        return new OtaState(active, previous, newStaged, k, history);
    }

    OtaState withKept(List<BundleRef> newKept) {
        return new OtaState(active, previous, staged, newKept, history);
    }

    OtaState log(HistoryEntry e) {
        List<HistoryEntry> h = new ArrayList<>(history);
        h.add(e);
        while (h.size() > MAX_HISTORY) {
            h.remove(0);
        }
        return new OtaState(active, previous, staged, kept, h);
    }
}
