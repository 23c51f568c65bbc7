package com.mediassist.core.fit;

import com.mediassist.core.knowledge.Evidence;
import com.mediassist.core.knowledge.EvidenceCode;
import com.mediassist.core.knowledge.EvidenceFrequencies;
import com.mediassist.core.knowledge.FeatureSpace;
import com.mediassist.core.knowledge.Finding;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.knowledge.Pathology;
import com.mediassist.core.knowledge.PathologyCode;
import com.mediassist.core.knowledge.PatientFindings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Judges how well the model's 49 conditions explain a patient, and how much of the probability belongs to
 * "something I do not know". Five factors, each in (0, 1], multiply into a fit score:
 * <ul>
 *   <li>amount of evidence: {@code 1 − exp(−n / evidenceScale)} over the distinct coded findings (antecedents
 *       count half, denials a quarter, at most 3 in all), so two or three findings never give 0.99;</li>
 *   <li>unmapped findings: {@code exp(−unmappedPenalty · W)}, W the summed weight of the findings DDXPlus has
 *       no evidence for (1 for a finding of a system the model does not cover, 0.1 for a related sign,
 *       0.5 for free text not in the catalogue);</li>
 *   <li>explanation: {@code 1 − unexplainedPenalty · s}, s the share of coded findings the best candidate's
 *       DDXPlus profile does not list;</li>
 *   <li>typicality: {@code exp(−max(0, d − atypicalMargin))}, d how far the explained findings' mean
 *       log-frequency under the best candidate falls below that of DDXPlus patients of it;</li>
 *   <li>coverage: {@code exp(−coveragePenalty · max(0, coverageExpected − c))}, c the share of the best
 *       candidate's characteristic symptoms (yes/no symptoms at least half of its DDXPlus patients have, off-topic ones
 *       left out, each weighted by how much more often its patients have it than the other conditions') the findings name: findings that lead to a condition without naming
 *       its usual symptoms are what a condition the model does not know looks like.</li>
 * </ul>
 * An uncoded finding whose nearest DDXPlus evidence ({@link RelatedEvidences}) is characteristic of the best
 * candidate counts as a related sign (itching in anaphylaxis).
 * The differential's probabilities are the model's times the fit score; the rest is the explicit
 * {@code otherMass}. The verdict comes from a {@link VerdictModel} (a logistic model of six signals fitted on the
 * tuning notes) when the assessor has one, with three floors: two outside findings, or one that is a third or more of
 * the findings, are never in scope, and a note with no finding at all is at most low fit; without one, from the
 * hand-set thresholds of {@link FitOptions}. Immutable and thread-safe.
 */
public final class FitAssessor {

    /** Weight of an unmapped finding given as free text that the catalogue does not know. */
    static final double UNKNOWN_WEIGHT = 0.5;
    /** Share of a pathology's DDXPlus patients that must have a yes/no symptom for it to be characteristic. */
    static final double CHARACTERISTIC = 0.5;
    /**
     * Least weight of a characteristic symptom in {@link #coverage}, as a share of its frequency: a symptom most
     * conditions share (pain somewhere) still counts a little.
     */
    static final double UNSPECIFIC_SHARE = 0.25;
    /** Smallest frequency used in logarithms. */
    private static final double FLOOR = 1e-6;

    private final Knowledge knowledge;
    private final FeatureSpace space;
    private final EvidenceFrequencies freq;
    private final FitOptions options;
    private final UnmappedConcepts concepts;
    private final RelatedEvidences related;
    /** Decides the verdict from the signals; {@code null}: the hand-set rule of {@link FitOptions} decides. */
    private final VerdictModel verdictModel;
    /** Mean log-frequency of a DDXPlus patient's present features, per pathology. */
    private final double[] typicalLog;
    /** Per pathology, its characteristic symptoms: yes/no current symptoms at least half of its DDXPlus patients have. */
    private final int[][] characteristic;
    /** Per pathology, the weight of each characteristic symptom in {@link #coverage} (same order). */
    private final double[][] characteristicWeight;

