package com.mediassist.appliance.bundles.service;

import java.time.Duration;
import java.util.Optional;

/**
 * OTA settings for tests: no repository, state checked every 100 ms, a health gate deciding after 20
 * requests within 2 minutes, and the given p95 limit and golden-case budget.
 */
final class TestOtaConfig {

    private TestOtaConfig() {
    }

    static OtaConfig with(Duration p95, Duration budget) {
        return new OtaConfig() {
            public Duration goldenCaseBudget() {
                return budget;
            }

            public Optional<String> repositoryUrl() {
                return Optional.empty();
            }

            public Duration pollInterval() {
                return Duration.ofHours(6);
            }

            public Duration stateCheckInterval() {
                return Duration.ofMillis(100);
            }

            public int keep() {
                return 3;
            }

            public Gate gate() {
                return new Gate() {
                    public int minRequests() {
                        return 20;
                    }

                    public Duration window() {
                        return Duration.ofMinutes(2);
                    }

                    public double maxErrorRate() {
                        return 0.01;
                    }

                    public double maxFallbackRate() {
                        return 0.2;
                    }

                    public Duration maxP95Latency() {
                        return p95;
                    }
                };
            }
        };
    }
}
