package com.mediassist.appliance.status;

import com.mediassist.appliance.status.ModuleHealth.State;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Puts the status report together: configuration (modules out of service), what each module's
 * recent calls say, and what the modules' own probes say. A probe's answer wins over the calls'
 * unless the module is switched off.
 */
@ApplicationScoped
public class StatusService {

    /** Recent calls looked at per module. */
    static final int RECENT = 20;

    private final LatencyRecorder recorder;
    private final ModuleSwitch moduleSwitch;
    private final Instance<ModuleProbe> probes;
    private final Instance<ActiveBundleSource> bundles;
    private final Instance<HealthCheck> readiness;

    public StatusService(LatencyRecorder recorder, ModuleSwitch moduleSwitch, @Any Instance<ModuleProbe> probes,
            @Any Instance<ActiveBundleSource> bundles, @Readiness Instance<HealthCheck> readiness) {
        this.recorder = recorder;
        this.moduleSwitch = moduleSwitch;
        this.probes = probes;
        this.bundles = bundles;
        this.readiness = readiness;
    }

    public StatusReport report() {
        Map<String, ModuleHealth> health = new LinkedHashMap<>();
        for (Module m : Module.values()) {
            health.put(m.id(), observed(m));
        }
        for (ModuleProbe probe : probes) {
            ModuleHealth own = probe.probe();
            ModuleHealth seen = health.get(probe.name());
            if (seen != null && seen.state() == State.DISABLED) {
                continue;
            }
            health.put(probe.name(), seen == null || seen.state() == State.UNKNOWN || own.state() != State.UP
                    ? own : new ModuleHealth(own.name(), own.state(), own.detail() + "; " + seen.detail()));
        }
        // The readiness checks (database, model bundle...) are shown as they are.
        for (HealthCheck check : readiness) {
            ModuleHealth h = fromReadiness(check);
            health.putIfAbsent(h.name(), h);
        }
        BundleInfo bundle = null;
        for (ActiveBundleSource source : bundles) {
            Optional<BundleInfo> active = source.activeBundle();
            if (active.isPresent()) {
                bundle = active.get();
                break;
            }
        }
        return new StatusReport(bundle, List.copyOf(health.values()), recorder.snapshot());
    }

    static ModuleHealth fromReadiness(HealthCheck check) {
        try {
            HealthCheckResponse r = check.call();
            String detail = r.getData().map(d -> d.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .sorted().reduce((a, b) -> a + ", " + b).orElse("")).orElse("");
            return new ModuleHealth(r.getName(), r.getStatus() == HealthCheckResponse.Status.UP ? State.UP : State.DOWN,
                    detail.isEmpty() ? "readiness check " + r.getStatus() : detail);
        } catch (RuntimeException e) {
            return new ModuleHealth(check.getClass().getSimpleName(), State.DOWN, "readiness check failed: " + e.getMessage());
        }
    }

    /** Health as configuration and the module's most recent calls show it. */
    ModuleHealth observed(Module m) {
        if (moduleSwitch.isDisabled(m)) {
            return new ModuleHealth(m.id(), State.DISABLED, "out of service by configuration (mediassist.modules.disabled)");
        }
        List<LatencyRecorder.Call> calls = recorder.recentCalls(m);
        if (calls.isEmpty()) {
            return new ModuleHealth(m.id(), State.UNKNOWN, "no calls since the appliance started");
        }
        List<LatencyRecorder.Call> recent = new ArrayList<>(calls.subList(Math.max(0, calls.size() - RECENT), calls.size()));
        LatencyRecorder.Call last = recent.get(recent.size() - 1);
        long failed = recent.stream().filter(c -> c.status() >= 500).count();
        if (last.status() >= 500) {
            return new ModuleHealth(m.id(), State.DOWN, "last call answered " + last.status()
                    + "; " + failed + " of the last " + recent.size() + " calls failed");
        }
        if (failed > 0) {
            return new ModuleHealth(m.id(), State.DEGRADED, failed + " of the last " + recent.size() + " calls failed");
        }
        return new ModuleHealth(m.id(), State.UP, "the last " + recent.size() + " calls succeeded");
    }
}
