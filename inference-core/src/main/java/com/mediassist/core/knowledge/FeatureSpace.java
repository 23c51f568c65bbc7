package com.mediassist.core.knowledge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model's named input features, derived from the knowledge in a fixed order so that the trainer
 * and the engine agree on them (the bundle manifest lists them and the engine refuses a bundle whose
 * list differs):
 * <ul>
 *   <li>{@code E_91}: a binary evidence, {@code +1} present, {@code -1} asked and denied, {@code 0} not asked;</li>
 *   <li>{@code E_55=V_14}: one value of a categorical or multi-choice evidence: {@code +1} when given,
 *       {@code -1} when the evidence was answered with other values, {@code 0} when it was not asked.
 *       A denied categorical or multi-choice evidence whose parent question is present (or that has
 *       none) is answered with its "none" value ({@code E_55=V_123} {@code +1}, the others {@code -1});
 *       one whose parent is not present does not apply, and all its values are {@code -1};</li>
 *   <li>{@code age=15-29} …: one-hot age bucket; {@code sex=M}, {@code sex=F}: one-hot sex.</li>
 * </ul>
 * The first {@link #evidenceFeatureCount()} features are the evidence features, in knowledge order.
 * The encoding has a version ({@link #ENCODING}) that bundles record: the same names with another
 * encoding would be fed wrong inputs.
 */
public final class FeatureSpace {

    /** Version of the encoding rules above; a bundle's model must have been trained with the same. */
    public static final String ENCODING = "ternary-v2";

    /** Lower bounds of the age buckets, in years. */
    private static final int[] AGE_BOUNDS = {0, 1, 5, 15, 30, 45, 60, 75};

    private final List<String> names;
    private final Map<String, Integer> index;
    private final int evidenceFeatures;
    private final int ageStart;
    private final int sexStart;

    public FeatureSpace(Knowledge knowledge) {
        List<String> n = new ArrayList<>();
        for (Evidence e : knowledge.evidences()) {
            if (e.isBinary()) {
                n.add(e.code().value());
            } else {
                for (EvidenceValue v : e.values()) {
                    n.add(valueFeature(e.code(), v.code()));
                }
            }
        }
        evidenceFeatures = n.size();
        ageStart = n.size();
        for (int i = 0; i < AGE_BOUNDS.length; i++) {
            n.add("age=" + ageBucketLabel(i));
        }
        sexStart = n.size();
        n.add("sex=M");
        n.add("sex=F");
        names = Collections.unmodifiableList(n);
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < n.size(); i++) {
            idx.put(n.get(i), i);
        }
        index = idx;
    }

    private static String ageBucketLabel(int i) {
        return i + 1 < AGE_BOUNDS.length ? AGE_BOUNDS[i] + "-" + (AGE_BOUNDS[i + 1] - 1) : AGE_BOUNDS[i] + "+";
    }

    /** The name of the feature of one value of a categorical or multi-choice evidence. */
    public static String valueFeature(EvidenceCode evidence, String value) {
        return evidence.value() + "=" + value;
    }

    /** Every feature name, in input order. */
    public List<String> names() {
        return names;
    }

    public int size() {
        return names.size();
    }

    /** How many leading features describe evidences (the rest are age and sex). */
    public int evidenceFeatureCount() {
        return evidenceFeatures;
    }

    /** Number of age buckets. */
    public int ageBucketCount() {
        return AGE_BOUNDS.length;
    }

    /** The age bucket (0-based) of an age in years. */
    public int ageBucket(int age) {
        int b = 0;
        for (int i = 0; i < AGE_BOUNDS.length; i++) {
            if (age >= AGE_BOUNDS[i]) {
                b = i;
            }
        }
        return b;
    }

    /** The index of a feature of a finding, or -1 when the knowledge has no such feature. */
    public int indexOf(Finding f) {
        Integer i = index.get(f.hasValue() ? valueFeature(f.evidence(), f.value()) : f.evidence().value());
        return i == null ? -1 : i;
    }

    /** The index of a named feature, or -1. */
    public int indexOf(String featureName) {
        Integer i = index.get(featureName);
        return i == null ? -1 : i;
    }

    /**
     * Encodes a patient's findings into a new input vector.
     *
     * @param knowledge the knowledge this space was built from (to find the "none" value of denied
     *                  categorical evidences)
     */
    public float[] encode(Knowledge knowledge, PatientFindings p) {
        float[] x = new float[names.size()];
        encodeInto(knowledge, p, x);
        return x;
    }

    /** Encodes into {@code x}, which must have {@link #size()} elements; it is cleared first. */
    public void encodeInto(Knowledge knowledge, PatientFindings p, float[] x) {
        java.util.Arrays.fill(x, 0f);
        for (EvidenceCode c : p.absent()) {
            Evidence e = knowledge.evidence(c).orElseThrow();
            if (e.isBinary()) {
                x[indexOf(c.value())] = -1f;
                continue;
            }
            boolean applies = e.parent() == null || e.parent().equals(c) || p.isPresent(e.parent());
            for (EvidenceValue v : e.values()) {
                x[indexOf(valueFeature(c, v.code()))] = applies && v.code().equals(e.defaultValue()) ? 1f : -1f;
            }
        }
        for (Finding f : p.present()) {
            if (f.hasValue()) {
                Evidence e = knowledge.evidence(f.evidence()).orElseThrow();
                for (EvidenceValue v : e.values()) {
                    int i = indexOf(valueFeature(f.evidence(), v.code()));
                    if (x[i] == 0f) {
                        x[i] = -1f;
                    }
                }
            }
        }
        for (Finding f : p.present()) {
            int i = indexOf(f);
            if (i >= 0) {
                x[i] = 1f;
            }
        }
        x[ageStart + ageBucket(p.age())] = 1f;
        x[sexStart + (p.sex() == Sex.MALE ? 0 : 1)] = 1f;
    }

    public int ageFeatureStart() {
        return ageStart;
    }

    public int sexFeatureStart() {
        return sexStart;
    }
}
