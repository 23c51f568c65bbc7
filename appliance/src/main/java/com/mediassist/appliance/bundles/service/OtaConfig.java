package com.mediassist.appliance.bundles.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Over-the-air bundle updates ({@code mediassist.ota.*}). */
@ConfigMapping(prefix = "mediassist.ota")
public interface OtaConfig {

    /**
     * Base URL of the vendor's update repository (its {@code metadata/} and {@code targets/} are under
     * it), e.g. {@code https://fleet.example/repository/}. Default: none — no polling; bundles arrive by
     * {@code bin/mediassist bundles import} only.
     */
    Optional<String> repositoryUrl();

    /** How often to poll the repository. Default {@code PT6H}. */
    @WithDefault("PT6H")
    Duration pollInterval();

    /** How often to look for a change of the active bundle made by {@code bin/mediassist bundles}. Default {@code PT5S}. */
    @WithDefault("PT5S")
    Duration stateCheckInterval();

    /** Bundles kept on disk (at least 2). Default 3. */
    @WithDefault("3")
    int keep();

    /**
     * The longest one golden case may take in the shadow engine before a switch (after the first, which warms
     * it up): a model slower than this is refused before it serves. Default {@code PT1S}.
     */
    @WithDefault("PT1S")
    Duration goldenCaseBudget();

    /** The health gate after a switch. */
    Gate gate();

    /** Health gate limits; past any of them the appliance rolls back. */
    interface Gate {
        /** Diagnoses observed before the verdict. Default 50. */
        @WithDefault("50")
        int minRequests();

        /** The longest the gate stays open; then it decides on what it saw. Default {@code PT10M}. */
        @WithDefault("PT10M")
        Duration window();

        /** Largest share of failed diagnoses. Default 0.01. */
        @WithDefault("0.01")
        double maxErrorRate();

        /** Largest share of answers by the fallback. Default 0.2. */
        @WithDefault("0.2")
        double maxFallbackRate();

        /** Largest 95th-percentile diagnosis time. Default {@code PT1S}. */
        @WithDefault("PT1S")
        Duration maxP95Latency();
    }
}
