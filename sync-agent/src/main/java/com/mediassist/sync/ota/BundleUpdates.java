package com.mediassist.sync.ota;

import com.fasterxml.jackson.databind.JsonNode;
import com.mediassist.core.InferenceCoreException;
import com.mediassist.core.bundle.BundleLoader;
import com.mediassist.core.bundle.VerifiedBundle;
import com.mediassist.core.knowledge.FeatureSpace;
import com.mediassist.sync.ota.OtaException.BundleRefusedException;
import com.mediassist.sync.tuf.Fetcher;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Over-the-air <em>diagnosis</em> bundles (ONNX model, knowledge, calibration, golden cases): verified with
 * {@link BundleLoader}, golden cases run in a shadow {@code DiagnosisEngine} within the latency budget,
 * state in {@code <data-dir>/ota/}.
 */
public final class BundleUpdates extends OtaUpdates<VerifiedBundle> {

    public BundleUpdates(OtaOptions options, BundleStore store, Fetcher fetcher, Clock clock) {
        super(options, store, fetcher, clock);
    }

    @Override
    public String kind() {
        return "diagnosis";
    }

    @Override
    boolean runs(JsonNode custom) {
        return FeatureSpace.ENCODING.equals(custom.path("encoding").asText(FeatureSpace.ENCODING));
    }

    @Override
    VerifiedBundle open(Path dir, String label) throws BundleRefusedException {
        try {
            return new BundleLoader(options().applianceVersion()).load(dir);
        } catch (InferenceCoreException e) {
            throw new BundleRefusedException(label, e.getMessage(), e);
        }
    }

    @Override
    String manifestLabel(VerifiedBundle bundle) {
        return bundle.manifest().id() + "-" + bundle.manifest().version();
    }

    @Override
    void shadow(VerifiedBundle bundle, String label) throws BundleRefusedException {
        ShadowCheck.run(bundle, options().diagnosis(), options().goldenCaseBudget());
    }
}
