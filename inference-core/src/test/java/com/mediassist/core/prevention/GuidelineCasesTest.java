package com.mediassist.core.prevention;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 19: the engine against patients whose expectations were written from the guideline texts. */
class GuidelineCasesTest {

    @Test
    void meetsTheExpectationsWrittenFromTheGuidelines() throws Exception {
        GuidelineCasesEvaluation.Score score = GuidelineCasesEvaluation.run();
        System.out.printf("guideline cases: %d patients, %d of %d expectations met (%.1f %%)%n", score.patients(),
                score.met(), score.expectations(), 100.0 * score.met() / score.expectations());
        score.misses().forEach(m -> System.out.println("  miss " + m));
        assertThat(score.patients()).isGreaterThanOrEqualTo(30);
        assertThat(score.misses()).isEmpty();
    }
}
