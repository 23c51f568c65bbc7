package com.mediassist.appliance.consult.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mediassist.appliance.problem.Problem;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SectionJsonTest {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    record Answer(String code, double probability, LocalDate asOf, List<String> notes, String missing) {
    }

    record Holder(String before, WorkspaceView.Section<Answer> section, String after) {
    }

    @Test
    void aSectionWrittenOnceIsCopiedAsExactlyTheJsonItWouldBeWrittenAs() throws Exception {
        WorkspaceView.Section<Answer> section = WorkspaceView.Section.ok(new Answer("urti", 0.42,
                LocalDate.of(2026, 11, 28), List.of("Fiebre", "Tos \"seca\""), null));
        String fieldByField = json.writeValueAsString(new Holder("a", section, "b"));

        WorkspaceView.Section<Answer> written = SectionJson.rendered(section, json);

        assertThat(written.json()).isNotNull();
        assertThat(json.writeValueAsString(new Holder("a", written, "b"))).isEqualTo(fieldByField);
        assertThat(fieldByField).startsWith("{\"before\":\"a\",\"section\":{\"status\":\"ok\",\"answer\":{\"code\":\"urti\"")
                .contains("\"problem\":null}").doesNotContain("\"json\"");
    }

    @Test
    void aSectionWithAProblemIsWrittenWithItAndWithoutAnAnswer() throws Exception {
        WorkspaceView.Section<Answer> section = WorkspaceView.Section.without(WorkspaceView.Status.UNAVAILABLE,
                new Problem("urn:mediassist:problem:module-unavailable", "Module unavailable", 503, "switched off", null, List.of()));
        String text = json.writeValueAsString(section);
        assertThat(json.readTree(text).path("status").asText()).isEqualTo("unavailable");
        assertThat(json.readTree(text).path("answer").isNull()).isTrue();
        assertThat(json.readTree(text).path("problem").path("status").asInt()).isEqualTo(503);
        assertThat(json.writeValueAsString(SectionJson.rendered(section, json))).isEqualTo(text);
    }
}
