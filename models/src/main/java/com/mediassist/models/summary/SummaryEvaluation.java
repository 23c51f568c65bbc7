package com.mediassist.models.summary;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mediassist.core.summary.Allergy;
import com.mediassist.core.summary.Finding;
import com.mediassist.core.summary.FindingStatus;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.summary.NoteMedication;
import com.mediassist.core.summary.Span;
import com.mediassist.core.summary.StructuredNote;
import com.mediassist.core.summary.SummaryExtractor;
import com.mediassist.core.summary.Vital;
import com.mediassist.core.summary.lexicon.EvidenceCatalog;
import com.mediassist.core.text.TextFold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Scores the extractor on a gold set. Items are paired one-to-one by overlapping spans (the gold
 * text located in the note); a pair counts for "findings" whatever its status, for "findings with
 * status" only when the status agrees too. Evidence codes are compared per note as sets of
 * present and absent codes (values such as pain locations are left out). Vitals pair on kind and
 * value; medications on overlapping spans, and their dose, route and frequency on equal text.
 */
public final class SummaryEvaluation {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /** Results: the scores in print order and the per-note discrepancies. */
    public record Result(int notes, Map<String, Score> scores, List<String> discrepancies) {

        public Score score(String field) {
            Score s = scores.get(field);
            if (s == null) {
                throw new IllegalArgumentException("no score named " + field + "; known: " + scores.keySet());
            }
            return s;
        }

