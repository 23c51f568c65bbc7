package com.mediassist.appliance.bundles.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mediassist.appliance.diagnosis.service.BundleConfig;
import com.mediassist.appliance.diagnosis.service.DiagnosisService;
import com.mediassist.core.InferenceCoreException;
import com.mediassist.core.bundle.BundleManifest;
import com.mediassist.core.bundle.VerifiedBundle;
import com.mediassist.sync.ota.BundleRef;
import com.mediassist.sync.ota.BundleStore;
import com.mediassist.sync.ota.BundleUpdates;
import com.mediassist.sync.ota.HealthGate;
import com.mediassist.sync.ota.OtaException;
import com.mediassist.sync.ota.OtaOptions;
import com.mediassist.sync.ota.OtaState;
import com.mediassist.sync.tuf.UrlFetcher;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs what {@code ota/state.json} says is active: at start, whenever {@code bin/mediassist bundles}
 * changes it, and after each poll of the update repository that installed a newer bundle. After a
 * switch to a newer bundle a {@link HealthGate} watches the live diagnoses; when it fails, the service
 * rolls back to the previous bundle (recorded in the history). A bundle set with
 * {@code mediassist.bundle.dir} wins: then nothing is switched live.
 */
@ApplicationScoped
public class BundleUpdateService {

    private static final Logger LOG = Logger.getLogger(BundleUpdateService.class);

    private final DiagnosisService diagnosis;
    private final BundleConfig bundleConfig;
    private final OtaConfig config;
    private final Clock clock;
    private final Path dataDir;
    private final String applianceVersion;
    private final Object switching = new Object();

    private volatile BundleUpdates updates;
    /** The OTA bundle running live ({@code <id>-<version>}); null: the shipped one. */
    private volatile String loaded;
    private volatile HealthGate gate;
    private volatile Instant nextPoll = Instant.EPOCH;
    private volatile String lastProblem;
    private ScheduledExecutorService timer;

    public BundleUpdateService(DiagnosisService diagnosis, BundleConfig bundleConfig, OtaConfig config, Clock clock,
                               @ConfigProperty(name = "mediassist.data-dir", defaultValue = "./data") Path dataDir,
                               @ConfigProperty(name = "quarkus.application.version", defaultValue = "0.1.0") String applianceVersion) {
        this.diagnosis = diagnosis;
        this.bundleConfig = bundleConfig;
        this.config = config;
        this.clock = clock;
        this.dataDir = dataDir;
        this.applianceVersion = applianceVersion;
    }

    /** After the diagnosis service loaded the shipped (or configured) bundle. */
    void onStart(@Observes @Priority(3000) StartupEvent event) {
        BundleManifest shipped = shippedManifest();
        updates = new BundleUpdates(new OtaOptions(config.repositoryUrl(), shipped == null ? "ddxplus-diagnosis" : shipped.id(),
                shipped == null ? "0" : shipped.version(), applianceVersion, config.keep(), diagnosis.options()),
                new BundleStore(dataDir), UrlFetcher.defaults(), clock);
        diagnosis.listen(this::answered);
        if (bundleConfig.dir().isPresent()) {
            LOG.infof("mediassist.bundle.dir is set: over-the-air bundles are kept but not switched live");
            return;
        }
        try {
            follow(false);
        } catch (OtaException e) {
            LOG.errorf("over-the-air bundle not switched at start: %s", e.getMessage());
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bundle-updates");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(50, config.stateCheckInterval().toMillis());
        timer.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private static BundleManifest shippedManifest() {
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("bundles/default/" + BundleManifest.FILE_NAME)) {
            return in == null ? null : new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, BundleManifest.class);
        } catch (IOException e) {
            return null;
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
                LOG.warnf("bundle updates: %s", e.getMessage());
            }
            lastProblem = e.getMessage();
        }
    }

    /** The updates of this appliance (state, check, activate, rollback). */
    public BundleUpdates updates() {
        return updates;
    }

    /** The OTA bundle running live, empty when it is the shipped (or configured) one. */
    public Optional<String> loaded() {
        return Optional.ofNullable(loaded);
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
        Optional<BundleRef> installed = updates.update();
        follow(true);
        return installed;
    }

    /** Rolls back now (an administrator's decision) and switches. */
    public Optional<BundleRef> rollback(String reason) throws OtaException {
        Optional<BundleRef> to = updates.rollback(reason);
        follow(false);
        return to;
    }

    /** Activates a kept version now and switches, with the health gate open. */
    public BundleRef activate(String version) throws OtaException {
        BundleRef ref = updates.activate(version);
        follow(true);
        return ref;
    }

    /**
     * Makes the live engine run what the state names. With {@code gated}, a switch to another bundle
     * opens the health gate on it.
     */
    void follow(boolean gated) throws OtaException {
        if (bundleConfig.dir().isPresent()) {
            return;
        }
        synchronized (switching) {
            OtaState state = updates.state();
            String wanted = state.activeBundle().map(BundleRef::label).orElse(null);
            if (Objects.equals(wanted, loaded)) {
                return;
            }
            Optional<VerifiedBundle> runnable = updates.runnable();
            if (runnable.isEmpty()) {
                diagnosis.load();
                loaded = null;
                gate = null;
                return;
            }
            VerifiedBundle vb = runnable.get();
            String label = vb.manifest().id() + "-" + vb.manifest().version();
            try {
                diagnosis.install(vb);
            } catch (InferenceCoreException e) {
                updates.rollback("the live engine could not open it: " + e.getMessage());
                follow(false);
                return;
            }
            loaded = label;
            BundleRef ref = updates.state().activeBundle().orElseThrow();
            gate = gated ? new HealthGate(ref, limits(), clock.instant()) : null;
        }
    }

    private HealthGate.Limits limits() {
        OtaConfig.Gate g = config.gate();
        return new HealthGate.Limits(g.minRequests(), g.window(), g.maxErrorRate(), g.maxFallbackRate(), g.maxP95Latency());
    }

    private void answered(Duration took, boolean fallback, boolean failed) {
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
                LOG.warnf("bundle %s failed its health gate (%s): rolling back", g.watched().label(), failed.reason());
                updates.rollback("health gate: " + failed.reason());
                follow(false);
            }
        } else if (v instanceof HealthGate.Passed) {
            gate = null;
        }
    }
}