    /**
     * The four factors of the fit score, for evaluation and documentation.
     *
     * @param evidence    amount-of-evidence factor
     * @param unmapped    unmapped-findings factor
     * @param explanation explanation factor
     * @param typicality  typicality factor
     * @param deficit     nats by which the findings are less typical of the best candidate than its DDXPlus patients' are
     * @param coverage    share of the best candidate's characteristic symptoms the findings name (see {@link #coverage})
     * @param signals     the verdict model's inputs ({@link VerdictModel.Signal})
     * @param notExplained the verdict model's probability that the 49 conditions do not explain the findings (NaN
     *                     when the assessor has no verdict model)
     */
    public record Factors(double evidence, double unmapped, double explanation, double typicality, double deficit,
                          double coverage, Map<VerdictModel.Signal, Double> signals, double notExplained) {
    }

    /** What the assessment found for one answer. */
    public record Assessment(FitAssessment fit, double fitScore, double otherMass, List<MustNotMiss> mustNotMiss,
                             List<List<Finding>> specific, Factors factors) {

        /** The present findings specific to pathology {@code k} (empty when none): what a red flag needs. */
        public List<Finding> specificTo(int k) {
            return specific.get(k);
        }
    }

    /** An assessor for which every symptom DDXPlus lists for a pathology is pertinent to it. */
    public FitAssessor(Knowledge knowledge, FeatureSpace space, EvidenceFrequencies freq, FitOptions options,
                       UnmappedConcepts concepts) {
        this(knowledge, space, freq, options, concepts, (e, k) -> false, RelatedEvidences.none());
    }

    /**
     * @param offTopic evidence/pathology pairs DDXPlus lists but a clinician would not look for (skin lesions in
     *                 pneumonia): never characteristic of the pathology
     * @param related  the nearest DDXPlus evidences of uncoded findings ({@link RelatedEvidences#loadDefault()})
     */
    public FitAssessor(Knowledge knowledge, FeatureSpace space, EvidenceFrequencies freq, FitOptions options,
                       UnmappedConcepts concepts, BiPredicate<EvidenceCode, PathologyCode> offTopic,
                       RelatedEvidences related) {
        this(knowledge, space, freq, options, concepts, offTopic, related, null);
    }

    /**
     * @param verdictModel decides the verdict from the assessment's signals ({@link VerdictModel#loadDefault()}, what
     *                     the engine uses); {@code null} keeps the hand-set thresholds of {@link FitOptions}
     */
    public FitAssessor(Knowledge knowledge, FeatureSpace space, EvidenceFrequencies freq, FitOptions options,
                       UnmappedConcepts concepts, BiPredicate<EvidenceCode, PathologyCode> offTopic,
                       RelatedEvidences related, VerdictModel verdictModel) {
        this.verdictModel = verdictModel;
        this.related = related;
        this.knowledge = knowledge;
        this.space = space;
        this.freq = freq;
        this.options = options;
        this.concepts = concepts;
        int paths = freq.pathologies().size();
        typicalLog = new double[paths];
        for (int k = 0; k < paths; k++) {
            double num = 0;
            double den = 0;
            for (int i = 0; i < space.evidenceFeatureCount(); i++) {
                double q = freq.present()[k][i];
                num += q * Math.log(Math.max(q, FLOOR));
                den += q;
            }
            typicalLog[k] = den > 0 ? num / den : 0;
        }
        characteristic = new int[paths][];
        for (int k = 0; k < paths; k++) {
            List<Integer> c = new ArrayList<>();
            for (Evidence e : knowledge.evidences()) {
                int i = space.indexOf(e.code().value());
                if (!e.antecedent() && e.isBinary() && i >= 0 && !offTopic.test(e.code(), freq.pathologies().get(k)) && i < space.evidenceFeatureCount()
                        && freq.present()[k][i] >= CHARACTERISTIC) {
                    c.add(i);
                }
            }
            final int path = k;
            c.sort(Comparator.comparingDouble((Integer i) -> -freq.present()[path][i]));
            characteristic[k] = c.stream().mapToInt(Integer::intValue).toArray();
        }
        characteristicWeight = new double[paths][];
        for (int k = 0; k < paths; k++) {
            characteristicWeight[k] = new double[characteristic[k].length];
            for (int r = 0; r < characteristic[k].length; r++) {
                characteristicWeight[k][r] = specificity(k, characteristic[k][r]);
            }
        }
    }

