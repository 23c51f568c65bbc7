package com.mediassist.models;

import com.mediassist.core.knowledge.Sex;
import com.mediassist.models.ModelsException.BadInputException;
import java.util.List;
import java.util.Optional;

/**
 * One patient row: a DDXPlus patient, or a confirmed fleet case. A fleet case may have its age
 * and/or sex suppressed by the clinic's k-anonymity; such a row has no value for them (nothing is
 * imputed) and {@link #age()} / {@link #sex()} refuse to answer: only the naive Bayes frequencies
 * learn from it, leaving it out of that pathology's age or sex distribution.
 *
 * @param age       years (meaningless unless {@code ageKnown})
 * @param sex       sex ({@code null} unless {@code sexKnown})
 * @param pathology DDXPlus condition name (ground truth)
 * @param evidences present evidences in DDXPlus notation ({@code E_54_@_V_161})
 * @param initial   the chief complaint (an evidence code)
 * @param ageKnown  whether the age is known
 * @param sexKnown  whether the sex is known
 */
public record PatientRecord(int age, Sex sex, String pathology, List<String> evidences, String initial,
                            boolean ageKnown, boolean sexKnown) {

    public PatientRecord {
        evidences = List.copyOf(evidences);
        if (sexKnown != (sex != null)) {
            throw new IllegalArgumentException("sex " + sex + " with sexKnown " + sexKnown);
        }
        if (!ageKnown) {
            age = -1;
        }
    }

    /** A patient whose age and sex are known. */
    public PatientRecord(int age, Sex sex, String pathology, List<String> evidences, String initial) {
        this(age, sex, pathology, evidences, initial, true, true);
    }

    /** A patient whose age and/or sex may be unknown (suppressed). */
    public static PatientRecord of(Optional<Integer> age, Optional<Sex> sex, String pathology, List<String> evidences,
                                   String initial) {
        return new PatientRecord(age.orElse(-1), sex.orElse(null), pathology, evidences, initial, age.isPresent(),
                sex.isPresent());
    }

    /** Whether both age and sex are known. */
    public boolean demographicsKnown() {
        return ageKnown && sexKnown;
    }

    /**
     * The age in years.
     *
     * @throws BadInputException when the age is unknown
     */
    @Override
    public int age() {
        if (!ageKnown) {
            throw new BadInputException("the age of this " + pathology + " patient is unknown (suppressed)");
        }
        return age;
    }

    /**
     * The sex.
     *
     * @throws BadInputException when the sex is unknown
     */
    @Override
    public Sex sex() {
        if (!sexKnown) {
            throw new BadInputException("the sex of this " + pathology + " patient is unknown (suppressed)");
        }
        return sex;
    }
}
