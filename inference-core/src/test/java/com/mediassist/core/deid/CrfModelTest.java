package com.mediassist.core.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CrfModelTest {

    /** Random weights of a three-label model over features a, b, c, d (entry {@code f * 3 + label}). */
    private record Weights(float[] bias, float[] trans, float[] weight) {
        static Weights random(long seed) {
            Random r = new Random(seed);
            float[] bias = new float[3];
            float[] trans = new float[9];
            float[] weight = new float[12];
            for (int i = 0; i < 3; i++) {
                bias[i] = r.nextFloat() - 0.5f;
            }
            for (int i = 0; i < 9; i++) {
                trans[i] = 2 * (r.nextFloat() - 0.5f);
            }
            for (int k = 0; k < 12; k++) {
                weight[k] = 2 * (r.nextFloat() - 0.5f);
            }
            return new Weights(bias, trans, weight);
        }
    }

    private static CrfModel model(long seed) {
        Weights w = Weights.random(seed);
        short[] labelOf = new short[12];
        for (int k = 0; k < 12; k++) {
            labelOf[k] = (short) (k % 3);
        }
        return new CrfModel(List.of("O", "B-FECHAS", "I-FECHAS"), DeidFeatures.VERSION, w.bias(), w.trans(),
                new String[] {"a", "b", "c", "d"}, new int[] {0, 3, 6, 9, 12}, labelOf, w.weight());
    }

    @Test
    void viterbiFindsTheHighestScoringSequenceByExhaustiveCheck() {
        for (long seed = 1; seed <= 20; seed++) {
            CrfModel m = model(seed);
            String[][] x = {{"a", "c"}, {"b"}, {"d", "unknown"}, {"a", "b", "c"}, {}};
            int[] best = bruteForce(m, x, seed);
            assertThat(m.decode(x, 0, x.length)).as("seed %d", seed).containsExactly(best);
        }
    }

    @Test
    void roundTripsThroughItsFileForm() throws Exception {
        CrfModel m = model(3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.write(out);
        CrfModel back = CrfModel.read(new ByteArrayInputStream(out.toByteArray()));
        String[][] x = {{"a"}, {"b", "c"}, {"d"}};
        assertThat(back.decode(x, 0, 3)).containsExactly(m.decode(x, 0, 3));
        assertThat(back.labels()).isEqualTo(m.labels());
        assertThat(back.weightCount()).isEqualTo(12);
    }

    @Test
    void refusesAFileThatIsNotACrfModel() {
        assertThatThrownBy(() -> CrfModel.read(new ByteArrayInputStream("not gzip".getBytes())))
                .isInstanceOf(DeidException.InvalidModelException.class);
    }

    private static int[] bruteForce(CrfModel m, String[][] x, long seed) {
        int n = x.length;
        int total = (int) Math.pow(3, n);
        double bestScore = Double.NEGATIVE_INFINITY;
        int[] best = null;
        for (int code = 0; code < total; code++) {
            int[] y = new int[n];
            int c = code;
            for (int t = 0; t < n; t++) {
                y[t] = c % 3;
                c /= 3;
            }
            double s = score(m, x, y, seed);
            if (s > bestScore) {
                bestScore = s;
                best = y;
            }
        }
        return best;
    }

    /** The score of a sequence recomputed from the weights the model was built from. */
    private static double score(CrfModel m, String[][] x, int[] y, long seed) {
        Weights w = Weights.random(seed);
        float[] bias = w.bias();
        float[] trans = w.trans();
        float[] weight = w.weight();
        List<String> names = List.of("a", "b", "c", "d");
        double s = 0;
        for (int t = 0; t < x.length; t++) {
            s += bias[y[t]];
            for (String f : x[t]) {
                int i = names.indexOf(f);
                if (i >= 0) {
                    s += weight[i * 3 + y[t]];
                }
            }
            if (t > 0) {
                s += trans[y[t - 1] * 3 + y[t]];
            }
        }
        return s;
    }
}
