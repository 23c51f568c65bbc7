package com.mediassist.models.fit;

import com.mediassist.core.fit.VerdictModel;
import com.mediassist.core.fit.VerdictModel.Signal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fits the fit verdict's logistic model ({@link VerdictModel}) on tuning vignettes: L2-penalised logistic
 * regression by Newton's method on standardised signals, each note counted once as read and, when the reader found
 * uncoded findings in it, once more at half weight as if it had found none (so that the coded findings learn to
 * speak for themselves: on notes by another hand the reader recognises fewer uncoded findings than on the notes its
 * catalogue was written from); and each in-scope note once more, at a small weight, with one more finding from outside
 * the model (a comorbidity or an incidental complaint the note mentions: the tuning notes about the 49 conditions
 * hardly ever name one, real notes and the notes of other hands do, and one such finding must not outweigh a picture
 * the coded findings explain well). The thresholds come from cross-validated probabilities, never from the fitted
 * ones.
 */
public final class VerdictModelFitter {

    /**
     * One note's signals: as read, as if the reader had recognised none of its uncoded findings, and as if a reader of
     * another hand's notes had missed some of its coded findings ({@code missed}: one map per simulated copy; empty
     * when none were made).
     */
    public record Example(String file, String id, boolean outOfScope, Map<Signal, Double> signals,
                          Map<Signal, Double> codedOnly, List<Map<Signal, Double>> missed) {

        public Example {
            missed = List.copyOf(missed);
        }

        /** A note without simulated reader misses. */
        public Example(String file, String id, boolean outOfScope, Map<Signal, Double> signals,
                       Map<Signal, Double> codedOnly) {
            this(file, id, outOfScope, signals, codedOnly, List.of());
        }
    }

    /** A cross-validated operating point: shares flagged at or above a threshold. */
    public record Point(double threshold, double inScopeFlagged, double outOfScopeFlagged, double outOfScopeFlaggedCodedOnly) {
    }

    private static final Signal[] SIGNALS = Signal.values();
    private final double l2;
    private final double incidental;
    private final double unstated;
    private final double missWeight;

    /**
     * @param l2         the penalty on the standardised coefficients (1 by default)
     * @param incidental the weight of each in-scope note's copy with one more outside finding (0.25 by default; 0: none)
     */
    public VerdictModelFitter(double l2, double incidental) {
        this(l2, incidental, 0);
    }

    /**
     * @param unstated the weight of each note's copy without its stated assessment, for notes that state one (0.5 by
     *                 default in {@code fit-verdict}; 0: none): many notes state none, and the other signals must
     *                 decide those alone
     */
    public VerdictModelFitter(double l2, double incidental, double unstated) {
        this(l2, incidental, unstated, 0);
    }

    /**
     * @param missWeight the weight shared by each note's copies with simulated reader misses ({@link Example#missed};
     *                   0: none): the notes of another hand are read less completely than the tuning notes, whose
     *                   phrasings the lexicon has learnt, and an in-scope note read with misses must not look outside
     */
    public VerdictModelFitter(double l2, double incidental, double unstated, double missWeight) {
        this.l2 = l2;
        this.incidental = incidental;
        this.unstated = unstated;
        this.missWeight = missWeight;
    }

    /** The coefficients (intercept first, then one per {@link Signal}) fitted on the examples. */
    public double[] coefficients(List<Example> examples) {
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        for (Example e : examples) {
            x.add(row(e.signals()));
            y.add(e.outOfScope() ? 1.0 : 0.0);
            w.add(1.0);
            if (!e.codedOnly().equals(e.signals())) {
                x.add(row(e.codedOnly()));
                y.add(e.outOfScope() ? 1.0 : 0.0);
                w.add(0.5);
            }
            Map<Signal, Double> bare = withoutAssessment(e.signals());
            if (unstated > 0 && !bare.equals(e.signals())) {
                x.add(row(bare));
                y.add(e.outOfScope() ? 1.0 : 0.0);
                w.add(unstated);
            }
            if (!e.outOfScope() && incidental > 0) {
                x.add(row(withOneMoreOutsideFinding(e.signals())));
                y.add(0.0);
                w.add(incidental);
            }
            if (missWeight > 0) {
                for (Map<Signal, Double> m : e.missed()) {
                    x.add(row(m));
                    y.add(e.outOfScope() ? 1.0 : 0.0);
                    w.add(missWeight / e.missed().size());
                }
            }
        }
        return newton(x, y, w);
    }

    /** The model for the examples with the given thresholds. */
    public VerdictModel model(List<Example> examples, double lowFitFrom, double outOfScopeFrom) {
        double[] b = coefficients(examples);
        Map<Signal, Double> coef = new EnumMap<>(Signal.class);
        for (int j = 0; j < SIGNALS.length; j++) {
            coef.put(SIGNALS[j], b[j + 1]);
        }
        return new VerdictModel(b[0], coef, lowFitFrom, outOfScopeFrom);
    }

