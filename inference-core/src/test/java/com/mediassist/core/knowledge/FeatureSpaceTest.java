package com.mediassist.core.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureSpaceTest {

    private final Knowledge k = TinyKnowledge.knowledge();
    private final FeatureSpace s = new FeatureSpace(k);

    @Test
    void namesEveryEvidenceValueAgeBucketAndSex() {
        assertThat(s.names()).startsWith("E_53", "E_55=V_123", "E_55=V_101", "E_55=V_148", "E_91", "E_201")
                .contains("age=30-44", "age=75+", "sex=M", "sex=F");
    }

    @Test
    void tellsDeniedFromNotAsked() {
        float[] denied = s.encode(k, k.findings(40, "F", List.of("E_53"), List.of("E_91")));
        float[] notAsked = s.encode(k, k.findings(40, "F", List.of("E_53"), List.of()));
        assertThat(denied[s.indexOf("E_91")]).isEqualTo(-1f);
        assertThat(notAsked[s.indexOf("E_91")]).isEqualTo(0f);
        assertThat(denied[s.indexOf("E_53")]).isEqualTo(1f);
    }

    @Test
    void aDeniedFollowUpOfAPresentParentIsAnsweredWithItsNoneValue() {
        float[] x = s.encode(k, k.findings(40, "F", List.of("E_53"), List.of("E_55")));
        assertThat(x[s.indexOf("E_55=V_123")]).isEqualTo(1f);
        assertThat(x[s.indexOf("E_55=V_101")]).isEqualTo(-1f);
        assertThat(x[s.indexOf("E_55=V_148")]).isEqualTo(-1f);
    }

    @Test
    void aDeniedFollowUpWithoutItsParentDoesNotApply() {
        float[] noPain = s.encode(k, k.findings(40, "F", List.of(), List.of("E_53", "E_55")));
        assertThat(noPain[s.indexOf("E_53")]).isEqualTo(-1f);
        assertThat(noPain[s.indexOf("E_55=V_123")]).isEqualTo(-1f);
        assertThat(noPain[s.indexOf("E_55=V_101")]).isEqualTo(-1f);
    }

    @Test
    void aMultiChoiceAnswerMarksTheValuesNotGivenAsDenied() {
        float[] x = s.encode(k, k.findings(40, "F", List.of("E_53", "E_55_@_V_101"), List.of()));
        assertThat(x[s.indexOf("E_55=V_101")]).isEqualTo(1f);
        assertThat(x[s.indexOf("E_55=V_123")]).isEqualTo(-1f);
        assertThat(x[s.indexOf("E_55=V_148")]).isEqualTo(-1f);
        float[] notAsked = s.encode(k, k.findings(40, "F", List.of("E_53"), List.of()));
        assertThat(notAsked[s.indexOf("E_55=V_101")]).isEqualTo(0f);
    }

    @Test
    void encodesAgeBucketAndSex() {
        float[] x = s.encode(k, k.findings(54, "M", List.of(), List.of()));
        assertThat(x[s.indexOf("age=45-59")]).isEqualTo(1f);
        assertThat(x[s.indexOf("sex=M")]).isEqualTo(1f);
        assertThat(x[s.indexOf("sex=F")]).isEqualTo(0f);
    }
}
