package com.mediassist.core.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void parsesBinaryCategoricalAndScaleFindingsInDdxplusNotation() {
        assertThat(Finding.parse("E_53")).isEqualTo(Finding.of(new EvidenceCode("E_53")));
        assertThat(Finding.parse("E_54_@_V_161")).isEqualTo(new Finding(new EvidenceCode("E_54"), "V_161"));
        assertThat(Finding.parse("E_56_@_7")).isEqualTo(Finding.of("E_56", "7"));
        assertThat(Finding.parse("E_54_@_V_161")).hasToString("E_54_@_V_161");
    }

    @Test
    void refusesMalformedCodesAndValuesNamingTheText() {
        assertThatThrownBy(() -> Finding.parse("fever")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fever");
        assertThatThrownBy(() -> Finding.parse("E_54_@_red")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("red");
        assertThatThrownBy(() -> Finding.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Finding(null, "V_1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isWrittenAndReadAsTheDdxplusStringInJson() throws Exception {
        List<Finding> findings = List.of(Finding.parse("E_53"), Finding.parse("E_55_@_V_89"));
        String text = json.writeValueAsString(findings);
        assertThat(text).isEqualTo("[\"E_53\",\"E_55_@_V_89\"]");
        assertThat(json.readValue(text, new TypeReference<List<Finding>>() { })).isEqualTo(findings);
    }

    @Test
    void movesItsValueToAnotherEvidence() {
        assertThat(Finding.parse("E_54_@_V_161").withEvidence(new EvidenceCode("E_55"))).hasToString("E_55_@_V_161");
    }
}
