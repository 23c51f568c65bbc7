package com.mediassist.core.fit;

/** Coarse probability bands shown next to a candidate, so that a number is not read as more precise than it is. */
public final class ProbabilityBand {

    private ProbabilityBand() {
    }

    /**
     * The band of a probability: {@code "<5 %"}, {@code "5-20 %"}, {@code "20-50 %"}, {@code "50-80 %"} or
     * {@code ">80 %"} (lower bounds inclusive).
     *
     * @param p a probability, 0–1
     */
    public static String of(double p) {
        if (p < 0.05) {
            return "<5 %";
        }
        if (p < 0.20) {
            return "5-20 %";
        }
        if (p < 0.50) {
            return "20-50 %";
        }
        if (p < 0.80) {
            return "50-80 %";
        }
        return ">80 %";
    }
}
