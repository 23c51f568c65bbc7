package com.mediassist.core.summary;

import com.mediassist.core.knowledge.Language;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Examination signs as findings (issue 16, branch {@code exam}): a battery of note fragments written for this test
 * ({@code summary/exam-sign-battery.txt}, both languages) with the examination sections doctors write (EF, AR/AC,
 * O/E, Obs:, Exam:, PE:) naming signs by system — chest, heart, ENT, skin, abdomen, limbs, neurology — present,
 * absent and in negated lists, and the examination lines that are no finding (normal-examination boilerplate,
 * measurements, scores). An expectation is right when the reader's finding paired with it (by largest overlap, as
 * the gold evaluation pairs them) has its status and its DDXPlus evidence ({@code -}: none); words marked {@code ~}
 * must yield no finding. The share right has a floor; clear-cut expectations ({@code !}) must hold exactly.
 */
class ExamSignBatteryTest {

    /** Measured share read right after the exam pass (see the battery's header), less a small margin. */
    private static final double FLOOR = 0.98;

    private static List<CodedBattery.Result> results;

    @BeforeAll
    static void readBattery() throws IOException {
        results = CodedBattery.run("/summary/exam-sign-battery.txt");
    }

    @Test
    void theBatteryHoldsEightyLinesOfExaminationsInBothLanguagesWithWordsThatAreNoFinding() {
        assertThat(results.stream().map(r -> r.expected().note()).distinct().count()).isGreaterThanOrEqualTo(80);
        assertThat(results).filteredOn(r -> r.expected().language() == Language.ES).hasSizeGreaterThan(80);
        assertThat(results).filteredOn(r -> r.expected().language() == Language.EN).hasSizeGreaterThan(80);
        assertThat(results).filteredOn(r -> r.expected().status().isEmpty()).hasSizeGreaterThan(40);
    }

    @Test
    void theShareOfExaminationSignsReadWithTheirStatusAndCodeStaysAboveTheMeasuredFloor() {
        System.out.println(CodedBattery.counts("exam-sign battery", results));
        results.stream().filter(r -> !r.right()).forEach(System.out::println);
        assertThat(CodedBattery.share(results)).isGreaterThanOrEqualTo(FLOOR);
    }

    @Test
    void everyClearCutExpectationIsReadExactly() {
        assertThat(results).filteredOn(r -> r.expected().clearCut()).filteredOn(r -> !r.right())
                .extracting(CodedBattery.Result::toString).isEmpty();
    }

    @Test
    void aMurmurHeardInTheExaminationIsASignWithoutEvidenceWhileAKnownMurmurInThePastHistoryKeepsItsAntecedent() {
        SummaryExtractor extractor = SummaryExtractor.loadDefault();
        StructuredNote exam = extractor.extract("Exam: loud murmur at the apex. Chest clear.", Language.EN);
        assertThat(exam.findings()).filteredOn(f -> f.text().equals("murmur"))
                .singleElement().satisfies(f -> {
                    assertThat(f.status()).isEqualTo(FindingStatus.PRESENT);
                    assertThat(f.evidence()).isNull();
                });
        StructuredNote history = extractor.extract("PMH: heart murmur, asthma.\nExam: chest clear.", Language.EN);
        assertThat(history.findings()).filteredOn(f -> f.text().equals("heart murmur"))
                .singleElement().satisfies(f -> {
                    assertThat(f.status()).isEqualTo(FindingStatus.HISTORICAL);
                    assertThat(f.evidence().evidence().value()).isEqualTo("E_139");
                });
    }
}
