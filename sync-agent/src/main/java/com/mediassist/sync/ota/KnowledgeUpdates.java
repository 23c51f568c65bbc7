package com.mediassist.sync.ota;

import com.fasterxml.jackson.databind.JsonNode;
import com.mediassist.core.knowledge.KnowledgeException;
import com.mediassist.core.knowledge.bundle.KnowledgeManifest;
import com.mediassist.core.knowledge.set.KnowledgeGoldenCases;
import com.mediassist.core.knowledge.set.KnowledgeSet;
import com.mediassist.sync.ota.OtaException.BundleRefusedException;
import com.mediassist.sync.tuf.Fetcher;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Over-the-air <em>knowledge</em> bundles (medicines, interaction pairs and mechanisms, drug–condition and
 * allergy rules, recommended tests, preventive care): target {@code bundles/mediassist-knowledge-<version>.zip}
 * with {@code custom.kind} {@code knowledge} and {@code custom.format}; verified file by file against the
 * bundle's {@link KnowledgeManifest}, refused when written in a format this appliance does not read or
 * for a newer appliance, opened as a shadow {@link KnowledgeSet} whose {@link KnowledgeGoldenCases} must
 * give the vendor's answers. State in {@code <data-dir>/ota/knowledge/}, beside the diagnosis bundles'.
 */
public final class KnowledgeUpdates extends OtaUpdates<KnowledgeManifest> {

    /** The bundle id of the shipped knowledge and of every knowledge bundle. */
    public static final String BUNDLE_ID = "mediassist-knowledge";

    public KnowledgeUpdates(OtaOptions options, BundleStore store, Fetcher fetcher, Clock clock) {
        super(options, store, fetcher, clock);
    }

    @Override
    public String kind() {
        return "knowledge";
    }

    @Override
    boolean runs(JsonNode custom) {
        return KnowledgeManifest.FORMAT.equals(custom.path("format").asText(""));
    }

    @Override
    KnowledgeManifest open(Path dir, String label) throws BundleRefusedException {
        KnowledgeManifest m;
        try {
            m = KnowledgeManifest.fromDirectory(dir);
            m.verifyAll();
        } catch (KnowledgeException e) {
            throw new BundleRefusedException(label, e.getMessage(), e);
        }
        if (!KnowledgeManifest.FORMAT.equals(m.format())) {
            throw new BundleRefusedException(label, "it is written in knowledge format '" + m.format()
                    + "'; this appliance reads '" + KnowledgeManifest.FORMAT + "'", null);
        }
        if (Versions.compare(m.minApplianceVersion(), options().applianceVersion()) > 0) {
            throw new BundleRefusedException(label, "it needs appliance " + m.minApplianceVersion()
                    + " or newer; this is " + options().applianceVersion(), null);
        }
        return m;
    }

    @Override
    String manifestLabel(KnowledgeManifest bundle) {
        return bundle.bundleId() + "-" + bundle.bundleVersion();
    }

    @Override
    void shadow(KnowledgeManifest bundle, String label) throws BundleRefusedException {
        try {
            KnowledgeGoldenCases golden = KnowledgeGoldenCases.of(bundle).orElseThrow(() -> new BundleRefusedException(
                    label, "it ships no golden cases (" + KnowledgeGoldenCases.FILE_NAME + " in its manifest)", null));
            golden.check(KnowledgeSet.open(bundle, clock()));
        } catch (KnowledgeException | IllegalArgumentException e) {
            throw new BundleRefusedException(label, "shadow knowledge: " + e.getMessage(), e);
        }
    }

    /** Opens the active knowledge bundle as a complete set, or empty for the shipped knowledge. */
    public java.util.Optional<KnowledgeSet> runnableSet() throws OtaException {
        java.util.Optional<KnowledgeManifest> m = runnable();
        return m.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(KnowledgeSet.open(m.get(), clock()));
    }
}
