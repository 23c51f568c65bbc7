package com.mediassist.models.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static String canonical(String json) throws Exception {
        return new String(CanonicalJson.bytes(JSON.readTree(json), "x"), StandardCharsets.UTF_8);
    }

    @Test
    void sortsKeysByUtf16CodeUnitsAndDropsWhitespace() throws Exception {
        // RFC 8785 §3.2.3: "\r" < "1" < "\u0080" < "\u00f6" < "\u20ac" < "\ud83d\ude00" < "\ufb33"
        String in = "{ \"\\u20ac\": 1, \"\\r\": 2, \"\\ufb33\": 3, \"1\": 4, \"\\ud83d\\ude00\": 5, \"\\u0080\": 6, \"\\u00f6\": 7 }";
        assertThat(canonical(in)).isEqualTo("{\"\\r\":2,\"1\":4,\"\u0080\":6,\"\u00f6\":7,\"\u20ac\":1,\"\ud83d\ude00\":5,\"\ufb33\":3}");
    }

    @Test
    void escapesOnlyWhatJsonRequires() throws Exception {
        assertThat(canonical("[\"a\\/b\", \"\\u0001\\t\\\"\\\\\", \"é\"]")).isEqualTo("[\"a/b\",\"\\u0001\\t\\\"\\\\\",\"é\"]");
    }

    @Test
    void writesIntegersInPlainDecimalAndNestedObjectsSorted() throws Exception {
        assertThat(canonical("{\"b\":[{\"z\":1,\"a\":-20}],\"a\":true,\"c\":12345678901234567890}"))
                .isEqualTo("{\"a\":true,\"b\":[{\"a\":-20,\"z\":1}],\"c\":12345678901234567890}");
    }

    @Test
    void refusesFractionsAndNullsNamingThePath() {
        assertThatThrownBy(() -> canonical("{\"a\":[1,2.5]}")).isInstanceOf(CanonicalJson.UnsupportedValueException.class)
                .hasMessageContaining("x.a[1]");
        assertThatThrownBy(() -> canonical("{\"n\":null}")).hasMessageContaining("x.n");
    }
}
