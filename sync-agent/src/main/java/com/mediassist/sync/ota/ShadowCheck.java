package com.mediassist.sync.ota;

import com.mediassist.core.InferenceCoreException;
import com.mediassist.core.bundle.VerifiedBundle;
import com.mediassist.core.diagnosis.DiagnosisEngine;
import com.mediassist.core.diagnosis.DiagnosisOptions;
import com.mediassist.core.diagnosis.GoldenCases;
import com.mediassist.sync.ota.OtaException.BundleRefusedException;

/**
 * Opens a staged bundle in a shadow engine, beside the live one, and runs the golden cases it ships, each
 * within the latency budget of one diagnosis (a model too slow for the clinic is refused);
 * the engine is closed again whatever happens. A bundle without golden cases is refused: the box
 * cannot tell that it runs the model as the vendor did.
 */
final class ShadowCheck {

    private ShadowCheck() {
    }

    /** @throws BundleRefusedException naming the failing case or the reason the engine did not open */
    static void run(VerifiedBundle bundle, DiagnosisOptions options, java.time.Duration budget) throws BundleRefusedException {
        String label = bundle.manifest().id() + "-" + bundle.manifest().version();
        GoldenCases golden;
        try {
            golden = GoldenCases.of(bundle).orElseThrow(() -> new BundleRefusedException(label,
                    "it ships no golden cases (knowledge role '" + GoldenCases.ROLE + "')", null));
        } catch (InferenceCoreException e) {
            throw new BundleRefusedException(label, e.getMessage(), e);
        }
        try (DiagnosisEngine shadow = DiagnosisEngine.open(bundle, options)) {
            golden.check(shadow, budget);
        } catch (RuntimeException e) {
            throw new BundleRefusedException(label, "shadow engine: " + e.getMessage(), e);
        }
    }
}
