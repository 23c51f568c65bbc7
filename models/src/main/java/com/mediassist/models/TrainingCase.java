package com.mediassist.models;

import com.mediassist.core.knowledge.EvidenceCode;
import com.mediassist.core.knowledge.Finding;
import com.mediassist.core.knowledge.Sex;
import com.mediassist.models.ModelsException.BadInputException;
import java.util.List;

/**
 * A patient as the trainer sees it: the label index, age, sex, every true finding and the chief
 * complaint. Age and/or sex may be unknown (a fleet case the clinic's k-anonymity suppressed them
 * in): then {@link #age()} / {@link #sex()} refuse to answer, {@link EvidenceStats} leaves the case
 * out of the pathology's age or sex counts, and the pipeline never hands it to {@link ExampleFactory}.
 *
 * @param label     pathology index in knowledge order
 * @param age       years (meaningless unless {@code ageKnown})
 * @param sex       sex ({@code null} unless {@code sexKnown})
 * @param findings  every present finding
 * @param initial   the chief complaint
 * @param synthetic whether it was sampled from frequencies rather than read from data
 * @param ageKnown  whether the age is known
 * @param sexKnown  whether the sex is known
 * @param inPrior   whether the case counts in the pathology prior P(k) and in the base counts that set
 *                  how much a pathology borrows from its relatives ({@link EvidenceStats#feature}): base
 *                  patients do; fleet cases do not, because what leaves the clinics is selected by
 *                  k-anonymity (groups of at least k of one diagnosis), so their diagnosis mix
 *                  over-represents common pathologies
 */
record TrainingCase(int label, int age, Sex sex, List<Finding> findings, EvidenceCode initial, boolean synthetic,
                    boolean ageKnown, boolean sexKnown, boolean inPrior) {

    /** A case that counts in the prior. */
    TrainingCase(int label, int age, Sex sex, List<Finding> findings, EvidenceCode initial, boolean synthetic,
                 boolean ageKnown, boolean sexKnown) {
        this(label, age, sex, findings, initial, synthetic, ageKnown, sexKnown, true);
    }

    /** A case whose age and sex are known. */
    TrainingCase(int label, int age, Sex sex, List<Finding> findings, EvidenceCode initial, boolean synthetic) {
        this(label, age, sex, findings, initial, synthetic, true, true, true);
    }

    /** Whether both age and sex are known. */
    boolean demographicsKnown() {
        return ageKnown && sexKnown;
    }

    @Override
    public int age() {
        if (!ageKnown) {
            throw new BadInputException("the age of this training case (label " + label + ") is unknown");
        }
        return age;
    }

    @Override
    public Sex sex() {
        if (!sexKnown) {
            throw new BadInputException("the sex of this training case (label " + label + ") is unknown");
        }
        return sex;
    }
}
