package com.mediassist.core.deid;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A linear-chain CRF's weights and its Viterbi decoder. The score of a label sequence y over tokens
 * with binary features x is {@code Σ_t (bias[y_t] + Σ_{f∈x_t} w[f][y_t]) + Σ_{t>0} trans[y_{t-1}][y_t]};
 * {@link #decode} returns the highest-scoring sequence. Features unknown to the model are ignored.
 * Immutable and thread-safe.
 *
 * <p>File form (gzip): magic, feature-set version, labels, biases, transitions, then per feature its
 * name and its non-zero label weights ({@link #write}, {@link #read}).
 */
public final class CrfModel {

    private static final String MAGIC = "mediassist-crf-1";

    private final List<String> labels;
    private final String featureVersion;
    private final float[] bias;
    private final float[] trans;
    private final Map<String, Integer> index;
    private final String[] names;
    private final int[] offsets;
    private final short[] labelOf;
    private final float[] weight;

    /**
     * @param labels         the label names, e.g. {@code O}, {@code B-FECHAS}
     * @param featureVersion the {@link DeidFeatures#VERSION} the weights were trained with
     * @param bias           one per label
     * @param trans          {@code trans[prev * L + cur]}
     * @param names          feature names
     * @param offsets        feature {@code f}'s weights are entries {@code offsets[f]} to {@code offsets[f+1]}
     * @param labelOf        label index of each entry
     * @param weight         weight of each entry
     */
    public CrfModel(List<String> labels, String featureVersion, float[] bias, float[] trans, String[] names, int[] offsets,
            short[] labelOf, float[] weight) {
        int l = labels.size();
        if (bias.length != l || trans.length != l * l || offsets.length != names.length + 1
                || labelOf.length != weight.length || offsets[names.length] != weight.length) {
            throw new DeidException.InvalidModelException("CRF arrays do not fit " + l + " labels and " + names.length + " features");
        }
        this.labels = List.copyOf(labels);
        this.featureVersion = featureVersion;
        this.bias = bias.clone();
        this.trans = trans.clone();
        this.names = names.clone();
        this.offsets = offsets.clone();
        this.labelOf = labelOf.clone();
        this.weight = weight.clone();
        this.index = new HashMap<>(names.length * 2);
        for (int f = 0; f < names.length; f++) {
            index.put(names[f], f);
        }
    }

    public List<String> labels() {
        return labels;
    }

    public String featureVersion() {
        return featureVersion;
    }

    /** Number of features with at least one weight. */
    public int featureCount() {
        return names.length;
    }

    /** Number of stored (non-zero) feature weights. */
    public int weightCount() {
        return weight.length;
    }

    /**
     * The best label sequence for tokens {@code from} (inclusive) to {@code to} (exclusive).
     *
     * @param features per token, its feature names
     * @return label indexes, one per token of the range
     */
    public int[] decode(String[][] features, int from, int to) {
        return decode(features, from, to, 0, 0f);
    }

    /**
     * The best label sequence with label {@code penalised}'s score lowered by {@code penalty} at
     * every token (a positive penalty on {@code O} trades precision for recall).
     */
    public int[] decode(String[][] features, int from, int to, int penalised, float penalty) {
        int n = to - from;
        int l = labels.size();
        if (n <= 0) {
            return new int[0];
        }
        float[] score = new float[n * l];
        int[] back = new int[n * l];
        float[] local = new float[l];
        for (int t = 0; t < n; t++) {
            System.arraycopy(bias, 0, local, 0, l);
            local[penalised] -= penalty;
            for (String name : features[from + t]) {
                Integer f = index.get(name);
                if (f != null) {
                    for (int k = offsets[f]; k < offsets[f + 1]; k++) {
                        local[labelOf[k]] += weight[k];
                    }
                }
            }
            if (t == 0) {
                System.arraycopy(local, 0, score, 0, l);
                continue;
            }
            int prevRow = (t - 1) * l;
            int row = t * l;
            for (int cur = 0; cur < l; cur++) {
                float best = Float.NEGATIVE_INFINITY;
                int arg = 0;
                for (int prev = 0; prev < l; prev++) {
                    float s = score[prevRow + prev] + trans[prev * l + cur];
                    if (s > best) {
                        best = s;
                        arg = prev;
                    }
                }
                score[row + cur] = best + local[cur];
                back[row + cur] = arg;
            }
        }
        int[] path = new int[n];
        int lastRow = (n - 1) * l;
        int arg = 0;
        for (int cur = 1; cur < l; cur++) {
            if (score[lastRow + cur] > score[lastRow + arg]) {
                arg = cur;
            }
        }
        path[n - 1] = arg;
        for (int t = n - 1; t > 0; t--) {
            path[t - 1] = back[t * l + path[t]];
        }
        return path;
    }

    /** Writes the file form. */
    public void write(OutputStream out) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(out);
        DataOutputStream d = new DataOutputStream(new BufferedOutputStream(gz));
        d.writeUTF(MAGIC);
        d.writeUTF(featureVersion);
        d.writeInt(labels.size());
        for (String s : labels) {
            d.writeUTF(s);
        }
        for (float b : bias) {
            d.writeFloat(b);
        }
        for (float t : trans) {
            d.writeFloat(t);
        }
        d.writeInt(names.length);
        for (int f = 0; f < names.length; f++) {
            d.writeUTF(names[f]);
            d.writeShort(offsets[f + 1] - offsets[f]);
            for (int k = offsets[f]; k < offsets[f + 1]; k++) {
                d.writeByte(labelOf[k]);
                d.writeFloat(weight[k]);
            }
        }
        d.flush();
        gz.finish();
    }

    /**
     * Reads the file form.
     *
     * @throws DeidException.InvalidModelException when it is not a CRF file of this format
     */
    public static CrfModel read(InputStream in) throws IOException {
        DataInputStream d;
        try {
            d = new DataInputStream(new BufferedInputStream(new GZIPInputStream(in), 1 << 16));
        } catch (java.util.zip.ZipException e) {
            throw new DeidException.InvalidModelException("the CRF file is not gzip", e);
        }
        String magic = d.readUTF();
        if (!MAGIC.equals(magic)) {
            throw new DeidException.InvalidModelException("expected a CRF file '" + MAGIC + "', found '" + magic + "'");
        }
        String version = d.readUTF();
        int l = d.readInt();
        if (l < 1 || l > 127) {
            throw new DeidException.InvalidModelException("expected 1 to 127 labels, found " + l);
        }
        String[] labels = new String[l];
        for (int i = 0; i < l; i++) {
            labels[i] = d.readUTF();
        }
        float[] bias = new float[l];
        for (int i = 0; i < l; i++) {
            bias[i] = d.readFloat();
        }
        float[] trans = new float[l * l];
        for (int i = 0; i < trans.length; i++) {
            trans[i] = d.readFloat();
        }
        int nf = d.readInt();
        String[] names = new String[nf];
        int[] offsets = new int[nf + 1];
        short[] labelOf = new short[nf * 4];
        float[] weight = new float[nf * 4];
        int k = 0;
        for (int f = 0; f < nf; f++) {
            names[f] = d.readUTF();
            int nnz = d.readShort();
            if (k + nnz > weight.length) {
                int size = Math.max(weight.length * 2, k + nnz);
                labelOf = Arrays.copyOf(labelOf, size);
                weight = Arrays.copyOf(weight, size);
            }
            for (int j = 0; j < nnz; j++) {
                int label = d.readByte();
                if (label < 0 || label >= l) {
                    throw new DeidException.InvalidModelException("feature " + names[f] + " names label " + label + " of " + l);
                }
                labelOf[k] = (short) label;
                weight[k++] = d.readFloat();
            }
            offsets[f + 1] = k;
        }
        return new CrfModel(List.of(labels), version, bias, trans, names, offsets, Arrays.copyOf(labelOf, k),
                Arrays.copyOf(weight, k));
    }
}
