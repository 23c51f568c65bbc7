package com.mediassist.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.mediassist.core.knowledge.Evidence;
import com.mediassist.core.knowledge.EvidenceCode;
import com.mediassist.core.knowledge.FeatureSpace;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.Pathology;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped estimator P(f | k): hard zero outside the knowledge's lists, shrinkage towards relatives inside. */
class EvidenceStatsTest {

    static Knowledge knowledge;
    static FeatureSpace space;
    static List<TrainingCase> all;

    @BeforeAll
    static void load() {
        Path data = Path.of("src/main/data/ddxplus");
        knowledge = DdxplusData.buildKnowledge(data);
        space = new FeatureSpace(knowledge);
        all = new TrainingPipeline(knowledge, TrainerSettings.defaults())
                .cases(DdxplusData.readPatients(data.resolve("patients-dev.csv")));
    }

    private static int label(String code) {
        List<Pathology> ps = knowledge.pathologies();
        for (int k = 0; k < ps.size(); k++) {
            if (ps.get(k).code().value().equals(code)) {
                return k;
            }
        }
        throw new AssertionError(code);
    }

    private static int evidence(String code) {
        return knowledge.evidences().indexOf(knowledge.evidence(new EvidenceCode(code)).orElseThrow());
    }

    @Test
    void anEvidenceThePathologyDoesNotListIsAlmostImpossible() {
        EvidenceStats stats = new EvidenceStats(knowledge, space, all);
        int stable = label("stable-angina");
        int e = evidence("E_14"); // rest pain: listed for unstable angina only
        assertThat(stats.possible(stable, e)).isFalse();
        assertThat(stats.feature(stable, e, space.indexOf("E_14"))).isEqualTo(EvidenceStats.UNLISTED);
        assertThat(stats.feature(label("unstable-angina"), e, space.indexOf("E_14"))).isGreaterThan(0.3);
    }

    @Test
    void withoutPatientsAPathologyTakesItsRelativesShare() {
        int stable = label("stable-angina");
        int unstable = label("unstable-angina");
        List<TrainingCase> withoutStable = all.stream().filter(c -> c.label() != stable).toList();
        EvidenceStats stats = new EvidenceStats(knowledge, space, withoutStable);
        int e = evidence("E_66"); // shortness of breath: listed for both anginas
        int f = space.indexOf("E_66");
        double relative = stats.feature(unstable, e, f);
        double own = stats.feature(stable, e, f);
        // No stable-angina patient: the estimate is the weighted share of its relatives, dominated
        // by unstable angina (same list but four evidences), so close to that pathology's own share.
        assertThat(own).isCloseTo(relative, within(0.15));
        assertThat(own).isBetween(0.01, 0.99);
    }

    @Test
    void aValueNeverSeenInAPathologysPatientsKeepsAPlausibleProbability() {
        int stable = label("stable-angina");
        int e = evidence("E_56");
        int nine = space.indexOf("E_56=9");
        // Leave out the stable-angina patients with pain intensity 9: none of the rest has it, while
        // unstable angina (its closest relative) often does.
        List<TrainingCase> cases = all.stream().filter(c -> c.label() != stable
                || c.findings().stream().noneMatch(x -> space.indexOf(x) == nine)).toList();
        long n = cases.stream().filter(c -> c.label() == stable).count();
        assertThat(n).isGreaterThan(10);
        EvidenceStats stats = new EvidenceStats(knowledge, space, cases);
        double p = stats.feature(stable, e, nine);
        // A plain (0 + 0.05) / (n + 0.1) would be ~0.003: one unseen intensity would outweigh most
        // real findings. Shrinkage towards the relatives keeps it plausible, below the relative's own.
        assertThat(p).isGreaterThan(0.01).isLessThan(stats.feature(label("unstable-angina"), e, nine));
        // An intensity neither angina shows stays rare, not impossible.
        double zero = stats.feature(stable, e, space.indexOf("E_56=0"));
        assertThat(zero).isLessThan(0.01).isGreaterThan(EvidenceStats.UNLISTED);
    }

    @Test
    void aCaseWithUnknownAgeOrSexCountsInTheEvidencesButNotInThatDistribution() {
        int k = label("pneumonia");
        List<TrainingCase> extra = all.stream().filter(c -> c.label() == k).limit(6)
                .flatMap(c -> java.util.stream.Stream.of(
                        new TrainingCase(k, -1, null, c.findings(), c.initial(), false, false, false),
                        new TrainingCase(k, -1, c.sex(), c.findings(), c.initial(), false, false, true),
                        new TrainingCase(k, c.age(), null, c.findings(), c.initial(), false, true, false)))
                .toList();
        List<TrainingCase> more = new java.util.ArrayList<>(all);
        more.addAll(extra);
        var before = new EvidenceStats(knowledge, space, all);
        var after = new EvidenceStats(knowledge, space, more);
        assertThat(after.patients(k)).isEqualTo(before.patients(k) + 18);
        var fb = before.frequencies();
        var fa = after.frequencies();
        int f = space.indexOf(extra.get(0).findings().get(0).evidence().value());
        assertThat(fa.present()[k][f]).as("the evidences are learnt").isNotEqualTo(fb.present()[k][f]);
        // six cases add their sex (unknown age), six their age (unknown sex): the distributions move by those only
        List<TrainingCase> known = all.stream().filter(c -> c.label() == k).limit(6).toList();
        List<TrainingCase> ageOnly = new java.util.ArrayList<>(all);
        ageOnly.addAll(known);
        var expected = new EvidenceStats(knowledge, space, ageOnly).frequencies();
        assertThat(fa.ageBuckets()[k]).containsExactly(expected.ageBuckets()[k]);
        assertThat(fa.male()[k]).isEqualTo(expected.male()[k]);
    }

