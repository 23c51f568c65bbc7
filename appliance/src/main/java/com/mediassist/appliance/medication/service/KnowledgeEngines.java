package com.mediassist.appliance.medication.service;

import com.mediassist.core.medication.MedicationChecker;
import com.mediassist.core.medication.MedicationKnowledge;
import com.mediassist.core.prevention.PreventiveCareEngine;
import com.mediassist.core.workup.WorkupPlanner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * Loads the deterministic knowledge engines once per process. They need no model and keep working
 * when every model is down; a knowledge file that fails to load stops start-up with a
 * {@code KnowledgeFormatException} naming the file and line.
 */
@ApplicationScoped
public class KnowledgeEngines {

    @Produces
    @ApplicationScoped
    MedicationChecker medicationChecker() {
        return new MedicationChecker(MedicationKnowledge.loadDefault());
    }

    @Produces
    @ApplicationScoped
    WorkupPlanner workupPlanner() {
        return WorkupPlanner.loadDefault();
    }

    @Produces
    @ApplicationScoped
    PreventiveCareEngine preventiveCareEngine(Clock clock) {
        return PreventiveCareEngine.loadDefault(clock);
    }
}
