package com.mediassist.sync.ota;

import com.mediassist.core.diagnosis.DiagnosisOptions;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the box takes bundles over the air.
 *
 * @param repositoryUrl    the update repository's base URL (its {@code metadata/} and {@code targets/} are under
 *                         it); empty: no polling, offline imports only
 * @param bundleId         the bundle id this box runs ({@code ddxplus-diagnosis}, or {@code mediassist-knowledge}
 *                         for knowledge bundles)
 * @param shippedVersion   the version of the bundle shipped in the appliance (what runs when no OTA bundle is
 *                         active); only newer versions are installed automatically
 * @param applianceVersion the running appliance version, checked against a bundle's {@code minApplianceVersion}
 * @param keep             how many bundles to keep on disk (at least 2; default 3)
 * @param diagnosis        the engine settings, also used by the shadow engine that runs golden cases
 * @param goldenCaseBudget the longest one golden case may take in the shadow engine (after the first, which
 *                         warms it up); a slower bundle is refused (default 1 s, the health gate's p95 limit)
 * @param checkpoints      told when staging and activation reach each step (default: nothing)
 */
public record OtaOptions(Optional<String> repositoryUrl, String bundleId, String shippedVersion,
                         String applianceVersion, int keep, DiagnosisOptions diagnosis, Duration goldenCaseBudget,
                         Checkpoints checkpoints) {

    /** The default {@link #goldenCaseBudget}. */
    public static final Duration DEFAULT_GOLDEN_CASE_BUDGET = Duration.ofSeconds(1);

    /**
     * Told when an update reaches a step, named as in {@link OtaUpdates} ({@code downloaded}, {@code unpacked},
     * {@code verified}, {@code kept}, {@code staged}, {@code activating}, {@code activated}). A supervisor
     * uses it to observe, and a crash test to stop the process exactly there.
     */
    @FunctionalInterface
    public interface Checkpoints {
        /** No observer. */
        Checkpoints NONE = step -> { };

        void reached(String step);
    }

    public OtaOptions {
        if (keep < 2) {
            throw new IllegalArgumentException("keep at least 2 bundles (the active and the previous), found " + keep);
        }
        repositoryUrl = repositoryUrl.filter(u -> !u.isBlank()).map(u -> u.endsWith("/") ? u : u + "/");
        Objects.requireNonNull(goldenCaseBudget, "goldenCaseBudget");
        checkpoints = checkpoints == null ? Checkpoints.NONE : checkpoints;
    }

    /** Options with the default golden-case budget and no checkpoints. */
    public OtaOptions(Optional<String> repositoryUrl, String bundleId, String shippedVersion, String applianceVersion,
                      int keep, DiagnosisOptions diagnosis) {
        this(repositoryUrl, bundleId, shippedVersion, applianceVersion, keep, diagnosis, DEFAULT_GOLDEN_CASE_BUDGET,
                Checkpoints.NONE);
    }

    /** These options with another golden-case budget. */
    public OtaOptions withGoldenCaseBudget(Duration budget) {
        return new OtaOptions(repositoryUrl, bundleId, shippedVersion, applianceVersion, keep, diagnosis, budget,
                checkpoints);
    }

    /** These options with an observer of the steps. */
    public OtaOptions withCheckpoints(Checkpoints observer) {
        return new OtaOptions(repositoryUrl, bundleId, shippedVersion, applianceVersion, keep, diagnosis,
                goldenCaseBudget, observer);
    }

    /** These options for another bundle id and shipped version (the knowledge bundles beside the diagnosis ones). */
    public OtaOptions forBundle(String id, String shipped) {
        return new OtaOptions(repositoryUrl, id, shipped, applianceVersion, keep, diagnosis, goldenCaseBudget,
                checkpoints);
    }
}
