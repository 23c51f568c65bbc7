package com.mediassist.appliance.consult.workspace;

import com.mediassist.appliance.status.Module;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.BiFunction;

/**
 * The last answer of an engine per consultation, reused while the inputs it was computed from are
 * equal: a doctor's command usually changes one input (the note, an evidence, the prescription), so
 * the engines whose inputs did not change are not run again for the next view.
 *
 * <p>Only definite answers ({@code ok}, {@code empty}) are kept: a failed or unavailable engine is
 * asked again next time. A key must hold every input of the answer, including the knowledge set and
 * the date when the answer depends on them. At most {@link #MAX_CONSULTATIONS} consultations are
 * remembered (least recently used dropped), and a consultation's answers are dropped when it is signed
 * off ({@link #forget}). Thread-safe; the answers are immutable.
 */
final class SectionMemo {

    /** Consultations remembered; an appliance has at most a few dozen open at once. */
    static final int MAX_CONSULTATIONS = 512;

    private record Slot(long consultationId, Module module) {
    }

    private record Entry(Object key, WorkspaceView.Section<?> section, boolean prepared) {
    }

    /** Prepares an answer that is shown again (writes its JSON once, {@link SectionJson}). */
    private final BiFunction<Module, WorkspaceView.Section<?>, WorkspaceView.Section<?>> reused;

    /** A memo that returns kept answers as they were computed. */
    SectionMemo() {
        this((module, section) -> section);
    }

    /**
     * @param reused applied once to a kept answer of an engine, the first time it is reused; the result
     *               is kept instead (an answer asked for once is not prepared)
     */
    SectionMemo(BiFunction<Module, WorkspaceView.Section<?>, WorkspaceView.Section<?>> reused) {
        this.reused = reused;
    }

    private final Map<Slot, Entry> last = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Slot, Entry> eldest) {
            return size() > MAX_CONSULTATIONS * Module.values().length;
        }
    };

    /**
     * The engine's last answer for this consultation if it was computed from an equal key, else a
     * newly computed one (outside any lock: two requests may compute the same answer at once).
     */
    <T> WorkspaceView.Section<T> answer(long consultationId, Module module, Object key,
                                        Supplier<WorkspaceView.Section<T>> compute) {
        return answer(consultationId, module, key, compute, answer -> true);
    }

    /**
     * {@link #answer(long, Module, Object, Supplier)} keeping only answers that {@code definite} accepts
     * (a differential the fallback gave because the model was busy is asked again next time).
     */
    @SuppressWarnings("unchecked")
    <T> WorkspaceView.Section<T> answer(long consultationId, Module module, Object key,
                                        Supplier<WorkspaceView.Section<T>> compute, Predicate<T> definite) {
        Slot slot = new Slot(consultationId, module);
        Entry previous;
        synchronized (last) {
            previous = last.get(slot);
        }
        if (previous != null && previous.key().equals(key)) {
            if (previous.prepared()) {
                return (WorkspaceView.Section<T>) previous.section();
            }
            WorkspaceView.Section<?> prepared = reused.apply(module, previous.section());
            synchronized (last) {
                last.replace(slot, previous, new Entry(key, prepared, true));
            }
            return (WorkspaceView.Section<T>) prepared;
        }
        WorkspaceView.Section<T> section = compute.get();
        if (section.status() == WorkspaceView.Status.EMPTY
                || section.status() == WorkspaceView.Status.OK && definite.test(section.answer())) {
            synchronized (last) {
                last.put(slot, new Entry(key, section, false));
            }
        }
        return section;
    }

    /** Drops every answer kept for the consultation (it was signed off: no view of it changes any more). */
    void forget(long consultationId) {
        synchronized (last) {
            last.keySet().removeIf(slot -> slot.consultationId() == consultationId);
        }
    }

    /** How many answers are kept (for tests of the bounds). */
    int size() {
        synchronized (last) {
            return last.size();
        }
    }
}
