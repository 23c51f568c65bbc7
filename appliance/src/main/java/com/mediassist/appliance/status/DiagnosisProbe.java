package com.mediassist.appliance.status;

import com.mediassist.appliance.diagnosis.service.DiagnosisService;
import com.mediassist.appliance.status.ModuleHealth.State;
import com.mediassist.core.bundle.BundleManifest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The diagnosis module's own view: whether its bundle loaded, and which one is active. */
@ApplicationScoped
public class DiagnosisProbe implements ModuleProbe, ActiveBundleSource {

    private final DiagnosisService diagnosis;

    public DiagnosisProbe(DiagnosisService diagnosis) {
        this.diagnosis = diagnosis;
    }

    @Override
    public String name() {
        return Module.DIAGNOSIS.id();
    }

    @Override
    public ModuleHealth probe() {
        Optional<String> reason = diagnosis.unavailableReason();
        if (reason.isPresent()) {
            return new ModuleHealth(name(), State.DOWN, reason.get());
        }
        return activeBundle().map(b -> new ModuleHealth(name(), State.UP, "bundle " + b.id() + " " + b.version() + " loaded"))
                .orElseGet(() -> new ModuleHealth(name(), State.DOWN, "no bundle loaded"));
    }

    @Override
    public Optional<BundleInfo> activeBundle() {
        return diagnosis.activeBundle().map(DiagnosisProbe::info);
    }

    private static BundleInfo info(BundleManifest m) {
        return new BundleInfo(m.id(), m.version(), m.createdAt(), m.format());
    }
}
