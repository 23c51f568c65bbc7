package com.mediassist.models.deid;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mediassist.core.deid.PhiSpan;
import com.mediassist.core.deid.PhiType;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Scores of a de-identifier on gold-annotated notes. Strict: a span counts only with the same type
 * and exactly the same start and end. Leak: a gold span is masked when every non-space character of
 * it lies inside some found span of any type; {@code unmaskedCharacterShare} is the share of gold
 * non-space characters left in clear.
 *
 * @param truePositives  strict matches, per type
 * @param gold           gold spans, per type
 * @param predicted      found spans, per type
 * @param goldSpans      all gold spans
 * @param maskedSpans    gold spans masked by any type
 * @param goldChars      non-space characters inside gold spans
 * @param unmaskedChars  those not inside any found span
 */
public record DeidScores(Map<PhiType, Integer> truePositives, Map<PhiType, Integer> gold, Map<PhiType, Integer> predicted,
        int goldSpans, int maskedSpans, long goldChars, long unmaskedChars) {

    /** Scores {@code detector} on {@code documents}. */
    public static DeidScores score(List<BratDocument> documents, Function<String, List<PhiSpan>> detector) {
        Map<PhiType, Integer> tp = new EnumMap<>(PhiType.class);
        Map<PhiType, Integer> g = new EnumMap<>(PhiType.class);
        Map<PhiType, Integer> p = new EnumMap<>(PhiType.class);
        int goldSpans = 0;
        int masked = 0;
        long goldChars = 0;
        long unmasked = 0;
        for (BratDocument d : documents) {
            List<PhiSpan> found = detector.apply(d.text());
            boolean[] mask = new boolean[d.text().length()];
            Set<String> keys = new HashSet<>();
            for (PhiSpan s : found) {
                p.merge(s.type(), 1, Integer::sum);
                keys.add(s.type() + ":" + s.start() + ":" + s.end());
                for (int c = s.start(); c < s.end() && c < mask.length; c++) {
                    mask[c] = true;
                }
            }
            for (BratDocument.Gold gs : d.gold()) {
                g.merge(gs.type(), 1, Integer::sum);
                if (keys.contains(gs.type() + ":" + gs.start() + ":" + gs.end())) {
                    tp.merge(gs.type(), 1, Integer::sum);
                }
                goldSpans++;
                boolean all = true;
                for (int c = gs.start(); c < gs.end(); c++) {
                    if (!Character.isWhitespace(d.text().charAt(c))) {
                        goldChars++;
                        if (!mask[c]) {
                            unmasked++;
                            all = false;
                        }
                    }
                }
                if (all) {
                    masked++;
                }
            }
        }
        return new DeidScores(tp, g, p, goldSpans, masked, goldChars, unmasked);
    }

    public double precision() {
        return ratio(sum(truePositives), sum(predicted));
    }

    public double recall() {
        return ratio(sum(truePositives), sum(gold));
    }

    public double f1() {
        return f1(precision(), recall());
    }

    public double spanRecall() {
        return ratio(maskedSpans, goldSpans);
    }

    public double unmaskedCharacterShare() {
        return goldChars == 0 ? 0 : (double) unmaskedChars / goldChars;
    }

    /** The report object: {@code {"strict": {…, "byType": {…}}, "leak": {…}}}. */
    public ObjectNode toJson() {
        ObjectNode root = new ObjectMapper().createObjectNode();
        ObjectNode strict = root.putObject("strict");
        strict.put("precision", round(precision()));
        strict.put("recall", round(recall()));
        strict.put("f1", round(f1()));
        ObjectNode byType = strict.putObject("byType");
        for (PhiType t : PhiType.values()) {
            int gt = gold.getOrDefault(t, 0);
            int pt = predicted.getOrDefault(t, 0);
            if (gt == 0 && pt == 0) {
                continue;
            }
            int tpt = truePositives.getOrDefault(t, 0);
            ObjectNode o = byType.putObject(t.name());
            o.put("precision", round(ratio(tpt, pt)));
            o.put("recall", round(ratio(tpt, gt)));
            o.put("f1", round(f1(ratio(tpt, pt), ratio(tpt, gt))));
            o.put("gold", gt);
            o.put("predicted", pt);
        }
        ObjectNode leak = root.putObject("leak");
        leak.put("spanRecall", round(spanRecall()));
        leak.put("unmaskedCharacterShare", round(unmaskedCharacterShare()));
        leak.put("goldSpans", goldSpans);
        return root;
    }

    private static int sum(Map<PhiType, Integer> m) {
        return m.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }

    private static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