        /** The printable table. */
        public String table() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("%-28s %6s %6s %6s%n", "field (" + notes + " notes)", "P", "R", "F1"));
            for (Score s : scores.values()) {
                sb.append(s.row()).append('\n');
            }
            return sb.toString();
        }
    }

    public static final String FINDINGS = "findings";
    public static final String FINDINGS_STATUS = "findings with status";
    public static final String DENIED = "negation (denied)";
    public static final String EVIDENCE = "evidence codes";
    public static final String MEDICATIONS = "medications";
    public static final String MED_ATTRIBUTES = "medication dose/route/freq";
    public static final String VITALS = "vitals";
    public static final String ALLERGIES = "allergies";

    private final SummaryExtractor extractor;
    private final EvidenceCatalog catalog = EvidenceCatalog.loadDefault();

    public SummaryEvaluation(SummaryExtractor extractor) {
        this.extractor = extractor;
    }

    /**
     * Reads every {@code *.json} gold note in {@code dir}, in file-name order.
     *
     * @throws IllegalArgumentException naming the file when one is not a valid gold note
     */
    public static List<GoldNote> readGold(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("gold folder " + dir + " does not exist or is not a folder");
        }
        List<GoldNote> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                try {
                    GoldNote g = JSON.readValue(p.toFile(), GoldNote.class);
                    if (g.text() == null || g.text().isBlank()) {
                        throw new IllegalArgumentException(p + ": gold note has no text");
                    }
                    out.add(g);
                } catch (IOException e) {
                    throw new IllegalArgumentException(p + ": not a valid gold note: " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list gold folder " + dir, e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("gold folder " + dir + " has no .json notes");
        }
        return out;
    }

    /** Scores the extractor on {@code gold}. */
    public Result evaluate(List<GoldNote> gold) {
        Map<String, Score> scores = new LinkedHashMap<>();
        for (String f : List.of(FINDINGS, FINDINGS_STATUS, DENIED, EVIDENCE, MEDICATIONS, MED_ATTRIBUTES, VITALS, ALLERGIES)) {
            scores.put(f, new Score(f, 0, 0, 0));
        }
        List<String> discrepancies = new ArrayList<>();
        for (GoldNote g : gold) {
            StructuredNote note = extractor.extract(g.text(), Language.fromCode(g.language()));
            findings(g, note, scores, discrepancies);
            evidences(g, note, scores, discrepancies);
            medications(g, note, scores, discrepancies);
            vitals(g, note, scores, discrepancies);
            allergies(g, note, scores, discrepancies);
        }
        return new Result(gold.size(), scores, discrepancies);
    }

    private static void add(Map<String, Score> scores, String field, int tp, int pred, int exp) {
        scores.put(field, scores.get(field).plus(tp, pred, exp));
    }

    /** Spans of the gold texts in the note, each at the next free occurrence. */
    static List<Span> locate(String text, List<String> needles) {
        List<Span> out = new ArrayList<>();
        Set<Integer> used = new LinkedHashSet<>();
        int from = 0;
        for (String n : needles) {
            int at = -1;
            for (int i = text.indexOf(n, from); i >= 0; i = text.indexOf(n, i + 1)) {
                if (!used.contains(i)) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                for (int i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + 1)) {
                    if (!used.contains(i)) {
                        at = i;
                        break;
                    }
                }
            }
            if (at < 0) {
                throw new IllegalArgumentException("gold text \"" + n + "\" is not in the note");
            }
            used.add(at);
            out.add(new Span(at, at + n.length()));
            from = at;
        }
        return out;
    }

    /** Pairs predicted and gold spans one-to-one, greedily by largest overlap; returns gold index per predicted. */
    static int[] pair(List<Span> predicted, List<Span> gold) {
        int[] match = new int[predicted.size()];
        java.util.Arrays.fill(match, -1);
        boolean[] taken = new boolean[gold.size()];
        List<int[]> candidates = new ArrayList<>();
        for (int p = 0; p < predicted.size(); p++) {
            for (int g = 0; g < gold.size(); g++) {
                Span a = predicted.get(p);
                Span b = gold.get(g);
                int overlap = Math.min(a.end(), b.end()) - Math.max(a.start(), b.start());
                if (overlap > 0) {
                    candidates.add(new int[] {p, g, overlap});
                }
            }
        }
        candidates.sort((x, y) -> y[2] - x[2]);
        for (int[] c : candidates) {
            if (match[c[0]] < 0 && !taken[c[1]]) {
                match[c[0]] = c[1];
                taken[c[1]] = true;
            }
        }
        return match;
    }

    private void findings(GoldNote g, StructuredNote note, Map<String, Score> scores, List<String> out) {
        List<Span> goldSpans = locate(g.text(), g.findings().stream().map(GoldNote.GoldFinding::text).toList());
        List<Finding> pred = note.findings();
        int[] match = pair(pred.stream().map(Finding::span).toList(), goldSpans);
        int tp = 0;
        int tpStatus = 0;
        int deniedTp = 0;
        int deniedPred = 0;
        int deniedGold = 0;
        boolean[] found = new boolean[goldSpans.size()];
        for (GoldNote.GoldFinding gf : g.findings()) {
            if ("denied".equals(gf.status())) {
                deniedGold++;
            }
        }
        for (int p = 0; p < pred.size(); p++) {
            Finding f = pred.get(p);
            boolean predDenied = f.status() == FindingStatus.DENIED;
            if (predDenied) {
                deniedPred++;
            }
            if (match[p] < 0) {
                out.add(g.id() + " extra finding \"" + f.text() + "\" " + f.status().jsonName() + " " + f.evidence());
                continue;
            }
            GoldNote.GoldFinding gf = g.findings().get(match[p]);
            found[match[p]] = true;
            tp++;
            if (gf.status().equals(f.status().jsonName())) {
                tpStatus++;
            } else {
                out.add(g.id() + " status of \"" + f.text() + "\": expected " + gf.status() + ", found " + f.status().jsonName());
            }
            if (predDenied && "denied".equals(gf.status())) {
                deniedTp++;
            }
        }
        for (int i = 0; i < found.length; i++) {
            if (!found[i]) {
                GoldNote.GoldFinding gf = g.findings().get(i);
                out.add(g.id() + " missed finding \"" + gf.text() + "\" " + gf.status() + " " + gf.evidence());
            }
        }
        add(scores, FINDINGS, tp, pred.size(), goldSpans.size());
        add(scores, FINDINGS_STATUS, tpStatus, pred.size(), goldSpans.size());
        add(scores, DENIED, deniedTp, deniedPred, deniedGold);
    }

    private void evidences(GoldNote g, StructuredNote note, Map<String, Score> scores, List<String> out) {
        Set<String> expected = new LinkedHashSet<>();
        Set<String> expectedAbsent = new LinkedHashSet<>();
        for (GoldNote.GoldFinding f : g.findings()) {
            if (f.evidence() == null) {
                continue;
            }
            String code = com.mediassist.core.knowledge.Finding.parse(f.evidence()).evidence().value();
            switch (f.status()) {
                case "present", "family" -> expected.add("+" + code);
                case "historical" -> {
                    if (catalog.isAntecedent(new com.mediassist.core.knowledge.EvidenceCode(code))) {
                        expected.add("+" + code);
                    }
                }
                case "denied" -> expectedAbsent.add("-" + code);
                case "hypothetical" -> {
                    // a condition to rule out is neither present nor absent
                }
                default -> throw new IllegalArgumentException(g.id() + ": unknown status \"" + f.status() + "\"");
            }
        }
        for (String code : g.medicationEvidences()) {
            expected.add("+" + code);
        }
        for (String a : expectedAbsent) {
            if (!expected.contains("+" + a.substring(1))) {
                expected.add(a);
            }
        }
        Set<String> predicted = new LinkedHashSet<>();
        for (com.mediassist.core.knowledge.Finding e : note.evidences()) {
            if (!e.hasValue()) {
                predicted.add("+" + e);
            }
        }
        for (com.mediassist.core.knowledge.EvidenceCode e : note.absent()) {
            predicted.add("-" + e);
        }
        int tp = 0;
        for (String p : predicted) {
            if (expected.contains(p)) {
                tp++;
            } else {
                out.add(g.id() + " extra evidence " + p);
            }
        }
        for (String e : expected) {
            if (!predicted.contains(e)) {
                out.add(g.id() + " missed evidence " + e);
            }
        }
        add(scores, EVIDENCE, tp, predicted.size(), expected.size());
    }

    private static String norm(String s) {
        return s == null ? null : TextFold.fold(s).replaceAll("\\s+", "");
    }

    private void medications(GoldNote g, StructuredNote note, Map<String, Score> scores, List<String> out) {
        List<Span> goldSpans = locate(g.text(), g.medications().stream().map(GoldNote.GoldMedication::name).toList());
        List<NoteMedication> pred = note.medications();
        int[] match = pair(pred.stream().map(NoteMedication::span).toList(), goldSpans);
        int tp = 0;
        int attrTp = 0;
        int attrPred = 0;
        int attrGold = 0;
        boolean[] found = new boolean[goldSpans.size()];
        for (GoldNote.GoldMedication gm : g.medications()) {
            attrGold += (gm.dose() != null ? 1 : 0) + (gm.route() != null ? 1 : 0) + (gm.frequency() != null ? 1 : 0);
        }
        for (int p = 0; p < pred.size(); p++) {
            NoteMedication m = pred.get(p);
            attrPred += (m.dose() != null ? 1 : 0) + (m.route() != null ? 1 : 0) + (m.frequency() != null ? 1 : 0);
            if (match[p] < 0) {
                out.add(g.id() + " extra medication \"" + m.text() + "\"");
                continue;
            }
            tp++;
            found[match[p]] = true;
            GoldNote.GoldMedication gm = g.medications().get(match[p]);
            String[][] pairs = {{gm.dose(), m.dose()}, {gm.route(), m.route()}, {gm.frequency(), m.frequency()}};
            for (String[] pr : pairs) {
                if (pr[0] != null && pr[1] != null && norm(pr[0]).equals(norm(pr[1]))) {
                    attrTp++;
                } else if (pr[0] != null || pr[1] != null) {
                    out.add(g.id() + " medication \"" + m.name() + "\" attribute: expected " + pr[0] + ", found " + pr[1]);
                }
            }
        }
        for (int i = 0; i < found.length; i++) {
            if (!found[i]) {
                out.add(g.id() + " missed medication \"" + g.medications().get(i).name() + "\"");
            }
        }
        add(scores, MEDICATIONS, tp, pred.size(), goldSpans.size());
        add(scores, MED_ATTRIBUTES, attrTp, attrPred, attrGold);
    }

    private void vitals(GoldNote g, StructuredNote note, Map<String, Score> scores, List<String> out) {
        List<GoldNote.GoldVital> remaining = new ArrayList<>(g.vitals());
        int tp = 0;
        for (Vital v : note.vitals()) {
            GoldNote.GoldVital hit = null;
            for (GoldNote.GoldVital gv : remaining) {
                if (gv.kind().equals(v.kind().jsonName()) && Math.abs(gv.value() - v.value()) < 0.05) {
                    hit = gv;
                    break;
                }
            }
            if (hit != null) {
                remaining.remove(hit);
                tp++;
            } else {
                out.add(g.id() + " extra vital " + v.kind().jsonName() + "=" + v.value() + " \"" + v.text() + "\"");
            }
        }
        for (GoldNote.GoldVital gv : remaining) {
            out.add(g.id() + " missed vital " + gv.kind() + "=" + gv.value());
        }
        add(scores, VITALS, tp, note.vitals().size(), g.vitals().size());
    }

    private void allergies(GoldNote g, StructuredNote note, Map<String, Score> scores, List<String> out) {
        List<Span> goldSpans = locate(g.text(), g.allergies().stream().map(GoldNote.GoldAllergy::text).toList());
        List<Allergy> pred = note.allergies();
        int[] match = pair(pred.stream().map(Allergy::span).toList(), goldSpans);
        int tp = 0;
        for (int p = 0; p < pred.size(); p++) {
            if (match[p] >= 0 && g.allergies().get(match[p]).status().equals(pred.get(p).status().jsonName())) {
                tp++;
            } else {
                out.add(g.id() + " extra allergy \"" + pred.get(p).text() + "\" " + pred.get(p).status().jsonName());
            }
        }
        add(scores, ALLERGIES, tp, pred.size(), goldSpans.size());
    }
}
