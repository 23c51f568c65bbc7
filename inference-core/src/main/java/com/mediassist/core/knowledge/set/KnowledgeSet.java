package com.mediassist.core.knowledge.set;

import com.mediassist.core.knowledge.bundle.KnowledgeManifest;
import com.mediassist.core.medication.MedicationChecker;
import com.mediassist.core.medication.MedicationKnowledge;
import com.mediassist.core.prevention.PreventiveCareEngine;
import com.mediassist.core.workup.WorkupPlanner;
import java.time.Clock;
import java.util.Objects;

/**
 * Every knowledge engine of one knowledge bundle, loaded completely before anyone can use it: a set is
 * either fully open or does not exist, so a box that swaps one reference never answers from a half-loaded
 * knowledge. Immutable and thread-safe; holds no native resources (dropping it is enough).
 *
 * @param manifest   the bundle's verified manifest (its {@link KnowledgeManifest#version()} is reported with
 *                   every alert, test and preventive item)
 * @param medication the medication checker
 * @param workup     the recommended tests
 * @param prevention the preventive-care rules
 */
public record KnowledgeSet(KnowledgeManifest manifest, MedicationChecker medication, WorkupPlanner workup,
                           PreventiveCareEngine prevention) {

    public KnowledgeSet {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(medication, "medication");
        Objects.requireNonNull(workup, "workup");
        Objects.requireNonNull(prevention, "prevention");
    }

    /**
     * Loads every engine of a bundle, each file hash-verified through its manifest.
     *
     * @param clock "today" of the preventive-care rules
     * @throws com.mediassist.core.knowledge.KnowledgeException when a file is missing, altered or malformed
     */
    public static KnowledgeSet open(KnowledgeManifest manifest, Clock clock) {
        return new KnowledgeSet(manifest, new MedicationChecker(MedicationKnowledge.load(manifest)),
                WorkupPlanner.load(manifest), PreventiveCareEngine.load(manifest, clock));
    }

    /** The knowledge shipped in the class path. */
    public static KnowledgeSet shipped(Clock clock) {
        return open(KnowledgeManifest.shipped(), clock);
    }

    /** @return the knowledge version, e.g. {@code mediassist-knowledge 2026.11.28-1} */
    public String version() {
        return manifest.version();
    }
}
