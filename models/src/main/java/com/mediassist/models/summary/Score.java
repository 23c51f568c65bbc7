package com.mediassist.models.summary;

import java.util.Locale;

/**
 * Counts for one field and the derived precision, recall and F1 (1.0 when there is nothing to find
 * and nothing was found).
 */
public record Score(String field, int truePositives, int predicted, int expected) {

    public double precision() {
        return predicted == 0 ? (expected == 0 ? 1.0 : 0.0) : (double) truePositives / predicted;
    }

    public double recall() {
        return expected == 0 ? (predicted == 0 ? 1.0 : 0.0) : (double) truePositives / expected;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    Score plus(int tp, int pred, int exp) {
        return new Score(field, truePositives + tp, predicted + pred, expected + exp);
    }

    /** One table row: field, P, R, F1, counts. */
    public String row() {
        return String.format(Locale.ROOT, "%-28s %6.3f %6.3f %6.3f   tp=%d pred=%d gold=%d", field, precision(), recall(),
                f1(), truePositives, predicted, expected);
    }
}
