package com.mediassist.models.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The weekly report's demotion rule and its page. */
class FleetReportTest {

    static int ids;

    static Batch batch(String clinic, List<FleetEvent> events) {
        return new Batch(clinic, "sha256:" + "0".repeat(63) + (ids++ % 10), "b", "2026-W48", "ab".repeat(32), events);
    }

    /** {@code shown} outcomes of a rule, {@code overridden} of them overridden, spread over {@code clinics} clinics. */
    static List<Batch> showings(String rule, String severity, int shown, int overridden, int clinics) {
        List<Batch> out = new ArrayList<>();
        for (int i = 0; i < shown; i++) {
            out.add(batch("clinic-" + (i % clinics), List.of(new FleetEvent.MedicationAlertOutcome("e" + i, "2026-W47", rule, severity,
                    i < overridden ? "overridden" : "accepted", Optional.empty()))));
        }
        return out;
    }

    static boolean candidate(List<Batch> batches, String rule) {
        return FleetReport.ruleStats(batches).get(rule).demotionCandidate(rule);
    }

    @Test
    void proposesARuleOverriddenInMoreThanNinetyPercentOfFiftyShowingsAcrossThreeClinics() {
        assertThat(candidate(showings("ddi-a", "major", 60, 57, 3), "ddi-a")).isTrue();
        assertThat(candidate(showings("ddi-a", "major", 60, 54, 3), "ddi-a")).as("exactly 90 %").isFalse();
        assertThat(candidate(showings("ddi-a", "major", 49, 49, 3), "ddi-a")).as("49 showings").isFalse();
        assertThat(candidate(showings("ddi-a", "major", 60, 60, 2), "ddi-a")).as("two clinics").isFalse();
    }

    @Test
    void neverProposesAContraindicationOrAnOncHighPriorityPair() {
        assertThat(candidate(showings("ddi-b", "contraindicated", 100, 100, 5), "ddi-b")).isFalse();
        assertThat(candidate(showings("onc-high-priority", "major", 100, 100, 5), "onc-high-priority")).isFalse();
    }

    @Test
    void pageIsSelfContainedAndShowsAgreementAndLatency() {
        List<Batch> bs = new ArrayList<>(showings("ddi-a", "major", 60, 57, 3));
        bs.add(batch("clinic-0", List.of(
                new FleetEvent.ConsultationSignedOff("c1", "2026-W47", Optional.of("40-44"), Optional.of("F"), List.of("E_91"), List.of(),
                        Optional.of("2.0.0"), List.of(new FleetEvent.Suggestion(1, "pneumonia", "80-100", "2.0.0"),
                        new FleetEvent.Suggestion(2, "bronchitis", "0-20", "2.0.0")), Optional.of("bronchitis"), List.of()),
                new FleetEvent.ConsultationSignedOff("c2", "2026-W47", Optional.empty(), Optional.empty(), List.of(), List.of(),
                        Optional.empty(), List.of(), Optional.of("cat:respiratory"), List.of()),
                new FleetEvent.SuggestionFeedback("f1", "2026-W47", "diagnosis", "bronchitis", Optional.of(2), "accepted", "2.0.0"),
                new FleetEvent.Latency("l1", "2026-W47", "diagnosis", 12, 40, 310))));
        String html = FleetReport.render(bs, Map.of("clinic-0", "Centro <Norte>"));
        assertThat(html).as("a sign-off generalised to a category is no disagreement: it says nothing of the diagnosis")
                .contains("<td>2.0.0</td><td>1</td><td>0.0 %</td><td>100.0 %</td>").doesNotContain("<td>none</td>")
                .contains("<td>2026-W47</td><td>1</td>")
                .contains("Centro &lt;Norte&gt; · diagnosis").contains("class=\"demote\"").contains("<svg")
                .doesNotContain("<script").doesNotContain("src=").doesNotContain("href=");
    }
}
