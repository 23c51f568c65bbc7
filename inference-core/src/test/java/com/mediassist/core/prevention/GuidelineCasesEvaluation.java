package com.mediassist.core.prevention;

import com.mediassist.core.knowledge.Sex;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mediassist.core.knowledge.Language;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scores the engine against {@code prevention/guideline-cases.json}: patients whose expected items were
 * written from the guideline texts, under both programmes. Run with
 * {@code mvn -B -o -q -pl inference-core test -Dtest=GuidelineCasesTest}; the score is printed.
 */
final class GuidelineCasesEvaluation {

    static final String RESOURCE = "/prevention/guideline-cases.json";

    /** One expectation that the engine did not meet. */
    record Miss(String caseId, Programme programme, String item, Set<String> expected, String found) {
    }

    /** @param expectations how many item expectations; @param misses those not met */
    record Score(int patients, int expectations, List<Miss> misses) {
        int met() {
            return expectations - misses.size();
        }
    }

    private GuidelineCasesEvaluation() {
    }

    static Score run() throws IOException {
        JsonNode root;
        try (InputStream in = GuidelineCasesEvaluation.class.getResourceAsStream(RESOURCE)) {
            root = new ObjectMapper().readTree(in);
        }
        LocalDate asOf = LocalDate.parse(root.get("asOf").asText());
        PreventiveCareEngine engine = PreventiveCareEngine.loadDefault(
                Clock.fixed(asOf.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        int expectations = 0;
        List<Miss> misses = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            PreventionProfile profile = profile(c);
            for (Map.Entry<String, JsonNode> prog : iterable(c.get("expect"))) {
                Programme programme = Programme.parse(prog.getKey());
                PreventiveCareReport report = engine.evaluate(profile, programme, Language.EN);
                if (c.path("deceased").asBoolean()) {
                    expectations++;
                    if (!report.items().isEmpty()) {
                        misses.add(new Miss(c.get("id").asText(), programme, "(any)", Set.of("none"),
                                report.items().size() + " items"));
                    }
                }
                for (Map.Entry<String, JsonNode> e : iterable(prog.getValue())) {
                    expectations++;
                    Set<String> expected = new TreeSet<>();
                    if (e.getValue().isArray()) {
                        e.getValue().forEach(v -> expected.add(v.asText()));
                    } else {
                        expected.add(e.getValue().asText());
                    }
                    String found = report.items().stream().filter(i -> i.id().equals(e.getKey())).findFirst()
                            .map(i -> i.status().code()).orElse("(absent)");
                    if (!expected.contains(found)) {
                        misses.add(new Miss(c.get("id").asText(), programme, e.getKey(), expected, found));
                    }
                }
            }
        }
        return new Score(root.get("cases").size(), expectations, misses);
    }

    private static PreventionProfile profile(JsonNode c) {
        PreventionProfile.Builder b = PreventionProfile.builder(LocalDate.parse(c.get("birthDate").asText()),
                Sex.parse(c.get("sex").asText())).deceased(c.path("deceased").asBoolean());
        for (JsonNode k : c.get("conditions")) {
            b.condition(new ConditionFact(k.get("text").asText(),
                    ConditionFact.State.valueOf(k.get("state").asText().toUpperCase(java.util.Locale.ROOT)),
                    date(k.get("onset")), date(k.get("abatement"))));
        }
        for (JsonNode h : c.get("history")) {
            b.history(new HistoryItem(h.path("code").isNull() ? "" : h.path("code").asText(""), "",
                    h.get("text").asText(), LocalDate.parse(h.get("date").asText()),
                    h.path("value").isNumber() ? h.get("value").asDouble() : null));
        }
        JsonNode s = c.get("smoking");
        if (s != null && !s.isNull()) {
            b.smoking(SmokingStatus.parse(s.get("status").asText()),
                    s.path("packYears").isNumber() ? s.get("packYears").asDouble() : null, date(s.get("quitDate")));
        }
        return b.build();
    }

    private static LocalDate date(JsonNode n) {
        return n == null || n.isNull() ? null : LocalDate.parse(n.asText());
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode n) {
        return n::fields;
    }
}
