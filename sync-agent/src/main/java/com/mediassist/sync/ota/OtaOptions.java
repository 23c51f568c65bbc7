package com.mediassist.sync.ota;

import com.mediassist.core.diagnosis.DiagnosisOptions;
import java.util.Optional;

/**
 * How the box takes bundles over the air.
 *
 * @param repositoryUrl    the update repository's base URL (its {@code metadata/} and {@code targets/}
 *                         are under it); empty: no polling, offline imports only
 * @param bundleId         the bundle id this box runs ({@code ddxplus-diagnosis})
 * @param shippedVersion   the version of the bundle shipped in the appliance (what runs when no OTA
 *                         bundle is active); only newer versions are installed automatically
 * @param applianceVersion the running appliance version, checked against a bundle's {@code minApplianceVersion}
 * @param keep             how many bundles to keep on disk (at least 2; default 3)
 * @param diagnosis        the engine settings, also used by the shadow engine that runs golden cases
 */
public record OtaOptions(Optional<String> repositoryUrl, String bundleId, String shippedVersion,
                         String applianceVersion, int keep, DiagnosisOptions diagnosis) {

    public OtaOptions {
        if (keep < 2) {
            throw new IllegalArgumentException("keep at least 2 bundles (the active and the previous), found " + keep);
        }
        repositoryUrl = repositoryUrl.filter(u -> !u.isBlank()).map(u -> u.endsWith("/") ? u : u + "/");
    }
}
