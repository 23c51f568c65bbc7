package com.mediassist.appliance.bundles.service;

import com.mediassist.appliance.knowledge.ActiveKnowledge;
import com.mediassist.core.diagnosis.DiagnosisOptions;
import com.mediassist.core.knowledge.KnowledgeException;
import com.mediassist.core.knowledge.bundle.KnowledgeManifest;
import com.mediassist.core.knowledge.set.KnowledgeSet;
import com.mediassist.sync.ota.BundleRef;
import com.mediassist.sync.ota.BundleStore;
import com.mediassist.sync.ota.KnowledgeUpdates;
import com.mediassist.sync.ota.OtaException;
import com.mediassist.sync.ota.OtaOptions;
import com.mediassist.sync.ota.OtaUpdates;
import com.mediassist.sync.tuf.UrlFetcher;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs the knowledge that {@code ota/knowledge/state.json} says is active, as {@link BundleUpdateService} does
 * for diagnosis bundles: at start, when {@code bin/mediassist bundles} changes it, and after a poll of the
 * update repository installed a newer knowledge bundle. The new {@link KnowledgeSet} is loaded completely
 * (every file verified) before one reference switches to it; then a {@link HealthGate} watches medication
 * checks, recommended tests and preventive care, and a failure rolls back to the previous knowledge (or the
 * shipped one).
 */
@ApplicationScoped
public class KnowledgeUpdateService extends LiveUpdates {

    private static final Logger LOG = Logger.getLogger(KnowledgeUpdateService.class);

    private final ActiveKnowledge knowledge;
    private final Path dataDir;
    private final String applianceVersion;

    private volatile KnowledgeUpdates updates;
    /** The OTA knowledge bundle answering ({@code <id>-<version>}); null: the shipped knowledge. */
    private volatile String loaded;

    public KnowledgeUpdateService(ActiveKnowledge knowledge, OtaConfig config, Clock clock,
                                  @ConfigProperty(name = "mediassist.data-dir", defaultValue = "./data") Path dataDir,
                                  @ConfigProperty(name = "quarkus.application.version", defaultValue = "0.1.0") String applianceVersion) {
        super(config, clock);
        this.knowledge = knowledge;
        this.dataDir = dataDir;
        this.applianceVersion = applianceVersion;
    }

    void onStart(@Observes @Priority(3100) StartupEvent event) {
        updates = new KnowledgeUpdates(new OtaOptions(config.repositoryUrl(), KnowledgeUpdates.BUNDLE_ID,
                KnowledgeManifest.shipped().bundleVersion(), applianceVersion, config.keep(), DiagnosisOptions.defaults()),
                BundleStore.knowledge(dataDir), UrlFetcher.defaults(), clock);
        knowledge.observe((took, failed) -> answered(took, false, failed));
        try {
            follow(false);
        } catch (OtaException | KnowledgeException e) {
            LOG.errorf("over-the-air knowledge not switched at start: %s", e.getMessage());
        }
        startTimer("knowledge-updates");
    }

    void onStop(@Observes ShutdownEvent event) {
        stopTimer();
    }

    @Override
    OtaUpdates<?> ota() {
        return updates;
    }

    /** The knowledge updates of this appliance (state, check, activate, rollback). */
    public KnowledgeUpdates updates() {
        return updates;
    }

    /**
     * Makes the live knowledge what the state names: the set is opened completely (or the switch does not
     * happen), then swapped in one step. With {@code gated}, a switch opens the health gate on it.
     */
    @Override
    void follow(boolean gated) throws OtaException {
        synchronized (switching) {
            String wanted = updates.state().activeBundle().map(BundleRef::label).orElse(null);
            if (Objects.equals(wanted, loaded)) {
                return;
            }
            Optional<KnowledgeSet> next;
            try {
                next = updates.runnableSet();
            } catch (KnowledgeException e) {
                updates.rollback("the live knowledge could not be opened: " + e.getMessage());
                follow(false);
                return;
            }
            knowledge.switchTo(next.orElseGet(knowledge::shipped));
            loaded = next.map(s -> s.manifest().bundleId() + "-" + s.manifest().bundleVersion()).orElse(null);
            gate(gated && next.isPresent());
            LOG.infof("knowledge in use: %s", knowledge.current().version());
        }
    }
}
