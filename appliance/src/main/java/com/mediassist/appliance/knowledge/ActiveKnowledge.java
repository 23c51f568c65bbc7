package com.mediassist.appliance.knowledge;

import com.mediassist.core.knowledge.InvalidClinicalInputException;
import com.mediassist.core.knowledge.set.KnowledgeSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The knowledge that answers requests: the shipped knowledge at start, then whatever over-the-air knowledge
 * bundle is active. A request takes the current {@link KnowledgeSet} once ({@link #use}) and answers from it
 * alone, so a switch in the middle of a request cannot mix two versions; a switch replaces one reference to
 * a set that was completely loaded and checked before. Sets hold no native resources: the old one is simply
 * dropped when its last request ends. Thread-safe.
 */
@ApplicationScoped
public class ActiveKnowledge {

    /** Told of every answered (or failed) request, for the health gate after a switch. */
    @FunctionalInterface
    public interface Observer {
        void answered(Duration took, boolean failed);
    }

    private final KnowledgeSet shipped;
    private final AtomicReference<KnowledgeSet> current;
    private volatile Observer observer = (took, failed) -> { };

    public ActiveKnowledge(Clock clock) {
        this.shipped = KnowledgeSet.shipped(clock);
        this.current = new AtomicReference<>(shipped);
    }

    /** The knowledge shipped in the appliance (loaded once, at start). */
    public KnowledgeSet shipped() {
        return shipped;
    }

    /** The set answering now. */
    public KnowledgeSet current() {
        return current.get();
    }

    /** Answers one request from the set current when it starts, timed and observed. */
    public <T> T use(Function<KnowledgeSet, T> request) {
        KnowledgeSet set = current.get();
        long start = System.nanoTime();
        boolean failed = true;
        try {
            T answer = request.apply(set);
            failed = false;
            return answer;
        } catch (InvalidClinicalInputException e) {
            failed = false;   // the caller's input, not the knowledge
            throw e;
        } finally {
            observer.answered(Duration.ofNanos(System.nanoTime() - start), failed);
        }
    }

    /**
     * Makes {@code next} answer every request from now on.
     *
     * @return the set it replaces
     */
    public KnowledgeSet switchTo(KnowledgeSet next) {
        return current.getAndSet(Objects.requireNonNull(next, "next"));
    }

    /** Sets the one observer of answered requests. */
    public void observe(Observer o) {
        this.observer = Objects.requireNonNull(o, "o");
    }
}
