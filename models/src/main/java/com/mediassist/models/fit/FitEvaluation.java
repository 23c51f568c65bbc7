package com.mediassist.models.fit;

import com.mediassist.core.diagnosis.DiagnosisEngine;
import com.mediassist.core.diagnosis.NoteEncodings;
import com.mediassist.core.diagnosis.DiagnosisResult;
import com.mediassist.core.diagnosis.DiagnosisResult.Candidate;
import com.mediassist.core.fit.AssessmentReader;
import com.mediassist.core.fit.FitAssessor;
import com.mediassist.core.fit.StatedAssessment;
import com.mediassist.core.fit.VerdictModel;
import com.mediassist.core.fit.FitVerdict;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.knowledge.PatientFindings;
import com.mediassist.core.summary.StructuredNote;
import com.mediassist.core.summary.SummaryExtractor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs vignettes note → summary → diagnosis with the appliance's engines (the summary's evidences, denials and
 * unmapped findings are what the appliance's diagnosis request carries) and scores the answers.
 */
public final class FitEvaluation {

    /** Probability from which a wrong top candidate counts as a confident error. */
    static final double CONFIDENT = 0.8;
    private static final int BINS = 10;

    private final SummaryExtractor reader;
    private final DiagnosisEngine engine;
    private final NoteEncodings encodings = NoteEncodings.loadDefault();
    private final AssessmentReader assessments;

    public FitEvaluation(SummaryExtractor reader, DiagnosisEngine engine) {
        this.reader = reader;
        this.engine = engine;
        this.assessments = AssessmentReader.load(engine.knowledge());
    }

    /** One vignette's outcome. */
    public record Outcome(Vignette vignette, StructuredNote note, DiagnosisResult result, double rawTop,
                          FitAssessor.Factors factors, FitVerdict withoutUnmapped, FitVerdict withoutAssessment) {

        Candidate top() {
            return result.differential().get(0);
        }

        boolean top1() {
            return vignette.inScope() && top().code().equals(vignette.expected());
        }

        boolean top3() {
            return vignette.inScope() && result.differential().stream().limit(3).anyMatch(c -> c.code().equals(vignette.expected()));
        }

        boolean flagged() {
            return result.fit().verdict() != FitVerdict.IN_SCOPE;
        }
    }

    /** Runs every vignette. */
    public List<Outcome> run(List<Vignette> vignettes) {
        Knowledge k = engine.knowledge();
        List<Outcome> out = new ArrayList<>();
        for (Vignette v : vignettes) {
            Language lang = Language.parse(v.language());
            StructuredNote note = reader.extract(v.text(), Language.fromCode(v.language()));
            PatientFindings p = k.findings(v.age(), v.sex(), note.evidences().stream().map(Object::toString).toList(),
                    note.absent().stream().map(Object::toString).toList());
            StatedAssessment stated = assessments.read(v.text(), note);
            DiagnosisResult r = engine.diagnoseNote(p, note.unmappedFindings(), stated, lang, encodings);
            double[] probs = engine.probabilities(p);
            double raw = 0;
            for (double x : probs) {
                raw = Math.max(raw, x);
            }
            FitAssessor.Factors factors = engine.fitAssessor().assess(p, probs, note.unmappedFindings(), stated, lang,
                    Object::toString).factors();
            // the same note as if the reader had recognised none of its uncoded findings: what the coded ones say alone
            FitVerdict alone = note.unmappedFindings().isEmpty() ? r.fit().verdict()
                    : engine.diagnoseNote(p, List.of(), stated.withoutOutside(), lang, encodings).fit().verdict();
            // as the appliance answers while its requests do not carry the stated assessment
            FitVerdict unstated = stated.equals(StatedAssessment.none()) ? r.fit().verdict()
                    : engine.diagnoseNote(p, note.unmappedFindings(), lang, encodings).fit().verdict();
            out.add(new Outcome(v, note, r, raw, factors, alone, unstated));
        }
        return out;
    }

    /**
     * The verdict model's training examples: each note's signals as read and as if the reader had recognised none of
     * its uncoded findings, under the probabilities the note path ranks by.
     */
    public List<VerdictModelFitter.Example> examples(String file, List<Vignette> vignettes) {
        return examples(file, vignettes, 0, 0);
    }

    /**
     * The training examples with {@code copies} simulated reader misses per note: in each copy every coded finding the
     * reader found present is dropped with probability {@code missRate} (seeded by the note's id, so a refit is
     * reproducible), and the signals are computed again under the probabilities of what is left.
     */
    public List<VerdictModelFitter.Example> examples(String file, List<Vignette> vignettes, int copies, double missRate) {
        Knowledge k = engine.knowledge();
        List<VerdictModelFitter.Example> out = new ArrayList<>();
        for (Vignette v : vignettes) {
            Language lang = Language.parse(v.language());
            StructuredNote note = reader.extract(v.text(), Language.fromCode(v.language()));
            PatientFindings p = k.findings(v.age(), v.sex(), note.evidences().stream().map(Object::toString).toList(),
                    note.absent().stream().map(Object::toString).toList());
            double[] post = engine.noteProbabilities(p, encodings);
            FitAssessor fa = engine.fitAssessor();
            StatedAssessment stated = assessments.read(v.text(), note);
            var read = fa.assess(p, post, note.unmappedFindings(), stated, lang, Object::toString).factors().signals();
            var coded = fa.assess(p, post, List.of(), stated.withoutOutside(), lang, Object::toString).factors().signals();
            List<Map<VerdictModel.Signal, Double>> missed = new ArrayList<>();
            java.util.Random random = new java.util.Random(v.id().hashCode() * 31L + file.hashCode());
            for (int c = 0; c < copies; c++) {
                List<String> kept = new ArrayList<>();
                for (Object e : note.evidences()) {
                    if (random.nextDouble() >= missRate) {
                        kept.add(e.toString());
                    }
                }
                PatientFindings q = k.findings(v.age(), v.sex(), kept, note.absent().stream().map(Object::toString).toList());
                missed.add(fa.assess(q, engine.noteProbabilities(q, encodings), note.unmappedFindings(), stated, lang,
                        Object::toString).factors().signals());
            }
            out.add(new VerdictModelFitter.Example(file, v.id(), !v.inScope(), read, coded, missed));
        }
        return out;
    }