    /**
     * Coverage of pathology k's characteristic symptoms by the present findings: their weights ({@link #specificity})
     * summed over the present ones, over the sum over all (1 when k has none). A note about a patient of k names some of
     * them; findings that lead to k without naming any of them are what a condition the model does not know looks like.
     * A symptom nearly every condition has (pain somewhere) weighs little: leaving it out of a note about painless
     * swelling says little against the model, naming it says little for it.
     */
    public double coverage(PatientFindings p, int k) {
        if (characteristic[k].length == 0) {
            return 1;
        }
        Set<Integer> present = new java.util.HashSet<>();
        p.present().forEach(f -> present.add(space.indexOf(f.evidence().value())));
        double all = 0;
        double named = 0;
        for (int r = 0; r < characteristic[k].length; r++) {
            double w = characteristicWeight[k][r];
            all += w;
            if (present.contains(characteristic[k][r])) {
                named += w;
            }
        }
        return named / all;
    }

    /**
     * Weight of characteristic symptom i of pathology k in {@link #coverage}: how much more often k's DDXPlus patients
     * have it than the other conditions' ({@code q − others}), at least {@value #UNSPECIFIC_SHARE} of its frequency q.
     */
    private double specificity(int k, int i) {
        double q = freq.present()[k][i];
        return Math.max(UNSPECIFIC_SHARE * q, q - freq.othersFrequency(k, i));
    }

    /** The feature names of pathology k's characteristic symptoms, most frequent first. */
    public List<String> characteristicSymptoms(int k) {
        List<String> out = new ArrayList<>();
        for (int i : characteristic[k]) {
            out.add(space.names().get(i));
        }
        return out;
    }

    /**
     * Assesses one answer.
     *
     * @param p         the patient's coded findings
     * @param posterior the model's probabilities over the pathologies, in label order
     * @param unmapped  findings without a DDXPlus evidence, as labels (from the note reader) or free text
     * @param lang      language of the reasons and names
     * @param label     how a coded finding is named in the requested language
     */
    public Assessment assess(PatientFindings p, double[] posterior, List<String> unmapped, Language lang,
                             Function<Finding, String> label) {
        return assess(p, posterior, unmapped, StatedAssessment.none(), lang, label);
    }

