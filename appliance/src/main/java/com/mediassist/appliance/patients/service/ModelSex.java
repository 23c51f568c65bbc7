package com.mediassist.appliance.patients.service;

import com.mediassist.core.knowledge.Sex;
import java.util.Optional;

/**
 * The one mapping from the record's administrative sex to the diagnosis model's: female → F, male →
 * M; the model knows no other, so "other" and "unknown" have none (the engines then say what is missing).
 */
public final class ModelSex {

    private ModelSex() {
    }

    /** The model's sex for the record's, empty for other, unknown or none. */
    public static Optional<Sex> of(com.mediassist.store.patients.Sex recorded) {
        if (recorded == null) {
            return Optional.empty();
        }
        return switch (recorded) {
            case FEMALE -> Optional.of(Sex.F);
            case MALE -> Optional.of(Sex.M);
            case OTHER, UNKNOWN -> Optional.empty();
        };
    }
}
