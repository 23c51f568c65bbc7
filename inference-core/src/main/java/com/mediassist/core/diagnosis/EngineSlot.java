package com.mediassist.core.diagnosis;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The active diagnosis engine, switchable while requests run on it. Each request leases the engine
 * for its duration ({@link #withEngine}); {@link #swap} installs the next engine at once for new
 * requests and closes the previous one only when its last lease ends. No request is ever answered by
 * a closed engine and none is dropped by a switch.
 *
 * <p>The slot owns the engines installed in it: it closes each once it is replaced and drained, and
 * the current one in {@link #close()}.
 */
public final class EngineSlot implements AutoCloseable {

    private final AtomicReference<Lease> current = new AtomicReference<>();

    /** One installed engine and its lease count (1 for the slot itself while installed). */
    private static final class Lease {
        final DiagnosisEngine engine;
        final AtomicInteger refs = new AtomicInteger(1);

        Lease(DiagnosisEngine engine) {
            this.engine = engine;
        }

        boolean tryAcquire() {
            for (int n = refs.get(); n > 0; n = refs.get()) {
                if (refs.compareAndSet(n, n + 1)) {
                    return true;
                }
            }
            return false;
        }

        void release() {
            if (refs.decrementAndGet() == 0) {
                engine.close();
            }
        }
    }

    /**
     * Runs {@code work} on the current engine, which stays open until {@code work} returns.
     *
     * @throws DiagnosisException.DiagnosisUnavailableException when no engine is installed, with {@code reasonIfEmpty}
     */
    public <T> T withEngine(Function<DiagnosisEngine, T> work, String reasonIfEmpty) {
        while (true) {
            Lease l = current.get();
            if (l == null) {
                throw new DiagnosisException.DiagnosisUnavailableException(reasonIfEmpty, null);
            }
            if (l.tryAcquire()) {
                try {
                    return work.apply(l.engine);
                } finally {
                    l.release();
                }
            }
            // That engine was replaced and drained between the read and the lease: take the new one.
        }
    }

    /**
     * Installs {@code next} (or empties the slot with {@code null}); the previous engine closes when
     * its last running request ends.
     */
    public void swap(DiagnosisEngine next) {
        Lease old = current.getAndSet(next == null ? null : new Lease(next));
        if (old != null) {
            old.release();
        }
    }

    /** The installed engine's manifest and knowledge are readable through this; empty when none. */
    public Optional<DiagnosisEngine> peek() {
        Lease l = current.get();
        return l == null ? Optional.empty() : Optional.of(l.engine);
    }

    /** Empties the slot; the last engine closes when drained. */
    @Override
    public void close() {
        swap(null);
    }
}