    /**
     * Cross-validated probabilities of "not explained", as read and from the coded findings alone: {@code repeats}
     * shuffles of {@code folds} folds, each note scored by a model fitted without it.
     *
     * @return per repeat and example, {as read, coded only, as read without the stated assessment, then each copy with
     *         simulated reader misses (without the stated assessment)}
     */
    public List<double[][]> crossValidated(List<Example> examples, int folds, int repeats, long seed) {
        List<double[][]> out = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            double[][] p = new double[examples.size()][];
            for (List<Integer> test : folds(examples.size(), folds, seed + r)) {
                double[] b = coefficients(without(examples, test));
                for (int i : test) {
                    Example e = examples.get(i);
                    p[i] = new double[3 + e.missed().size()];
                    p[i][0] = probability(b, row(e.signals()));
                    p[i][1] = probability(b, row(e.codedOnly()));
                    p[i][2] = probability(b, row(withoutAssessment(e.signals())));
                    for (int m = 0; m < e.missed().size(); m++) {
                        p[i][3 + m] = probability(b, row(withoutAssessment(e.missed().get(m))));
                    }
                }
            }
            out.add(p);
        }
        return out;
    }

    /**
     * Cross-validated share of in-scope notes flagged at threshold {@code t} when one more finding from outside the
     * model is added to them: how robust the verdict is to an incidental complaint.
     */
    public double incidentalFlagged(List<Example> examples, int folds, int repeats, long seed, double t) {
        double flagged = 0;
        double n = 0;
        for (int r = 0; r < repeats; r++) {
            for (List<Integer> test : folds(examples.size(), folds, seed + r)) {
                double[] b = coefficients(without(examples, test));
                for (int i : test) {
                    if (!examples.get(i).outOfScope()) {
                        flagged += probability(b, row(withOneMoreOutsideFinding(examples.get(i).signals()))) >= t ? 1 : 0;
                        n++;
                    }
                }
            }
        }
        return n == 0 ? 0 : flagged / n;
    }

    /** The indices of each fold's test notes after one seeded shuffle. */
    private static List<List<Integer>> folds(int n, int folds, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        List<List<Integer>> out = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            List<Integer> test = new ArrayList<>();
            for (int i = f; i < n; i += folds) {
                test.add(order.get(i));
            }
            out.add(test);
        }
        return out;
    }

    private static List<Example> without(List<Example> examples, List<Integer> test) {
        java.util.Set<Integer> out = new java.util.HashSet<>(test);
        List<Example> train = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            if (!out.contains(i)) {
                train.add(examples.get(i));
            }
        }
        return train;
    }

    /** The signals of a note as if it stated no assessment. */
    static Map<Signal, Double> withoutAssessment(Map<Signal, Double> s) {
        Map<Signal, Double> bare = new EnumMap<>(s);
        bare.put(Signal.ASSESSED_OUTSIDE, 0.0);
        bare.put(Signal.ASSESSED_IN_SCOPE, 0.0);
        return bare;
    }

    /** The signals of a note with one more finding from outside the model: the outside load grows by one (at most 2). */
    static Map<Signal, Double> withOneMoreOutsideFinding(Map<Signal, Double> s) {
        Map<Signal, Double> more = new EnumMap<>(s);
        more.put(Signal.OUTSIDE_LOAD, Math.min(2.0, s.get(Signal.OUTSIDE_LOAD) + 1));
        return more;
    }

    /** Probabilities for the examples of one file from a model fitted on the other files. */
    public double[][] leaveFileOut(List<Example> examples, String file) {
        List<Example> train = examples.stream().filter(e -> !e.file().equals(file)).toList();
        double[] b = coefficients(train);
        List<Example> test = examples.stream().filter(e -> e.file().equals(file)).toList();
        double[][] p = new double[test.size()][2];
        for (int i = 0; i < test.size(); i++) {
            p[i][0] = probability(b, row(test.get(i).signals()));
            p[i][1] = probability(b, row(test.get(i).codedOnly()));
        }
        return p;
    }

    /** The trade-off at each threshold: shares of in-scope and out-of-scope notes at or above it. */
    public static List<Point> curve(List<Example> examples, List<double[][]> probabilities, double[] thresholds) {
        return curve(examples, probabilities, thresholds, 0);
    }

    /**
     * The trade-off from one column of the probabilities ({@code column} 0 as read, 2 without the stated assessment);
     * the coded-only share always comes from column 1.
     */
    public static List<Point> curve(List<Example> examples, List<double[][]> probabilities, double[] thresholds, int column) {
        List<Point> out = new ArrayList<>();
        for (double t : thresholds) {
            double in = 0;
            double nIn = 0;
            double outside = 0;
            double coded = 0;
            double nOut = 0;
            for (double[][] p : probabilities) {
                for (int i = 0; i < examples.size(); i++) {
                    if (examples.get(i).outOfScope()) {
                        nOut++;
                        outside += p[i][column] >= t ? 1 : 0;
                        coded += p[i][1] >= t ? 1 : 0;
                    } else {
                        nIn++;
                        in += p[i][column] >= t ? 1 : 0;
                    }
                }
            }
            out.add(new Point(t, in / Math.max(1, nIn), outside / Math.max(1, nOut), coded / Math.max(1, nOut)));
        }
        return out;
    }

    /**
     * Share of the in-scope notes' copies with simulated reader misses (as if no assessment were stated) at or above
     * each threshold: what the in-scope flag rate becomes on notes the reader reads less completely.
     */
    public static List<Point> missedCurve(List<Example> examples, List<double[][]> probabilities, double[] thresholds) {
        List<Point> out = new ArrayList<>();
        for (double t : thresholds) {
            double in = 0;
            double nIn = 0;
            for (double[][] p : probabilities) {
                for (int i = 0; i < examples.size(); i++) {
                    if (!examples.get(i).outOfScope()) {
                        for (int m = 3; m < p[i].length; m++) {
                            nIn++;
                            in += p[i][m] >= t ? 1 : 0;
                        }
                    }
                }
            }
            out.add(new Point(t, in / Math.max(1, nIn), Double.NaN, Double.NaN));
        }
        return out;
    }

    /**
     * The lowest threshold of the curve at which at most {@code maxInScope} of the in-scope notes are at or above it
     * (the curve's last threshold when none is).
     */
    public static double lowestWithin(List<Point> curve, double maxInScope) {
        for (Point p : curve) {
            if (p.inScopeFlagged() <= maxInScope) {
                return p.threshold();
            }
        }
        return curve.get(curve.size() - 1).threshold();
    }

    static double probability(double[] b, double[] x) {
        double z = b[0];
        for (int j = 0; j < x.length; j++) {
            z += b[j + 1] * x[j];
        }
        return 1 / (1 + Math.exp(-z));
    }

    private static double[] row(Map<Signal, Double> s) {
        double[] x = new double[SIGNALS.length];
        for (int j = 0; j < SIGNALS.length; j++) {
            x[j] = s.get(SIGNALS[j]);
        }
        return x;
    }

    /** Newton's method on standardised inputs; the intercept is not penalised. Returns raw-scale coefficients. */
    private double[] newton(List<double[]> xs, List<Double> ys, List<Double> ws) {
        int n = xs.size();
        int d = SIGNALS.length;
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (double[] x : xs) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[j] / n;
            }
        }
        for (double[] x : xs) {
            for (int j = 0; j < d; j++) {
                sd[j] += (x[j] - mean[j]) * (x[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            sd[j] = Math.sqrt(sd[j]) + 1e-9;
        }
        double wsum = ws.stream().mapToDouble(Double::doubleValue).sum();
        double[] b = new double[d + 1];
        for (int it = 0; it < 100; it++) {
            double[] g = new double[d + 1];
            double[][] h = new double[d + 1][d + 1];
            for (int i = 0; i < n; i++) {
                double[] z = new double[d + 1];
                z[0] = 1;
                for (int j = 0; j < d; j++) {
                    z[j + 1] = (xs.get(i)[j] - mean[j]) / sd[j];
                }
                double p = probability(b, java.util.Arrays.copyOfRange(z, 1, d + 1));
                double w = ws.get(i) / wsum;
                for (int a = 0; a <= d; a++) {
                    g[a] += w * (p - ys.get(i)) * z[a];
                    for (int c = 0; c <= d; c++) {
                        h[a][c] += w * p * (1 - p) * z[a] * z[c];
                    }
                }
            }
            for (int a = 1; a <= d; a++) {
                g[a] += l2 * b[a] / n;
                h[a][a] += l2 / n;
            }
            double[] step = solve(h, g);
            double max = 0;
            for (int a = 0; a <= d; a++) {
                b[a] -= step[a];
                max = Math.max(max, Math.abs(g[a]));
            }
            if (max < 1e-10) {
                break;
            }
        }
        double[] raw = new double[d + 1];
        raw[0] = b[0];
        for (int j = 0; j < d; j++) {
            raw[j + 1] = b[j + 1] / sd[j];
            raw[0] -= raw[j + 1] * mean[j];
        }
        return raw;
    }

    /** Gaussian elimination with partial pivoting. */
    private static double[] solve(double[][] a0, double[] b0) {
        int n = b0.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = java.util.Arrays.copyOf(a0[i], n + 1);
            a[i][n] = b0[i];
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
                    piv = r;
                }
            }
            double[] t = a[c];
            a[c] = a[piv];
            a[piv] = t;
            for (int r = 0; r < n; r++) {
                if (r != c && a[c][c] != 0) {
                    double f = a[r][c] / a[c][c];
                    for (int k = c; k <= n; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a[i][i] == 0 ? 0 : a[i][n] / a[i][i];
        }
        return x;
    }
}
