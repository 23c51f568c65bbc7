package com.mediassist.models;

import com.mediassist.core.diagnosis.NaiveBayes;
import com.mediassist.core.diagnosis.QuestionPlanner;
import com.mediassist.core.knowledge.EvidenceCode;
import com.mediassist.core.knowledge.EvidenceFrequencies;
import com.mediassist.core.knowledge.FeatureSpace;
import com.mediassist.core.knowledge.Finding;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.KnowledgeException;
import com.mediassist.core.knowledge.Pathology;
import com.mediassist.models.ModelsException.BadInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains the diagnosis model from real patients: estimates frequencies, samples synthetic
 * patients, fits a first model on all but a held-out calibration share of the real patients, fits
 * the temperature on that share, then refits on every patient and folds the temperature into the
 * weights. Everything is seeded and single-threaded.
 */
public final class TrainingPipeline {

    /**
     * The result of training.
     *
     * @param model       the calibrated model
     * @param temperature the fitted temperature
     * @param frequencies the smoothed frequencies of all training patients
     * @param metrics     held-out numbers of the calibration split: top-1 with all and half the evidence, rows
     *                    read as complete answer sheets and as their listed evidences only (see {@link Evaluator})
     */
    public record Trained(Classifier model, double temperature, EvidenceFrequencies frequencies,
                          Map<String, Double> metrics) {
    }

    /** Questions of a simulated consultation used for training. */
    static final int CONSULTATION_STEPS = 12;

    private final Knowledge knowledge;
    private final FeatureSpace space;
    private final TrainerSettings settings;

    public TrainingPipeline(Knowledge knowledge, TrainerSettings settings) {
        this.knowledge = knowledge;
        this.space = new FeatureSpace(knowledge);
        this.settings = settings;
    }

    public Knowledge knowledge() {
        return knowledge;
    }

    /**
     * Converts rows to training cases.
     *
     * @throws BadInputException naming the row whose pathology or evidence the knowledge does not know
     */
    List<TrainingCase> cases(List<PatientRecord> rows) {
        return cases(rows, true);
    }

