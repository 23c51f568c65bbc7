package com.mediassist.sync.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediassist.sync.upload.json.CanonicalJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void sortsKeysByUtf16CodeUnitsWithoutWhitespace() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", 1);
        m.put("a", List.of(true, false, "x"));
        m.put("\u20ac", 2);
        m.put("\uD83D\uDE00", 3);
        m.put("A", -7L);
        // "A" (0x41) < "a" < "b" < U+20AC < the surrogate pair (0xD83D): UTF-16 order, as RFC 8785 says.
        assertThat(CanonicalJson.text(m)).isEqualTo("{\"A\":-7,\"a\":[true,false,\"x\"],\"b\":1,\"\u20ac\":2,\"\uD83D\uDE00\":3}");
    }

    @Test
    void escapesOnlyWhatJsonRequires() {
        assertThat(CanonicalJson.text("q\"b\\\n\t\u0001é/")).isEqualTo("\"q\\\"b\\\\\\n\\t\\u0001é/\"");
    }

    @Test
    void refusesValuesTheProtocolDoesNotHave() {
        assertThatThrownBy(() -> CanonicalJson.text(Map.of("x", 1.5))).hasMessageContaining("Double");
        assertThatThrownBy(() -> CanonicalJson.text(java.util.Collections.singletonMap("x", null))).hasMessageContaining("null");
    }

    @Test
    void addressesContentBySha256OfTheCanonicalBytes() {
        assertThat(CanonicalJson.contentAddress(CanonicalJson.bytes(Map.of())))
                .isEqualTo("sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    }

    @Test
    void readsBackWhatItWrites() {
        String text = "{\"a\":[1,\"b\",{\"c\":false}],\"n\":9007199254740993}";
        assertThat(CanonicalJson.text(CanonicalJson.readObject(text))).isEqualTo(text);
    }
}
