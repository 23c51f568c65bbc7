package com.mediassist.appliance.sync;

import com.mediassist.appliance.status.LatencyRecorder;
import com.mediassist.store.Database;
import com.mediassist.sync.upload.DailyWindow;
import com.mediassist.sync.upload.RunResult;
import com.mediassist.sync.upload.SyncAgent;
import com.mediassist.sync.upload.SyncOptions;
import com.mediassist.sync.upload.SyncStatus;
import com.mediassist.sync.upload.VendorSettings;
import com.mediassist.sync.upload.VendorUrls;
import com.mediassist.sync.upload.crypto.ClinicKey;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs the sync agent inside the appliance: once a day at a random moment of the configured
 * window, and at the back-off time of a failed batch. Runs happen on one background thread, so
 * a slow or failing vendor never blocks a consultation; failures stay on the status page.
 */
@ApplicationScoped
public class SyncScheduler {

    private static final Logger LOG = Logger.getLogger(SyncScheduler.class);

    private final Database database;
    private final SyncConfig config;
    private final Clock clock;
    private final UploadEvents uploads;
    private final LatencyRecorder latencies;
    private final SecureRandom random = new SecureRandom();
    private volatile ScheduledExecutorService executor;
    private volatile Instant nextRunAt;
    private volatile String configurationProblem;

    public SyncScheduler(Database database, SyncConfig config, Clock clock, UploadEvents uploads, LatencyRecorder latencies) {
        this.database = database;
        this.config = config;
        this.clock = clock;
        this.uploads = uploads;
        this.latencies = latencies;
    }

    void onStart(@Observes StartupEvent event) {
        Optional<URI> url;
        try {
            url = vendorUrl();
        } catch (RuntimeException e) {
            configurationProblem = e.getMessage();
            LOG.error("Sync disabled: " + e.getMessage());
            return;
        }
        boolean enabled = config.enabled().orElse(url.isPresent());
        if (!enabled || url.isEmpty()) {
            return;
        }
        if (!ClinicKey.exists(database.options().dataDir())) {
            configurationProblem = "no clinic key: run 'bin/mediassist sync init' first";
            LOG.warn("Sync enabled but " + configurationProblem);
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mediassist-sync");
            t.setDaemon(true);
            return t;
        });
        schedule(window().nextRun(clock.instant(), clock.getZone(), random));
    }

    void onStop(@Observes ShutdownEvent event) {
        ScheduledExecutorService e = executor;
        if (e != null) {
            e.shutdownNow();
        }
    }

    /** The queue, with when the next run is planned. */
    public SyncStatus status() {
        return agent().status();
    }

    /** When the scheduler runs next; empty when it is off. */
    public Optional<Instant> nextRunAt() {
        return Optional.ofNullable(nextRunAt);
    }

    /** Why the sync is off despite being configured, if it is. */
    public Optional<String> configurationProblem() {
        return Optional.ofNullable(configurationProblem);
    }

    /** Whether the scheduler is running. */
    public boolean enabled() {
        return executor != null;
    }

    private void schedule(Instant at) {
        nextRunAt = at;
        long delayMs = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        executor.schedule(this::run, delayMs, TimeUnit.MILLISECONDS);
    }

    private void run() {
        SyncAgent agent = agent();
        Instant next = window().nextRun(clock.instant(), clock.getZone(), random);
        try {
            database.useTransaction(tx -> uploads.latencies(tx, latencies.snapshot()));
            RunResult r = agent.runOnce(true);
            LOG.infof("Sync run: %d batches, %d events accepted%s", r.batchesAccepted(), r.eventsSent(),
                    r.failure().map(f -> "; stopped: " + f).orElse(""));
            Optional<Instant> retry = agent.nextAttemptAt();
            if (retry.isPresent() && retry.get().isBefore(next)) {
                next = retry.get();
            }
        } catch (RuntimeException e) {
            LOG.error("Sync run failed: " + e.getMessage(), e);
        } finally {
            if (executor != null && !executor.isShutdown()) {
                schedule(next);
            }
        }
    }

    SyncAgent agent() {
        return SyncAgent.open(database, options(), clock, random);
    }

    SyncOptions options() {
        SyncOptions o = SyncOptions.defaults().withDelay(config.delay()).withK(config.k())
                .withHold(config.hold()).withQueueBudgetBytes(config.queueBudgetBytes()).withZone(clock.getZone()).withNotes(uploads.notes());
        Optional<URI> url;
        try {
            url = vendorUrl();
        } catch (RuntimeException e) {
            url = Optional.empty();
        }
        return url.map(o::withVendorUrl).orElse(o);
    }

    private Optional<URI> vendorUrl() {
        Optional<URI> configured = config.vendorUrl().filter(s -> !s.isBlank()).map(VendorUrls::parse);
        return configured.isPresent() ? configured : VendorSettings.load(database.options().dataDir());
    }

    private DailyWindow window() {
        return DailyWindow.parse(config.window());
    }
}
