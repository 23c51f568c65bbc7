package com.mediassist.core.diagnosis;

import com.mediassist.core.bundle.BundleException.FeatureMismatchException;
import com.mediassist.core.bundle.BundleManifest;
import com.mediassist.core.bundle.VerifiedBundle;
import com.mediassist.core.diagnosis.DiagnosisResult.AnswerOption;
import com.mediassist.core.diagnosis.DiagnosisResult.Candidate;
import com.mediassist.core.diagnosis.DiagnosisResult.EvidenceNote;
import com.mediassist.core.diagnosis.DiagnosisResult.ModelInfo;
import com.mediassist.core.diagnosis.DiagnosisResult.NextQuestion;
import com.mediassist.core.diagnosis.DiagnosisResult.RedFlag;
import com.mediassist.core.fit.FitAssessor;
import com.mediassist.core.fit.StatedAssessment;
import com.mediassist.core.fit.FitVerdict;
import com.mediassist.core.fit.UnmappedConcepts;
import com.mediassist.core.knowledge.Evidence;
import com.mediassist.core.knowledge.EvidenceCode;
import com.mediassist.core.knowledge.EvidenceFrequencies;
import com.mediassist.core.knowledge.FeatureSpace;
import com.mediassist.core.knowledge.Finding;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.knowledge.Pathology;
import com.mediassist.core.knowledge.PatientFindings;
import com.mediassist.core.summary.lexicon.ClinicalLabels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Diagnosis suggestions from a verified bundle. Thread-safe. Owns its scorer and its bounded
 * executor; {@link #close()} releases both.
 */
public final class DiagnosisEngine implements AutoCloseable {

    /** Method name reported when the ONNX model answered. */
    public static final String METHOD_MODEL = "onnx";
    /** Method name reported when the naive Bayes fallback answered. */
    public static final String METHOD_FALLBACK = "naive-bayes-fallback";

    private final Knowledge knowledge;
    private final FeatureSpace space;
    private final EvidenceFrequencies freq;
    private final BundleManifest manifest;
    private final Scorer scorer;
    private final DiagnosisOptions options;
    private final NaiveBayes naiveBayes;
    private final NoteLikelihood noteLikelihood;
    private final QuestionPlanner planner;
    /** Per pathology, the yes/no evidences it usually presents ({@link #missing}). */
    private final Typical[][] typical;
    private final ClinicalLabels labels = ClinicalLabels.loadDefault();
    private final FitAssessor fitAssessor;
    private final ThreadPoolExecutor executor;

    /**
     * Opens the engine on a verified bundle: reads its knowledge and frequencies, checks that the
     * model's features and labels are exactly those this engine builds, and opens the ONNX session.
     *
     * @throws FeatureMismatchException when the features or labels differ
     * @throws com.mediassist.core.knowledge.KnowledgeException.MalformedKnowledgeException when a knowledge file is bad
     * When the ONNX model cannot be opened the engine still opens and every answer comes from the
     * fallback, with the reason.
     */
    public static DiagnosisEngine open(VerifiedBundle bundle, DiagnosisOptions options) {
        BundleManifest m = bundle.manifest();
        Knowledge knowledge = Knowledge.read(bundle.file(m.knowledge().getOrDefault("knowledge", "knowledge.json")));
        EvidenceFrequencies freq = EvidenceFrequencies.read(bundle.file(m.knowledge().getOrDefault("frequencies", "frequencies.json")));
        FeatureSpace space = checkModel(knowledge, m);
        Scorer scorer;
        try {
            scorer = new OnnxScorer(bundle.file(m.model().file()), m.model().input(), space.size(),
                    knowledge.pathologies().size());
        } catch (RuntimeException | LinkageError e) {
            // The knowledge is intact, so the fallback can still answer; every answer will say why.
            String reason = "the ONNX model could not be opened: " + e.getMessage();
            scorer = x -> {
                throw new DiagnosisException.ModelRunException(reason, e);
            };
        }
        return new DiagnosisEngine(knowledge, freq, m, scorer, options);
    }

    /** Checks the manifest's features and labels against those built from the knowledge. */
    static FeatureSpace checkModel(Knowledge knowledge, BundleManifest m) {
        FeatureSpace space = new FeatureSpace(knowledge);
        if (!FeatureSpace.ENCODING.equals(m.model().encoding())) {
            throw new FeatureMismatchException("feature encoding", List.of(FeatureSpace.ENCODING),
                    m.model().encoding() == null ? List.of() : List.of(m.model().encoding()));
        }
        if (!space.names().equals(m.model().features())) {
            throw new FeatureMismatchException("input features", space.names(), m.model().features());
        }
        List<String> labels = knowledge.pathologies().stream().map(p -> p.code().value()).toList();
        if (!labels.equals(m.model().labels())) {
            throw new FeatureMismatchException("output labels", labels, m.model().labels());
        }
        return space;
    }

    /**
     * An engine over any scorer; {@link #open} is the way to get one over a bundle's ONNX model.
     * The engine owns the scorer and closes it when it is {@link AutoCloseable}.
     */
    public DiagnosisEngine(Knowledge knowledge, EvidenceFrequencies freq, BundleManifest manifest, Scorer scorer,
                           DiagnosisOptions options) {
        this.knowledge = knowledge;
        this.space = checkModel(knowledge, manifest);
        freq.checkAgainst(knowledge, space);
        this.freq = freq;
        this.manifest = manifest;
        this.scorer = scorer;
        this.options = options;
        this.naiveBayes = new NaiveBayes(knowledge, space, freq);
        this.noteLikelihood = new NoteLikelihood(freq, space, NoteLikelihood.FLOOR, NoteImplications.loadDefault());
        this.planner = new QuestionPlanner(knowledge, space, freq);
        this.typical = typical(knowledge, space, freq);
        this.fitAssessor = new FitAssessor(knowledge, space, freq, options.fit(), UnmappedConcepts.loadDefault(),
                QuestionPlanner::offTopic, com.mediassist.core.fit.RelatedEvidences.loadDefault(),
                com.mediassist.core.fit.VerdictModel.loadDefault());
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(options.onnxThreads(), options.onnxThreads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, options.queueCapacity())), r -> {
                    Thread t = new Thread(r, "diagnosis-onnx-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    public Knowledge knowledge() {
        return knowledge;
    }

    public FeatureSpace featureSpace() {
        return space;
    }

    /** The fit assessment this engine applies to every answer. */
    public FitAssessor fitAssessor() {
        return fitAssessor;
    }

    public BundleManifest manifest() {
        return manifest;
    }

    /**
     * The differential, red flags and next questions for a patient.
     *
     * @param p        validated findings (see {@link Knowledge#findings})
     * @param language language of names, questions and explanations
     */
    public DiagnosisResult diagnose(PatientFindings p, Language language) {
        return diagnose(p, List.of(), language);
    }

    /**
     * The differential, its fit, the must-not-miss conditions, red flags and next questions for a patient.
     *
     * @param p                validated findings (see {@link Knowledge#findings})
     * @param unmappedFindings findings DDXPlus has no evidence for (the note reader's labels, or free text);
     *                         they count against the fit
     * @param language         language of names, questions, reasons and explanations
     */
    public DiagnosisResult diagnose(PatientFindings p, List<String> unmappedFindings, Language language) {
        return diagnose(p, unmappedFindings, StatedAssessment.none(), language);
    }

    private DiagnosisResult diagnose(PatientFindings p, List<String> unmappedFindings, StatedAssessment stated,
                                     Language language) {
        float[] x = space.encode(knowledge, p);
        double[] posterior;
        String fallbackReason = null;
        try {
            posterior = runModel(x);
        } catch (FallbackNeeded e) {
            fallbackReason = e.getMessage();
            posterior = naiveBayes.posterior(x);
        }
        return answer(p, unmappedFindings, stated, x, language, posterior, fallbackReason);
    }

    /**
     * {@link #diagnose(PatientFindings, List, Language)} for findings read from a free-text note: a finding
     * that DDXPlus encodes differently per pathology ({@link NoteEncodings}) is scored in each encoding and
     * every pathology keeps its better probability (renormalised), so that the reader's choice of encoding
     * does not rule a pathology out. Answer sheets use {@link #diagnose} and are scored as they are.
     *
     * @param encodings the alternative encodings, usually {@link NoteEncodings#loadDefault()}
     */
    public DiagnosisResult diagnoseNote(PatientFindings p, List<String> unmappedFindings, Language language,
                                        NoteEncodings encodings) {
        return diagnoseNote(p, unmappedFindings, StatedAssessment.none(), language, encodings);
    }

    /**
     * {@link #diagnoseNote(PatientFindings, List, Language, NoteEncodings)} for a note whose author states an
     * assessment: the conditions it names ({@link com.mediassist.core.fit.AssessmentReader}) weigh in the fit verdict.
     */
    public DiagnosisResult diagnoseNote(PatientFindings p, List<String> unmappedFindings, StatedAssessment stated,
                                        Language language, NoteEncodings encodings) {
        NotePosterior n = notePosterior(p, encodings.variants(p, knowledge));
        return answer(p, unmappedFindings, stated, space.encode(knowledge, p), language, n.posterior(), n.fallbackReason());
    }

    /**
     * The probabilities {@link #diagnoseNote} ranks by, without explanations or questions (for evaluation and for
     * fitting the fit model on notes).
     */
    public double[] noteProbabilities(PatientFindings p, NoteEncodings encodings) {
        return notePosterior(p, encodings.variants(p, knowledge)).posterior();
    }

    private record NotePosterior(double[] posterior, String fallbackReason) {
    }

    private NotePosterior notePosterior(PatientFindings p, List<PatientFindings> variants) {
        float[] x = space.encode(knowledge, p);
        double[] posterior;
        String fallbackReason = null;
        try {
            posterior = noteLikelihood.bound(runModel(x), x, manifest.model().temperature());
            for (PatientFindings v : variants) {
                float[] xv = NoteEncodings.encode(knowledge, space, p, v);
                double[] other = noteLikelihood.bound(runModel(xv), xv, manifest.model().temperature());
                for (int k = 0; k < posterior.length; k++) {
                    posterior[k] = Math.max(posterior[k], other[k]);
                }
            }
        } catch (FallbackNeeded e) {
            fallbackReason = e.getMessage();
            posterior = noteLikelihood.bound(naiveBayes.posterior(x), x, 1);
            for (PatientFindings v : variants) {
                float[] xv = NoteEncodings.encode(knowledge, space, p, v);
                double[] other = noteLikelihood.bound(naiveBayes.posterior(xv), xv, 1);
                for (int k = 0; k < posterior.length; k++) {
                    posterior[k] = Math.max(posterior[k], other[k]);
                }
            }
        }
        double sum = 0;
        for (double q : posterior) {
            sum += q;
        }
        for (int k = 0; k < posterior.length; k++) {
            posterior[k] /= sum;
        }
        return new NotePosterior(posterior, fallbackReason);
    }

    /** The model's probabilities for a patient, without explanations or questions (for evaluation). */
    public double[] probabilities(PatientFindings p) {
        float[] x = space.encode(knowledge, p);
        try {
            return runModel(x);
        } catch (FallbackNeeded e) {
            return naiveBayes.posterior(x);
        }
    }

    /** Thrown internally when the model cannot answer in time. */
    private static final class FallbackNeeded extends Exception {
        FallbackNeeded(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private double[] runModel(float[] x) throws FallbackNeeded {
        Future<float[]> f;
        try {
            f = executor.submit(() -> scorer.score(x));
        } catch (RejectedExecutionException e) {
            throw new FallbackNeeded("the model is busy (" + options.onnxThreads() + " runs in flight, "
                    + options.queueCapacity() + " waiting)", e);
        }
        float[] out;
        try {
            out = f.get(options.onnxTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new FallbackNeeded("the model did not answer within its time budget of "
                    + options.onnxTimeout().toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw new FallbackNeeded("the model failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            throw new FallbackNeeded("interrupted while waiting for the model", e);
        }
        double[] p = new double[out.length];
        double sum = 0;
        for (int i = 0; i < out.length; i++) {
            if (!(out[i] >= 0) || Float.isInfinite(out[i])) {
                throw new FallbackNeeded("the model returned an invalid probability " + out[i], null);
            }
            p[i] = out[i];
            sum += out[i];
        }
        if (Math.abs(sum - 1) > 1e-3) {
            throw new FallbackNeeded(String.format(Locale.ROOT, "the model's probabilities sum to %.4f, not 1", sum), null);
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** @param x the patient's encoded input (read only: it may still be in use by a timed-out model run) */
    private DiagnosisResult answer(PatientFindings p, List<String> unmapped, StatedAssessment stated, float[] x,
                                   Language lang, double[] posterior, String fallbackReason) {
        List<Pathology> paths = knowledge.pathologies();
        FitAssessor.Assessment fit = fitAssessor.assess(p, posterior, unmapped, stated, lang, f -> text(f, lang));
        double keep = fit.fitScore();
        Integer[] order = new Integer[posterior.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -posterior[i]).thenComparing(i -> i));
        List<Candidate> differential = new ArrayList<>();
        for (int r = 0; r < Math.min(options.topCandidates(), order.length); r++) {
            int k = order[r];
            Pathology path = paths.get(k);
            differential.add(new Candidate(path.code().value(), path.name().in(lang), path.icd10(), posterior[k] * keep,
                    path.severity(), supporting(p, k, lang), missing(p, k, lang), unexplained(p, path, lang)));
        }
        List<RedFlag> flags = new ArrayList<>();
        for (int k : order) {
            Pathology path = paths.get(k);
            // A severe condition is raised only with findings specific to it, and at the probability shown.
            double shown = posterior[k] * keep;
            // Outside the model's scope one specific finding is not enough (swelling in gout is no pulmonary oedema).
            int needed = fit.fit().verdict() == FitVerdict.IN_SCOPE ? 1 : 2;
            if (path.severity() <= 2 && shown >= options.redFlagThreshold() && fit.specificTo(k).size() >= needed) {
                String pct = String.format(Locale.ROOT, "%.0f%%", shown * 100);
                String reason = lang == Language.EN
                        ? "Severe condition (DDXPlus severity " + path.severity() + ") with probability " + pct + ": rule it out"
                        : "Enfermedad grave (gravedad DDXPlus " + path.severity() + ") con probabilidad " + pct + ": descártela";
                flags.add(new RedFlag(path.code().value(), path.name().in(lang), path.icd10(), shown,
                        path.severity(), reason));
            }
        }
        List<NextQuestion> questions = new ArrayList<>();
        // Questions are planned under the frequencies' own naive Bayes posterior: the answer
        // probabilities the planner uses come from those frequencies, and the model's calibrated
        // (temperature-softened) probabilities planned worse (CV: 97.0% vs 98.x% interactive top-1).
        double[] planning = fallbackReason != null ? posterior : naiveBayes.posterior(x);
        for (QuestionPlanner.Proposal s : planner.propose(p, planning, options.nextQuestions())) {
            Evidence e = s.evidence();
            List<AnswerOption> values = s.values().stream()
                    .map(v -> new AnswerOption(v.code(), v.label().in(lang))).toList();
            String question = e.question().in(lang);
            questions.add(new NextQuestion(e.code(), labels.label(e.code(), lang).orElse(question),
                    question, values, s.gain()));
        }
        boolean fb = fallbackReason != null;
        ModelInfo info = new ModelInfo(manifest.id(), manifest.version(), fb ? METHOD_FALLBACK : METHOD_MODEL,
                "DDXPlus (CC BY 4.0)");
        return new DiagnosisResult(differential, flags, questions, info, fb, fallbackReason, fit.fit(), fit.mustNotMiss(),
                fit.otherMass());
    }

    /** Present findings ranked by how much more often pathology k presents them than the others do. */
    private List<EvidenceNote> supporting(PatientFindings p, int k, Language lang) {
        record Scored(Finding f, double freq, double lift) {
        }
        List<Scored> s = new ArrayList<>();
        for (Finding f : p.present()) {
            int i = space.indexOf(f);
            double pk = freq.present()[k][i];
            double lift = Math.log(pk / freq.othersFrequency(k, i));
            if (lift > 0) {
                s.add(new Scored(f, pk, lift));
            }
        }
        s.sort(Comparator.comparingDouble(Scored::lift).reversed());
        return s.stream().limit(options.explanationSize())
                .map(x -> new EvidenceNote(x.f(), text(x.f(), lang), x.freq(), "present")).toList();
    }

    /** Present findings whose evidence the pathology's knowledge does not list, in the order given. */
    private List<EvidenceNote> unexplained(PatientFindings p, Pathology path, Language lang) {
        List<EvidenceNote> notes = new ArrayList<>();
        java.util.Set<EvidenceCode> seen = new java.util.HashSet<>();
        for (Finding f : p.present()) {
            if (!path.canPresent(f.evidence()) && seen.add(f.evidence())) {
                notes.add(new EvidenceNote(f, text(f, lang), 0, "not-in-profile"));
            }
        }
        return notes;
    }

    /** Yes/no evidences pathology k usually presents (≥ 50%) that the patient lacks, most typical first. */
    private List<EvidenceNote> missing(PatientFindings p, int k, Language lang) {
        List<EvidenceNote> notes = new ArrayList<>();
        for (Typical t : typical[k]) {
            if (notes.size() >= options.explanationSize()) {
                break;
            }
            if (!p.isPresent(t.evidence().code())) {
                notes.add(new EvidenceNote(Finding.of(t.evidence().code()), t.evidence().question().in(lang), t.frequency(),
                        p.absent().contains(t.evidence().code()) ? "denied" : "not-asked"));
            }
        }
        return notes;
    }

    /** A yes/no evidence a pathology presents in at least half of its cases, with that frequency. */
    private record Typical(Evidence evidence, double frequency) {
    }

    /**
     * Per pathology, its {@link Typical} evidences most frequent first (ties by code): what {@link #missing}
     * picks from, the same for every answer, so sorted once.
     */
    private static Typical[][] typical(Knowledge knowledge, FeatureSpace space, EvidenceFrequencies freq) {
        Typical[][] out = new Typical[knowledge.pathologies().size()][];
        for (int k = 0; k < out.length; k++) {
            List<Typical> list = new ArrayList<>();
            for (Evidence e : knowledge.evidences()) {
                double q = e.isBinary() ? freq.present()[k][space.indexOf(e.code().value())] : 0;
                if (q >= 0.5) {
                    list.add(new Typical(e, q));
                }
            }
            list.sort(Comparator.comparingDouble(Typical::frequency).reversed()
                    .thenComparing(t -> Finding.of(t.evidence().code()).toString()));
            out[k] = list.toArray(Typical[]::new);
        }
        return out;
    }

    private String text(Finding f, Language lang) {
        Evidence e = knowledge.evidence(f.evidence()).orElseThrow();
        String q = e.question().in(lang);
        if (!f.hasValue()) {
            return q;
        }
        return q + " " + e.value(f.value()).map(v -> v.label().in(lang)).orElse(f.value());
    }

    /** Codes of the evidences a patient must not be asked again (for tests and callers). */
    public static List<EvidenceCode> answered(PatientFindings p) {
        List<EvidenceCode> all = new ArrayList<>(p.absent());
        p.present().forEach(f -> all.add(f.evidence()));
        return all;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        if (scorer instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                throw new DiagnosisException.ModelRunException("cannot close the scorer: " + e.getMessage(), e);
            }
        }
    }
}
