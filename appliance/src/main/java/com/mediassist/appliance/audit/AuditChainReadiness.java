package com.mediassist.appliance.audit;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows the audit chain's state in the readiness details. Always up: a broken chain is for the
 * administrator to investigate, and doctors must keep being served meanwhile.
 */
@Readiness
@ApplicationScoped
public class AuditChainReadiness implements HealthCheck {

    private final AuditChainMonitor monitor;

    public AuditChainReadiness(AuditChainMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public HealthCheckResponse call() {
        AuditChainMonitor.State s = monitor.state();
        return HealthCheckResponse.named(AuditChainMonitor.NAME).up()
                .withData("intact", s.broken() == null)
                .withData("state", s.describe())
                .build();
    }
}
