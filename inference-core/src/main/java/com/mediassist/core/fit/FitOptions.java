package com.mediassist.core.fit;

/**
 * Settings of the fit assessment. The defaults were chosen on the tuning split of the fit vignettes
 * ({@code models/src/test/resources/fit-vignettes/tune.txt}); the held-out split was never used to choose them.
 *
 * @param evidenceScale      coded findings at which the evidence-amount factor reaches 1 − 1/e
 *                           (default 2.5: three findings allow at most 70 % for the whole differential)
 * @param unmappedPenalty    how fast unmapped findings take probability to "other" (default 1.2 per outside finding)
 * @param unexplainedPenalty share of probability lost when no present finding is explained by the best
 *                           candidate (default 0.8; proportional in between)
 * @param atypicalMargin     nats by which the findings' mean log-frequency under the best candidate may fall
 *                           below that of DDXPlus patients of it before it counts against the fit (default 1.5)
 * @param coverageExpected   share of the best candidate's characteristic symptoms (weighted by their DDXPlus
 *                           frequency) a note about a patient of it names at least (default 0.2); below it the fit
 *                           falls by {@code exp(−coveragePenalty · (coverageExpected − coverage))}
 * @param coveragePenalty    how fast the fit falls when the findings name too few characteristic symptoms (default 3)
 * @param lowFitBelow        fit score under which the verdict is low fit (default 0.5); this and the next two decide
 *                           the verdict only for an assessor without a {@link VerdictModel} (the engine has one)
 * @param outOfScopeBelow    fit score under which the verdict is out of scope when an outside finding is
 *                           present (default 0.35)
 * @param noFitBelow         fit score under which the verdict is out of scope when anything speaks against the
 *                           model (an unmapped, unexplained or atypical finding; default 0.15); with little
 *                           evidence alone the verdict is low fit
 * @param redFlagLift        how many times more frequent than in the other conditions a finding must be to
 *                           raise a severe condition (default 3)
 * @param redFlagFrequency   how frequent it must be in the severe condition itself (default 0.3)
 * @param singleFindingShare with only one specific finding, the share of DDXPlus patients with that finding
 *                           who have the severe condition must reach this (default 0.3), so that a finding
 *                           many severe conditions share (fatigue) raises none of them
 * @param mustNotMissFloor   probability under which a severe condition with one specific finding is not
 *                           listed (default 0.01; two specific findings list it at any probability)
 * @param mustNotMissSize    longest must-not-miss list (default 5)
 */
public record FitOptions(double evidenceScale, double unmappedPenalty, double unexplainedPenalty, double atypicalMargin,
                         double coverageExpected, double coveragePenalty,
                         double lowFitBelow, double outOfScopeBelow, double noFitBelow, double redFlagLift,
                         double redFlagFrequency, double singleFindingShare, double mustNotMissFloor, int mustNotMissSize) {

    /** The shipped settings. */
    public static FitOptions defaults() {
        return new FitOptions(2.5, 1.2, 0.8, 1.5, 0.2, 3, 0.5, 0.35, 0.15, 3.0, 0.3, 0.3, 0.01, 5);
    }
}