    /**
     * Assesses one answer to a note whose author states an assessment.
     *
     * @param stated the conditions the note states as its current impression ({@link AssessmentReader}); {@link
     *               StatedAssessment#none()} when it states none or the request does not carry it
     * @see #assess(PatientFindings, double[], List, Language, Function)
     */
    public Assessment assess(PatientFindings p, double[] posterior, List<String> unmapped, StatedAssessment stated,
                             Language lang, Function<Finding, String> label) {
        List<Pathology> paths = knowledge.pathologies();
        int top = 0;
        for (int k = 1; k < posterior.length; k++) {
            if (posterior[k] > posterior[top]) {
                top = k;
            }
        }
        Pathology best = paths.get(top);
        stated = withoutPictureSigns(stated, top);

        Set<EvidenceCode> codes = new LinkedHashSet<>();
        p.present().forEach(f -> codes.add(f.evidence()));
        double amount = Math.min(3, 0.25 * p.absent().size());
        List<EvidenceCode> unexplained = new ArrayList<>();
        for (EvidenceCode c : codes) {
            boolean antecedent = knowledge.evidence(c).map(Evidence::antecedent).orElse(false);
            amount += antecedent ? 0.5 : 1;
            if (!best.canPresent(c)) {
                unexplained.add(c);
            }
        }
        double amountFactor = 1 - Math.exp(-amount / options.evidenceScale());

        double load = 0;
        double outsideLoad = 0;
        List<String> outside = new ArrayList<>();
        List<String> given = new ArrayList<>();
        for (String u : unmapped) {
            if (u == null || u.isBlank() || given.contains(u.trim())) {
                continue;
            }
            given.add(u.trim());
            double w = weight(u, top);
            load += w;
            if (w >= UNKNOWN_WEIGHT) {
                outside.add(u.trim());
                outsideLoad += w;
            }
        }
        double unmappedFactor = Math.exp(-options.unmappedPenalty() * load);

        double share = codes.isEmpty() ? 0 : (double) unexplained.size() / codes.size();
        double explanationFactor = 1 - options.unexplainedPenalty() * share;

        double meanLog = 0;
        int counted = 0;
        for (Finding f : p.present()) {
            int i = space.indexOf(f);
            // unexplained findings are already counted by the explanation factor
            if (i >= 0 && i < space.evidenceFeatureCount() && best.canPresent(f.evidence())) {
                meanLog += Math.log(Math.max(freq.present()[top][i], FLOOR));
                counted++;
            }
        }
        double deficit = counted == 0 ? 0 : typicalLog[top] - meanLog / counted;
        double typicality = Math.exp(-Math.max(0, deficit - options.atypicalMargin()));

        double coverage = coverage(p, top);
        double coverageFactor = Math.exp(-options.coveragePenalty() * Math.max(0, options.coverageExpected() - coverage));
        double score = Math.max(0, Math.min(1, amountFactor * unmappedFactor * explanationFactor * typicality * coverageFactor));
        boolean uncharacteristic = !codes.isEmpty() && coverageFactor < 0.8;
        Map<VerdictModel.Signal, Double> signals = signals(p, posterior, top, coverage, outsideLoad, stated);
        double notExplained = verdictModel == null ? Double.NaN : verdictModel.notExplained(signals);
        FitVerdict verdict = verdictModel != null ? verdictModel.verdict(notExplained)
                : ruleVerdict(score, load, share, typicality, uncharacteristic, outsideLoad);
        if (verdictModel != null) {
            double symptoms = Math.expm1(signals.get(VerdictModel.Signal.LOG_SYMPTOMS));
            if (verdict == FitVerdict.IN_SCOPE && (outsideLoad >= 2 || outsideLoad >= 1 && outsideLoad * 2 >= symptoms)) {
                // two findings from outside the model (the differential then shows under a tenth of the probability),
                // or one that is a third or more of the findings: too few symptoms to outweigh it (big-toe pain beside
                // pain and swelling is no oedema)
                verdict = FitVerdict.LOW_FIT;
            } else if (verdict == FitVerdict.OUT_OF_SCOPE && codes.isEmpty() && outsideLoad == 0) {
                // nothing speaks against the model: there is only nothing to go on
                verdict = FitVerdict.LOW_FIT;
            }
        }

        boolean en = lang == Language.EN;
        List<FitReason> reasons = new ArrayList<>();
        if (!outside.isEmpty()) {
            reasons.add(new FitReason("unmapped-findings", (en ? "Outside what I know: " : "Fuera de lo que conozco: ")
                    + String.join(", ", outside)));
        }
        if (!stated.outside().isEmpty() && verdict != FitVerdict.IN_SCOPE) {
            reasons.add(new FitReason("assessed-outside", (en ? "The note's assessment names a condition I do not know: "
                    : "La valoración de la nota nombra una enfermedad que no conozco: ") + String.join(", ", stated.outside())));
        }
        if (share >= 1.0 / 3 && !codes.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (Finding f : p.present()) {
                if (unexplained.contains(f.evidence()) && names.size() < 4) {
                    String n = label.apply(f);
                    if (!names.contains(n)) {
                        names.add(n);
                    }
                }
            }
            reasons.add(new FitReason("unexplained-findings", en
                    ? unexplained.size() + " of " + codes.size() + " findings are not in the profile of " + best.name().in(lang)
                            + ": " + String.join("; ", names)
                    : unexplained.size() + " de " + codes.size() + " hallazgos no están en el perfil de " + best.name().in(lang)
                            + ": " + String.join("; ", names)));
        }
        if (amountFactor < 0.8) {
            // Math.round rounds half up as "%.0f" does, without String.format's pattern parsing on every answer.
            String pct = Math.round(amountFactor * 100) + " %";
            reasons.add(new FitReason("little-evidence", en
                    ? "Only " + codes.size() + " coded findings: together the candidates get at most " + pct
                    : "Solo " + codes.size() + " hallazgos codificados: entre todos los candidatos, como mucho " + pct));
        }
        if (typicality < 0.8) {
            reasons.add(new FitReason("atypical-findings", en
                    ? "The findings are unusual for " + best.name().in(lang) + " as DDXPlus patients present it"
                    : "Los hallazgos son poco habituales en " + best.name().in(lang) + " tal como lo presentan los pacientes de DDXPlus"));
        }
        if (uncharacteristic) {
            List<String> names = new ArrayList<>();
            for (int i : characteristic[top]) {
                if (names.size() < 4 && p.present().stream().noneMatch(f -> space.indexOf(f.evidence().value()) == i)) {
                    knowledge.evidence(new EvidenceCode(space.names().get(i)))
                            .ifPresent(e -> names.add(label.apply(new Finding(e.code(), null))));
                }
            }
            reasons.add(new FitReason("uncharacteristic-findings", en
                    ? "The findings name few of the symptoms most patients with " + best.name().in(lang) + " have: "
                            + String.join("; ", names)
                    : "Los hallazgos apenas incluyen los síntomas que tienen la mayoría de pacientes con " + best.name().in(lang)
                            + ": " + String.join("; ", names)));
        }
        if (verdict != FitVerdict.IN_SCOPE && reasons.stream().allMatch(r -> r.code().equals("little-evidence"))) {
            String pct = String.format(Locale.ROOT, "%.0f %%", notExplained * 100);
            reasons.add(0, new FitReason("weak-fit", en
                    ? "Notes with findings like these are not about one of the conditions I know in " + pct + " of cases: "
                            + best.name().in(lang) + " explains them only partly"
                    : "En las notas con hallazgos así, la enfermedad no es una de las que conozco en el " + pct + " de los casos: "
                            + best.name().in(lang) + " solo los explica en parte"));
        }
        if (reasons.isEmpty() || verdict == FitVerdict.IN_SCOPE && reasons.stream().allMatch(r -> r.code().equals("little-evidence"))) {
            reasons.add(0, new FitReason("well-explained", en
                    ? best.name().in(lang) + " explains the " + codes.size() + " coded findings as DDXPlus patients present them"
                    : best.name().in(lang) + " explica los " + codes.size() + " hallazgos codificados como los presentan los pacientes de DDXPlus"));
        }

        List<List<Finding>> specific = new ArrayList<>();
        for (int k = 0; k < paths.size(); k++) {
            specific.add(paths.get(k).severity() <= 2 ? specificFindings(p, k) : List.of());
        }
        return new Assessment(new FitAssessment(verdict, reasons, given), score, 1 - score,
                mustNotMiss(p, posterior, score, specific, lang, label), specific,
                new Factors(amountFactor, unmappedFactor, explanationFactor, typicality, deficit, coverage, signals,
                        notExplained));
    }

