package com.mediassist.core.summary;

import com.mediassist.core.knowledge.Language;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Sections of a primary-care consultation note. */
public enum SectionKind {
    REASON_FOR_VISIT("Motivo de consulta", "Reason for visit"),
    HISTORY_OF_PRESENT_ILLNESS("Enfermedad actual", "History of present illness"),
    PAST_HISTORY("Antecedentes personales", "Past history"),
    FAMILY_HISTORY("Antecedentes familiares", "Family history"),
    MEDICATIONS("Tratamiento habitual", "Medications"),
    ALLERGIES("Alergias", "Allergies"),
    EXAMINATION("Exploración", "Examination"),
    ASSESSMENT("Juicio clínico", "Assessment"),
    PLAN("Plan", "Plan");

    private final String spanish;
    private final String english;

    SectionKind(String spanish, String english) {
        this.spanish = spanish;
        this.english = english;
    }

    /** Snake-case name used in JSON and resources, e.g. {@code reason_for_visit}. */
    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Human title in {@code language}. */
    public String title(Language language) {
        return language == Language.EN ? english : spanish;
    }

    /**
     * @throws IllegalArgumentException when {@code name} is not a section's JSON name
     */
    @JsonCreator
    public static SectionKind fromJsonName(String name) {
        for (SectionKind k : values()) {
            if (k.jsonName().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown section \"" + name + "\"");
    }
}
