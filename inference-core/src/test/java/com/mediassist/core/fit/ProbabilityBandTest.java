package com.mediassist.core.fit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProbabilityBandTest {

    @Test
    void putsEachProbabilityInItsBandWithInclusiveLowerBounds() {
        assertThat(ProbabilityBand.of(0.0)).isEqualTo("<5 %");
        assertThat(ProbabilityBand.of(0.0499)).isEqualTo("<5 %");
        assertThat(ProbabilityBand.of(0.05)).isEqualTo("5-20 %");
        assertThat(ProbabilityBand.of(0.2)).isEqualTo("20-50 %");
        assertThat(ProbabilityBand.of(0.5)).isEqualTo("50-80 %");
        assertThat(ProbabilityBand.of(0.8)).isEqualTo(">80 %");
        assertThat(ProbabilityBand.of(1.0)).isEqualTo(">80 %");
    }
}
