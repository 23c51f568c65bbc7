package com.mediassist.core.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.core.knowledge.FeatureSpace;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.PatientFindings;
import com.mediassist.core.knowledge.TinyKnowledge;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model input of an alternative encoding ({@link NoteEncodings#encode}). */
class NoteEncodingsInputTest {

    private final Knowledge k = TinyKnowledge.knowledge();
    private final FeatureSpace space = new FeatureSpace(k);

    private float at(float[] x, String feature) {
        return x[space.indexOf(feature)];
    }

    @Test
    void aPlaceTheAlternativeEncodingBringsInLeavesTheOtherPlacesUnknownNotDenied() {
        PatientFindings note = k.findings(30, "F", List.of("E_91"), List.of());
        PatientFindings variant = k.findings(30, "F", List.of("E_91", "E_53", "E_55_@_V_148"), List.of());
        float[] x = NoteEncodings.encode(k, space, note, variant);
        assertThat(at(x, "E_55=V_148")).isEqualTo(1f);
        assertThat(at(x, "E_55=V_101")).isEqualTo(0f);
        assertThat(at(x, "E_55=V_123")).isEqualTo(-1f);
        assertThat(at(space.encode(k, variant), "E_55=V_101")).isEqualTo(-1f);
    }

    @Test
    void aPlaceTheNoteItselfStatesKeepsTheAnswerSheetsEncoding() {
        PatientFindings note = k.findings(30, "F", List.of("E_53", "E_55_@_V_101"), List.of());
        PatientFindings variant = k.findings(30, "F", List.of("E_53", "E_55_@_V_101", "E_91"), List.of());
        float[] x = NoteEncodings.encode(k, space, note, variant);
        assertThat(x).containsExactly(space.encode(k, variant));
    }
}
