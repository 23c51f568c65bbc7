package com.mediassist.appliance.status;

/**
 * A module's own view of its health (e.g. the diagnosis engine knows whether its ONNX session
 * loaded and whether answers come from the fallback). The status page shows a probe's answer next
 * to what the recent calls say.
 */
public interface ModuleProbe {

    /** The module (or sub-module, e.g. {@code diagnosis-fallback}) this probe reports on. */
    String name();

    /** The current health; must not block for long (it is called on every status request). */
    ModuleHealth probe();
}