    /** The metrics over the outcomes, in a stable order. */
    public static Map<String, Object> metrics(List<Outcome> outcomes) {
        List<Outcome> in = outcomes.stream().filter(o -> o.vignette().inScope()).toList();
        List<Outcome> out = outcomes.stream().filter(o -> !o.vignette().inScope()).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("notes", outcomes.size());
        m.put("inScope", in.size());
        m.put("outOfScope", out.size());
        m.put("inScopeTop1", share(in, Outcome::top1));
        m.put("inScopeTop3", share(in, Outcome::top3));
        m.put("inScopeFlaggedLowFit", share(in, Outcome::flagged));
        m.put("inScopeFlaggedLowFitIgnoringUnmapped", share(in, o -> o.withoutUnmapped() != FitVerdict.IN_SCOPE));
        m.put("outOfScopeWithVerdict", share(out, Outcome::flagged));
        m.put("outOfScopeVerdictOutOfScope", share(out, o -> o.result().fit().verdict() == FitVerdict.OUT_OF_SCOPE));
        m.put("outOfScopeWithVerdictIgnoringUnmapped", share(out, o -> o.withoutUnmapped() != FitVerdict.IN_SCOPE));
        m.put("inScopeFlaggedLowFitWithoutAssessment", share(in, o -> o.withoutAssessment() != FitVerdict.IN_SCOPE));
        m.put("outOfScopeWithVerdictWithoutAssessment", share(out, o -> o.withoutAssessment() != FitVerdict.IN_SCOPE));
        m.put("outOfScopeWrongAtLeast0.8WithoutVerdict", share(out, o -> !o.flagged() && o.top().probability() >= CONFIDENT));
        m.put("outOfScopeWrongAtLeast0.8RawModel", share(out, o -> o.rawTop() >= CONFIDENT));
        m.put("redFlagsInScope", share(in, o -> !o.result().redFlags().isEmpty()));
        m.put("redFlagsOutOfScope", share(out, o -> !o.result().redFlags().isEmpty()));
        m.put("ece", ece(outcomes, false));
        m.put("eceRawModel", ece(outcomes, true));
        return m;
    }

    /** One line per vignette: verdict, top candidate, probability, unmapped findings, must-not-miss. */
    public static List<String> details(List<Outcome> outcomes) {
        List<String> lines = new ArrayList<>();
        for (Outcome o : outcomes) {
            Vignette v = o.vignette();
            DiagnosisResult r = o.result();
            lines.add(String.format(java.util.Locale.ROOT, "%s %-40s %-12s top=%s %.3f (raw %.3f) other=%.2f %s unmapped=%s mnm=%s flags=%s",
                    v.id(), v.inScope() ? v.expected() : "out:" + v.outside(), r.fit().verdict().code(), o.top().code(),
                    o.top().probability(), o.rawTop(), r.otherMass(), o.top3() ? "top3" : (v.inScope() ? "MISS" : ""),
                    o.note().unmappedFindings(), r.mustNotMiss().stream().map(x -> x.code()).toList(),
                    r.redFlags().stream().map(x -> x.code()).toList()));
            r.fit().reasons().forEach(x -> lines.add("    " + x.code() + ": " + x.text()));
            lines.add("    top3=" + r.differential().stream().limit(3)
                    .map(c -> c.code() + String.format(java.util.Locale.ROOT, ":%.3f", c.probability() / Math.max(1e-9, 1 - r.otherMass())))
                    .toList());
            lines.add("    evidences=" + o.note().evidences() + " absent=" + o.note().absent() + " " + o.factors());
        }
        return lines;
    }

    private static double share(List<Outcome> os, java.util.function.Predicate<Outcome> p) {
        if (os.isEmpty()) {
            return 0;
        }
        return Math.round(1000.0 * os.stream().filter(p).count() / os.size()) / 1000.0;
    }

    /**
     * Expected calibration error of the top candidate's probability over all notes (a note outside the 49
     * is always a wrong answer), in {@value #BINS} equal-width bins.
     */
    static double ece(List<Outcome> os, boolean raw) {
        double[] conf = new double[BINS];
        double[] hits = new double[BINS];
        int[] n = new int[BINS];
        for (Outcome o : os) {
            double c = raw ? o.rawTop() : o.top().probability();
            int b = Math.min(BINS - 1, (int) (c * BINS));
            conf[b] += c;
            hits[b] += o.top1() ? 1 : 0;
            n[b]++;
        }
        double e = 0;
        for (int b = 0; b < BINS; b++) {
            if (n[b] > 0) {
                e += Math.abs(conf[b] - hits[b]) / os.size();
            }
        }
        return Math.round(e * 10000) / 10000.0;
    }
}
