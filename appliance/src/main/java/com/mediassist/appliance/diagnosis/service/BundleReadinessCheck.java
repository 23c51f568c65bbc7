package com.mediassist.appliance.diagnosis.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the diagnosis bundle is loaded and verified; otherwise reports why not. */
@Readiness
@ApplicationScoped
public class BundleReadinessCheck implements HealthCheck {

    private final DiagnosisService service;

    public BundleReadinessCheck(DiagnosisService service) {
        this.service = service;
    }

    @Override
    public HealthCheckResponse call() {
        var b = HealthCheckResponse.named("diagnosis-bundle");
        return service.activeBundle()
                .map(m -> b.up().withData("bundle", m.id()).withData("version", m.version()).build())
                .orElseGet(() -> b.down().withData("reason",
                        com.mediassist.appliance.health.PublicDetail.withoutPaths(service.unavailableReason().orElse("not loaded"))).build());
    }
}
