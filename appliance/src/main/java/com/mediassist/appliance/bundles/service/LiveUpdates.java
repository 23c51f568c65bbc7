package com.mediassist.appliance.bundles.service;

import com.mediassist.sync.ota.BundleRef;
import com.mediassist.sync.ota.HealthGate;
import com.mediassist.sync.ota.OtaException;
import com.mediassist.sync.ota.OtaUpdates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * What the appliance does with one kind of over-the-air bundle, live: poll the repository on schedule,
 * follow {@code state.json} (changed by {@code bin/mediassist bundles} too), switch the live engine, watch
 * the switch with a {@link HealthGate} and roll back when it fails. Subclasses say how to switch.
 */
abstract class LiveUpdates {

    private static final Logger LOG = Logger.getLogger(LiveUpdates.class);

    // Not final: the client proxies of the @ApplicationScoped subclasses are built with the no-args constructor.
    OtaConfig config;
    Clock clock;
    /** Held while the live engine is switched. */
    final Object switching = new Object();

    volatile HealthGate gate;
    private volatile Instant nextPoll = Instant.EPOCH;
    private volatile String lastProblem;
    private ScheduledExecutorService timer;

    /** For the container's client proxies only. */
    LiveUpdates() {
    }

    LiveUpdates(OtaConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** The updates of this kind (state, check, activate, rollback). */
    abstract OtaUpdates<?> ota();

    /**
     * Makes the live engine run what the state names. With {@code gated}, a switch to another bundle opens
     * the health gate on it.
     */
    abstract void follow(boolean gated) throws OtaException;

    /** Checks the state (and polls when due) every {@code state-check-interval}, on a daemon thread. */
    void startTimer(String name) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(50, config.stateCheckInterval().toMillis());
        timer.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    void stopTimer() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void tick() {
        try {
            if (config.repositoryUrl().isPresent() && !clock.instant().isBefore(nextPoll)) {
                nextPoll = clock.instant().plus(config.pollInterval());
                update();
            }
            follow(true);
            judgeGate();
            lastProblem = null;
        } catch (OtaException | RuntimeException e) {
            if (!Objects.equals(lastProblem, e.getMessage())) {
                LOG.warnf("%s updates: %s", ota().kind(), e.getMessage());
            }
            lastProblem = e.getMessage();
        }
    }

    /** The open health gate's bundle, when one is being watched. */
    public Optional<BundleRef> watched() {
        HealthGate g = gate;
        return g == null ? Optional.empty() : Optional.of(g.watched());
    }

    /** The last problem of the background work (poll, switch), when the last run had one. */
    public Optional<String> lastProblem() {
        return Optional.ofNullable(lastProblem);
    }

    /** Polls the repository now and switches to what it installed. */
    public Optional<BundleRef> update() throws OtaException {
        Optional<BundleRef> installed = ota().update();
        follow(true);
        return installed;
    }

    /** Rolls back now (an administrator's decision) and switches. */
    public Optional<BundleRef> rollback(String reason) throws OtaException {
        Optional<BundleRef> to = ota().rollback(reason);
        follow(false);
        return to;
    }

    /** Opens the health gate on the active bundle (or closes it). */
    void gate(boolean open) throws OtaException {
        if (!open) {
            gate = null;
            return;
        }
        OtaConfig.Gate g = config.gate();
        gate = new HealthGate(ota().state().activeBundle().orElseThrow(),
                new HealthGate.Limits(g.minRequests(), g.window(), g.maxErrorRate(), g.maxFallbackRate(), g.maxP95Latency()),
                clock.instant());
    }

    /** One answered request, for the open gate. */
    void answered(Duration took, boolean fallback, boolean failed) {
        HealthGate g = gate;
        if (g != null) {
            g.record(took, fallback, failed);
        }
    }

    /** Closes the gate when it passed; rolls back when it failed. */
    void judgeGate() throws OtaException {
        HealthGate g = gate;
        if (g == null) {
            return;
        }
        HealthGate.Verdict v = g.verdict(clock.instant());
        if (v instanceof HealthGate.Failed failed) {
            synchronized (switching) {
                if (gate != g) {
                    return;
                }
                gate = null;
                LOG.warnf("%s %s failed its health gate (%s): rolling back", ota().kind(), g.watched().label(),
                        failed.reason());
                ota().rollback("health gate: " + failed.reason());
                follow(false);
            }
        } else if (v instanceof HealthGate.Passed) {
            gate = null;
        }
    }
}