    @Test
    void fleetCasesTeachTheEvidencesButLeaveThePathologyPriorToTheBasePatients() {
        int k = label("pneumonia");
        // what leaves the clinics is a selection (k-anonymity releases common diagnoses), not a sample
        List<TrainingCase> fleet = all.stream().filter(c -> c.label() == k).limit(10)
                .map(c -> new TrainingCase(k, -1, null, c.findings(), c.initial(), false, false, false, false)).toList();
        List<TrainingCase> more = new java.util.ArrayList<>(all);
        more.addAll(fleet);
        var before = new EvidenceStats(knowledge, space, all);
        var after = new EvidenceStats(knowledge, space, more);
        assertThat(after.frequencies().prior()).containsExactly(before.frequencies().prior());
        assertThat(after.patients(k)).isEqualTo(before.patients(k) + 10);
        // an evidence the fleet's ten show more often than the base patients: its estimate moves towards them
        int e = knowledge.evidences().indexOf(knowledge.evidences().stream().filter(ev -> ev.isBinary() && share(fleet, ev.code().value())
                > share(all.stream().filter(c -> c.label() == k).toList(), ev.code().value())).findFirst().orElseThrow());
        int f = space.indexOf(knowledge.evidences().get(e).code().value());
        assertThat(after.frequencies().present()[k][f]).isGreaterThan(before.frequencies().present()[k][f]);
    }

    @Test
    void fleetCasesOfCommonRelativesDoNotRaiseTheWeightARarePathologyGivesThem() {
        int stable = label("stable-angina");
        int unstable = label("unstable-angina");
        // k-anonymity lets the common relative's cases leave, not the rare one's
        List<TrainingCase> fleet = all.stream().filter(c -> c.label() == unstable)
                .map(c -> new TrainingCase(unstable, -1, null, c.findings(), c.initial(), false, false, false, false)).toList();
        List<TrainingCase> more = new java.util.ArrayList<>(all);
        more.addAll(fleet);
        more.addAll(fleet);
        var before = new EvidenceStats(knowledge, space, all);
        var after = new EvidenceStats(knowledge, space, more);
        int shared = java.util.stream.IntStream.range(0, knowledge.evidences().size())
                .filter(e -> before.possible(stable, e) && before.possible(unstable, e)).findFirst().orElseThrow();
        assertThat(after.relativesWeight(stable, shared)).isEqualTo(before.relativesWeight(stable, shared));
        // the pathology that gained data keeps its balance between its own patients and its relatives
        assertThat(after.relativesWeight(unstable, shared) / after.patients(unstable))
                .isCloseTo(before.relativesWeight(unstable, shared) / before.patients(unstable), within(1e-12));
    }

    private static double share(List<TrainingCase> cases, String evidence) {
        return (double) cases.stream().filter(c -> c.findings().stream().anyMatch(x -> x.evidence().value().equals(evidence))).count()
                / cases.size();
    }

    @Test
    void onANumericScaleEachPatientsValueIsSpreadOverItsNeighbours() {
        int stable = label("stable-angina");
        List<TrainingCase> patients = all.stream().filter(c -> c.label() == stable).toList();
        EvidenceStats stats = new EvidenceStats(knowledge, space, all);
        double spread = 0;
        int answered = 0;
        double[] raw = new double[11];
        for (int v = 0; v <= 10; v++) {
            int f = space.indexOf("E_56=" + v);
            spread += stats.count(stable, f);
            final int fv = f;
            raw[v] = patients.stream().filter(c -> c.findings().stream().anyMatch(x -> space.indexOf(x) == fv)).count();
            answered += (int) raw[v];
        }
        assertThat(spread).as("no patient is added or lost").isCloseTo(answered, within(1e-9));
        for (int v = 1; v < 10; v++) {
            if (raw[v] == 0 && (raw[v - 1] > 0 || raw[v + 1] > 0)) {
                assertThat(stats.count(stable, space.indexOf("E_56=" + v))).as("intensity " + v).isGreaterThan(0);
            }
        }
        // a categorical evidence (pain location) is not a scale: its counts stay as they are
        int f = space.indexOf("E_55=V_29");
        assertThat(stats.count(stable, f)).isEqualTo((double) patients.stream()
                .filter(c -> c.findings().stream().anyMatch(x -> space.indexOf(x) == f)).count());
    }

    @Test
    void aCaseWithUnknownAgeRefusesToGiveOne() {
        TrainingCase c = all.get(0);
        TrainingCase unknown = new TrainingCase(c.label(), -1, null, c.findings(), c.initial(), false, false, false);
        org.assertj.core.api.Assertions.assertThatThrownBy(unknown::age).isInstanceOf(ModelsException.BadInputException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(unknown::sex).isInstanceOf(ModelsException.BadInputException.class);
    }
}