    /** Converts rows to training cases that count in the prior or not ({@link TrainingCase#inPrior()}). */
    List<TrainingCase> cases(List<PatientRecord> rows, boolean inPrior) {
        List<Pathology> paths = knowledge.pathologies();
        List<TrainingCase> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            PatientRecord p = rows.get(r);
            Pathology path = knowledge.pathologyByName(p.pathology())
                    .orElseThrow(() -> new BadInputException("unknown pathology '" + p.pathology() + "'"));
            List<Finding> findings = new ArrayList<>();
            try {
                for (int i = 0; i < p.evidences().size(); i++) {
                    findings.add(knowledge.parseFinding("patient " + (r + 1) + " evidence " + i, p.evidences().get(i)));
                }
            } catch (KnowledgeException e) {
                throw new BadInputException(e.getMessage(), e);
            }
            if (!EvidenceCode.isWellFormed(p.initial())) {
                throw new BadInputException("patient " + (r + 1) + ": INITIAL_EVIDENCE '" + p.initial() + "' is not an evidence code");
            }
            out.add(new TrainingCase(paths.indexOf(path), p.ageKnown() ? p.age() : -1, p.sexKnown() ? p.sex() : null,
                    findings, new EvidenceCode(p.initial()), false, p.ageKnown(), p.sexKnown(), inPrior));
        }
        return out;
    }

    /** Trains on all rows (calibration split inside). */
    public Trained train(List<PatientRecord> rows) {
        return train(rows, List.of());
    }

    /**
     * Trains on the base rows and the fleet's confirmed cases (calibration split inside). The fleet's
     * cases count in every distribution except the pathology prior, which comes from the base rows
     * only: k-anonymity lets a diagnosis leave a clinic only in groups of at least k, so the fleet's
     * diagnosis mix is a selection, not a sample.
     */
    public Trained train(List<PatientRecord> rows, List<PatientRecord> fleet) {
        List<TrainingCase> all = new ArrayList<>(cases(rows, true));
        all.addAll(cases(fleet, false));
        Random split = new Random(settings.seed());
        List<TrainingCase> fit = new ArrayList<>();
        List<TrainingCase> calib = new ArrayList<>();
        for (TrainingCase c : all) {
            if (!c.demographicsKnown()) {
                // calibration and its held-out metrics read the patient's age and sex: such a case only fits
                fit.add(c);
                continue;
            }
            (split.nextDouble() < settings.calibrationShare() ? calib : fit).add(c);
        }
        Classifier first = fitModel(fit, settings.seed() + 1);
        List<ExampleFactory.Example> calibExamples = new ArrayList<>();
        ExampleFactory calibFactory = new ExampleFactory(knowledge, space, new EvidenceStats(knowledge, space, fit));
        Random rnd = new Random(settings.seed() + 2);
        List<ExampleFactory.Example> full = new ArrayList<>();
        List<ExampleFactory.Example> half = new ArrayList<>();
        List<ExampleFactory.Example> complete = new ArrayList<>();
        List<ExampleFactory.Example> completeHalf = new ArrayList<>();
        for (TrainingCase c : calib) {
            ExampleFactory.Example f = calibFactory.variant(c, 1.0, false, rnd);
            ExampleFactory.Example h = calibFactory.variant(c, 0.5, false, rnd);
            ExampleFactory.Example cf = calibFactory.completeRecord(c, 1.0, rnd);
            ExampleFactory.Example ch = calibFactory.completeRecord(c, 0.5, rnd);
            full.add(f);
            half.add(h);
            complete.add(cf);
            completeHalf.add(ch);
            calibExamples.add(f);
            calibExamples.add(h);
            calibExamples.add(cf);
            calibExamples.add(ch);
            calibExamples.add(calibFactory.completeRecord(c, 0.25, rnd));
            calibExamples.add(calibFactory.variant(c, 0.25, false, rnd));
            calibExamples.add(calibFactory.variant(c, 0.1 + 0.5 * rnd.nextDouble(), true, rnd));
        }
        double t = calibExamples.isEmpty() ? 1.0 : first.fitTemperature(calibExamples);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("calibrationPatients", (double) calib.size());
        metrics.put("heldOutTop1AllEvidence", top1(first, complete));
        metrics.put("heldOutTop1HalfEvidence", top1(first, completeHalf));
        metrics.put("heldOutTop1ListedEvidenceOnly", top1(first, full));
        metrics.put("heldOutTop1HalfListedEvidenceOnly", top1(first, half));
        metrics.put("temperature", t);
        Classifier last = fitModel(all, settings.seed() + 3).withTemperature(t);
        return new Trained(last, t, new EvidenceStats(knowledge, space, all).frequencies(), metrics);
    }

    private static double top1(Classifier m, List<ExampleFactory.Example> xs) {
        if (xs.isEmpty()) {
            return Double.NaN;
        }
        double[] z = new double[m.labels()];
        int ok = 0;
        for (ExampleFactory.Example x : xs) {
            m.logits(x.index(), x.value(), z);
            int best = 0;
            for (int k = 1; k < z.length; k++) {
                if (z[k] > z[best]) {
                    best = k;
                }
            }
            ok += best == x.label() ? 1 : 0;
        }
        return (double) ok / xs.size();
    }

    /**
     * Fits a model on the given real cases plus synthetic ones sampled from their frequencies. Cases
     * with an unknown age or sex count in the frequencies only (not in that distribution); they are
     * neither examples nor templates of synthetic patients, which need an age and a sex.
     */
    Classifier fitModel(List<TrainingCase> cases, long seed) {
        EvidenceStats stats = new EvidenceStats(knowledge, space, cases);
        if (settings.algorithm() == TrainerSettings.Algorithm.NAIVE_BAYES) {
            return NaiveBayesModel.of(space, stats.frequencies());
        }
        List<TrainingCase> real = cases.stream().filter(TrainingCase::demographicsKnown).toList();
        ExampleFactory factory = new ExampleFactory(knowledge, space, stats);
        Random rnd = new Random(seed);
        int k = knowledge.pathologies().size();
        List<List<TrainingCase>> byLabel = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            byLabel.add(new ArrayList<>());
        }
        real.forEach(c -> byLabel.get(c.label()).add(c));
        List<ExampleFactory.Example> data = new ArrayList<>();
        EvidenceFrequencies freq = stats.frequencies();
        NaiveBayes nb = new NaiveBayes(knowledge, space, freq);
        QuestionPlanner planner = new QuestionPlanner(knowledge, space, freq);
        for (TrainingCase c : real) {
            data.add(factory.variant(c, 1.0, false, rnd));
            data.add(factory.completeRecord(c, 1.0, rnd));
            data.add(factory.completeRecord(c, keep(rnd), rnd));
            for (int v = 1; v < settings.realVariants(); v++) {
                data.add(factory.variant(c, keep(rnd), rnd.nextDouble() < 0.5, rnd));
            }
            for (int t = 0; t < settings.consultations(); t++) {
                data.addAll(factory.consultation(c, nb, planner, CONSULTATION_STEPS, 0.5, rnd));
            }
        }
        int total = real.size();
        for (int c = 0; c < k; c++) {
            double prior = (byLabel.get(c).size() + 1.0) / (total + k);
            int count = Math.max(settings.minSyntheticPerPathology(), (int) Math.round(settings.syntheticPatients() * prior));
            List<TrainingCase> templates = byLabel.get(c);
            for (int s = 0; s < count; s++) {
                TrainingCase template = templates.isEmpty() ? null : templates.get(rnd.nextInt(templates.size()));
                TrainingCase syn = factory.sample(c, template, rnd);
                if (syn == null) {
                    continue;
                }
                data.add(factory.variant(syn, 1.0, false, rnd));
                data.add(factory.completeRecord(syn, rnd.nextDouble() < 0.5 ? 1.0 : keep(rnd), rnd));
                if (settings.consultations() > 0 && rnd.nextDouble() < 0.5) {
                    data.addAll(factory.consultation(syn, nb, planner, CONSULTATION_STEPS, 0.3, rnd));
                }
                for (int v = 1; v < settings.syntheticVariants(); v++) {
                    data.add(factory.variant(syn, keep(rnd), rnd.nextDouble() < 0.5, rnd));
                }
            }
        }
        if (settings.algorithm() == TrainerSettings.Algorithm.MLP) {
            return MlpModel.train(data, space.size(), settings.hidden(), k, settings.epochs(), settings.learningRate(),
                    settings.l2(), seed);
        }
        return SoftmaxModel.train(data, space.size(), k, settings.epochs(), settings.learningRate(), settings.l2(), seed);
    }

    /** Share of findings kept in a partial variant: uniform, with a third of variants very sparse (as early in a consultation). */
    private static double keep(Random rnd) {
        return rnd.nextDouble() < 1.0 / 3 ? 0.3 * rnd.nextDouble() : rnd.nextDouble();
    }

    public FeatureSpace space() {
        return space;
    }
}
