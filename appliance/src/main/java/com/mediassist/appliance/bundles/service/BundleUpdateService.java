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
import com.mediassist.sync.ota.OtaException;
import com.mediassist.sync.ota.OtaOptions;
import com.mediassist.sync.ota.OtaState;
import com.mediassist.sync.ota.OtaUpdates;
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
import java.util.Objects;
import java.util.Optional;
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
public class BundleUpdateService extends LiveUpdates {

    private static final Logger LOG = Logger.getLogger(BundleUpdateService.class);

    private final DiagnosisService diagnosis;
    private final BundleConfig bundleConfig;
    private final Path dataDir;
    private final String applianceVersion;

    private volatile BundleUpdates updates;
    /** The OTA bundle running live ({@code <id>-<version>}); null: the shipped one. */
    private volatile String loaded;

    public BundleUpdateService(DiagnosisService diagnosis, BundleConfig bundleConfig, OtaConfig config, Clock clock,
                               @ConfigProperty(name = "mediassist.data-dir", defaultValue = "./data") Path dataDir,
                               @ConfigProperty(name = "quarkus.application.version", defaultValue = "0.1.0") String applianceVersion) {
        super(config, clock);
        this.diagnosis = diagnosis;
        this.bundleConfig = bundleConfig;
        this.dataDir = dataDir;
        this.applianceVersion = applianceVersion;
    }

    /** After the diagnosis service loaded the shipped (or configured) bundle. */
    void onStart(@Observes @Priority(3000) StartupEvent event) {
        BundleManifest shipped = shippedManifest();
        updates = new BundleUpdates(new OtaOptions(config.repositoryUrl(), shipped == null ? "ddxplus-diagnosis" : shipped.id(),
                shipped == null ? "0" : shipped.version(), applianceVersion, config.keep(), diagnosis.options())
                .withGoldenCaseBudget(config.goldenCaseBudget()),
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
        startTimer("bundle-updates");
    }

    void onStop(@Observes ShutdownEvent event) {
        stopTimer();
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

    @Override
    OtaUpdates<?> ota() {
        return updates;
    }

    /** The updates of this appliance (state, check, activate, rollback). */
    public BundleUpdates updates() {
        return updates;
    }

    /** The OTA bundle running live, empty when it is the shipped (or configured) one. */
    public Optional<String> loaded() {
        return Optional.ofNullable(loaded);
    }

    /** Activates a kept version now and switches, with the health gate open. */
    public BundleRef activate(String version) throws OtaException {
        BundleRef ref = updates.activate(version);
        follow(true);
        return ref;
    }

    @Override
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
                gate(false);
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
            gate(gated);
        }
    }
}
