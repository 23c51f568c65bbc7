package com.mediassist.appliance.status;

import com.mediassist.appliance.status.ModuleHealth.State;
import com.mediassist.core.diagnosis.DiagnosisResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Watches the diagnosis answers leaving the appliance to tell whether the transparent fallback is
 * answering instead of the model (ONNX failure or time budget exceeded), and why.
 */
@ApplicationScoped
public class FallbackObserver implements ModuleProbe {

    /** Answers looked at. */
    static final int RECENT = 20;

    private final Deque<DiagnosisResult> recent = new ArrayDeque<>();

    @ServerResponseFilter
    public void observe(ContainerResponseContext response) {
        if (response.getEntity() instanceof DiagnosisResult result) {
            seen(result);
        }
    }

    synchronized void seen(DiagnosisResult result) {
        recent.addLast(result);
        while (recent.size() > RECENT) {
            recent.removeFirst();
        }
    }

    @Override
    public String name() {
        return "diagnosis-fallback";
    }

    @Override
    public synchronized ModuleHealth probe() {
        if (recent.isEmpty()) {
            return new ModuleHealth(name(), State.UNKNOWN, "no diagnosis answered since the appliance started");
        }
        long fallbacks = recent.stream().filter(DiagnosisResult::fallback).count();
        DiagnosisResult last = recent.getLast();
        if (last.fallback()) {
            return new ModuleHealth(name(), State.DEGRADED, "in use for the last answer: " + last.fallbackReason()
                    + " (" + fallbacks + " of the last " + recent.size() + " answers)");
        }
        return new ModuleHealth(name(), State.UP, "not in use: the model answered the last call ("
                + fallbacks + " of the last " + recent.size() + " answers came from the fallback)");
    }
}