    /**
     * The stated assessment without the concepts that are part of pathology k's picture (weigh less than free text
     * under k, {@link #weight}): "painless obstructive jaundice" names a sign of pancreatic cancer, not a condition
     * the model does not know.
     */
    StatedAssessment withoutPictureSigns(StatedAssessment stated, int k) {
        List<String> outside = stated.outside().stream().filter(u -> weight(u, k) >= UNKNOWN_WEIGHT).toList();
        return outside.size() == stated.outside().size() ? stated : new StatedAssessment(outside, stated.pathologies());
    }

    /** The verdict model's inputs for one answer ({@link VerdictModel.Signal}). */
    private Map<VerdictModel.Signal, Double> signals(PatientFindings p, double[] posterior, int top, double coverage,
                                                     double outsideLoad, StatedAssessment stated) {
        Integer[] order = new Integer[posterior.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer k) -> -posterior[k]));
        double best3 = coverage;
        for (int r = 0; r < Math.min(3, order.length); r++) {
            best3 = Math.max(best3, coverage(p, order[r]));
        }
        Set<EvidenceCode> symptoms = new java.util.HashSet<>();
        for (Finding f : p.present()) {
            if (!knowledge.evidence(f.evidence()).map(Evidence::antecedent).orElse(false)) {
                symptoms.add(f.evidence());
            }
        }
        Map<VerdictModel.Signal, Double> m = new EnumMap<>(VerdictModel.Signal.class);
        m.put(VerdictModel.Signal.OUTSIDE_LOAD, Math.min(2.0, outsideLoad));
        m.put(VerdictModel.Signal.COVERAGE, coverage);
        m.put(VerdictModel.Signal.COVERAGE_TOP3, best3);
        m.put(VerdictModel.Signal.LOG_SYMPTOMS, Math.log1p(symptoms.size()));
        m.put(VerdictModel.Signal.ASSESSED_OUTSIDE, stated.outsideSignal());
        m.put(VerdictModel.Signal.ASSESSED_IN_SCOPE, stated.inScopeSignal());
        return m;
    }

    /**
     * The hand-set rule of the earlier passes (used without a verdict model): out of scope needs evidence against
     * the model; little evidence alone only lowers the fit.
     */
    private FitVerdict ruleVerdict(double score, double load, double share, double typicality, boolean uncharacteristic,
                                   double outsideLoad) {
        boolean against = load > 0 || share >= 1.0 / 3 || typicality < 0.8 || uncharacteristic;
        if (against && score < options.noFitBelow() || outsideLoad >= 1 && score < options.outOfScopeBelow()) {
            return FitVerdict.OUT_OF_SCOPE;
        }
        if (score < options.lowFitBelow() || outsideLoad >= 1) {
            return FitVerdict.LOW_FIT;
        }
        return FitVerdict.IN_SCOPE;
    }

    /**
     * How much an uncoded finding counts against the fit: its concept's weight (free text outside the catalogue
     * {@value #UNKNOWN_WEIGHT}), or that of a related sign when pathology k's characteristic symptoms include one of
     * its nearest DDXPlus evidences (itching in anaphylaxis).
     */
    public double weight(String label, int k) {
        java.util.Optional<UnmappedConcept> c = concepts.byLabel(label);
        if (c.isEmpty()) {
            return UNKNOWN_WEIGHT;
        }
        for (EvidenceCode e : related.of(c.get().id())) {
            int i = space.indexOf(e.value());
            for (int j : characteristic[k]) {
                if (j == i) {
                    return Math.min(c.get().weight().value(), UnmappedConcept.Weight.RELATED.value());
                }
            }
        }
        return c.get().weight().value();
    }

    /** Present findings at least {@code redFlagLift} times more frequent in pathology k than in the others. */
    private List<Finding> specificFindings(PatientFindings p, int k) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : p.present()) {
            int i = space.indexOf(f);
            if (i < 0 || i >= space.evidenceFeatureCount()) {
                continue;
            }
            double pk = freq.present()[k][i];
            if (pk < options.redFlagFrequency()) {
                continue;
            }
            if (pk >= options.redFlagLift() * freq.othersFrequency(k, i)) {
                out.add(f);
            }
        }
        // A risk factor supports a severe condition but never raises it alone: at least one current symptom must.
        boolean anchored = out.stream().anyMatch(f -> !knowledge.evidence(f.evidence()).map(Evidence::antecedent).orElse(true));
        if (!anchored || out.size() == 1 && share(out.get(0), k) < options.singleFindingShare()) {
            // one finding that many severe conditions share (fatigue) raises none of them
            return List.of();
        }
        return out;
    }

    /** Among DDXPlus patients with finding f, the share that have pathology k. */
    private double share(Finding f, int k) {
        int i = space.indexOf(f);
        double[] prior = freq.prior();
        double all = 0;
        for (int j = 0; j < prior.length; j++) {
            all += prior[j] * freq.present()[j][i];
        }
        return all > 0 ? prior[k] * freq.present()[k][i] / all : 0;
    }

    private List<MustNotMiss> mustNotMiss(PatientFindings p, double[] posterior, double score,
                                          List<List<Finding>> specific, Language lang, Function<Finding, String> label) {
        record Ranked(int k, double shown, int support) {
        }
        List<Ranked> ranked = new ArrayList<>();
        List<Pathology> paths = knowledge.pathologies();
        for (int k = 0; k < paths.size(); k++) {
            List<Finding> s = specific.get(k);
            if (s.isEmpty() || excluded(p, k)) {
                continue;
            }
            if (s.size() >= 2 || posterior[k] >= options.mustNotMissFloor()) {
                ranked.add(new Ranked(k, posterior[k] * score, s.size()));
            }
        }
        ranked.sort(Comparator.comparingDouble(Ranked::shown).reversed().thenComparing(Comparator.comparingInt(Ranked::support).reversed()));
        List<MustNotMiss> out = new ArrayList<>();
        for (Ranked r : ranked.subList(0, Math.min(options.mustNotMissSize(), ranked.size()))) {
            List<String> flags = new ArrayList<>();
            for (Finding f : specific.get(r.k())) {
                String n = label.apply(f);
                if (!flags.contains(n)) {
                    flags.add(n);
                }
            }
            Pathology path = paths.get(r.k());
            out.add(new MustNotMiss(path.code().value(), path.name().in(lang), r.shown(), flags));
        }
        return out;
    }

    /** A yes/no finding that nine in ten DDXPlus patients of pathology k have was denied. */
    private boolean excluded(PatientFindings p, int k) {
        for (EvidenceCode denied : p.absent()) {
            int i = space.indexOf(denied.value());
            if (i >= 0 && i < space.evidenceFeatureCount() && freq.present()[k][i] >= 0.9) {
                return true;
            }
        }
        return false;
    }
}
