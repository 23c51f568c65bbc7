package com.mediassist.sync.upload;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.core.knowledge.Sex;
import com.mediassist.sync.upload.batch.Candidate;
import com.mediassist.sync.upload.batch.Plan;
import com.mediassist.sync.upload.batch.Planner;
import com.mediassist.sync.upload.event.ConsultationSignedOff;
import com.mediassist.sync.upload.event.EventFactory;
import com.mediassist.sync.upload.event.QueuedEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlannerTest {

    /** Monday of ISO week 2026-W48, the last week of release period 2026-W45/2026-W48. */
    private static final Instant SIGNED = Instant.parse("2026-11-23T10:00:00Z");
    /** The period of SIGNED has ended (Monday 2026-11-30 00:00 UTC) and the delay (72 h) has passed for all its sign-offs. */
    private static final Instant PERIOD_COMPLETE = Instant.parse("2026-12-03T00:00:00Z");
    private static final String PERIOD = "2026-W45/2026-W48";
    private final EventFactory factory = new EventFactory(Optional.of(TestKnowledge.knowledge()), ZoneOffset.UTC);
    private final List<Candidate> candidates = new ArrayList<>();

    private void add(int n, String dx) {
        add(n, dx, LocalDate.of(1980, 3, 1), Sex.MALE);
    }

    private void add(int n, String dx, LocalDate birth, Sex sex) {
        add(n, dx, birth, sex, SIGNED);
    }

    private void add(int n, String dx, LocalDate birth, Sex sex, Instant signed) {
        for (int i = 0; i < n; i++) {
            QueuedEvent q = factory.signedOff(new EventFactory.SignOffFacts(Optional.of(birth),
                    Optional.of(sex), signed, List.of("E_201"), List.of(), Optional.ofNullable(dx), Optional.empty(), List.of()));
            candidates.add(new Candidate(candidates.size() + 1, q, signed));
        }
    }

    private Plan plan(Instant now) {
        return new Planner(SyncOptions.defaults()).plan(candidates, now);
    }

    private static Optional<String> dx(Plan.Release r) {
        return ((ConsultationSignedOff) r.event()).finalDiagnosis();
    }

    @Test
    void waitsForTheDelay() {
        add(5, "pneumonia");
        Plan p = plan(SIGNED.plus(Duration.ofHours(71)));
        assertThat(p.waiting()).hasSize(5);
        assertThat(p.releases()).isEmpty();
        assertThat(plan(SIGNED.plus(Duration.ofHours(72))).releases()).hasSize(5);
    }

    @Test
    void releasesGroupsOfKAsTheyAre() {
        add(5, "pneumonia");
        Plan p = plan(SIGNED.plus(Duration.ofDays(4)));
        assertThat(p.releases()).hasSize(5).allSatisfy(r -> assertThat(dx(r)).contains("pneumonia"));
    }

    @Test
    void generalisesRareDiagnosesToTheirCategoryWhenThatMakesAGroupOfKOnceThePeriodIsComplete() {
        add(3, "pneumonia");
        add(2, "bronchitis");
        add(2, "urti");
        Plan waiting = plan(SIGNED.plus(Duration.ofDays(4)));
        assertThat(waiting.releases()).as("nothing reaches k in its week: all wait for the period").isEmpty();
        assertThat(waiting.held()).hasSize(7);
        Plan p = plan(PERIOD_COMPLETE);
        assertThat(p.releases()).hasSize(5).allSatisfy(r -> {
            assertThat(dx(r)).contains("cat:respiratory");
            assertThat(r.generalised()).isTrue();
            assertThat(((ConsultationSignedOff) r.event()).ageBand()).isEmpty();
            assertThat(((ConsultationSignedOff) r.event()).sex()).isEmpty();
            assertThat(((ConsultationSignedOff) r.event()).period()).contains(PERIOD);
        });
        assertThat(p.expired()).as("two ENT consultations cannot hide among five, and no one can join them now").hasSize(2);
    }

    @Test
    void releasesACategoryWithoutAgeAndSexWhenOnlyTheCategoryAndPeriodMakeAGroupOfK() {
        add(3, "pneumonia", LocalDate.of(1980, 3, 1), Sex.MALE);
        add(1, "bronchitis", LocalDate.of(1950, 3, 1), Sex.FEMALE);
        add(1, "bronchitis", LocalDate.of(2001, 3, 1), Sex.MALE);
        Plan p = plan(PERIOD_COMPLETE);
        assertThat(p.held()).isEmpty();
        assertThat(p.expired()).isEmpty();
        assertThat(p.releases()).as("no (age band, sex, category) group reaches 5; the (category, period) group does")
                .hasSize(5).allSatisfy(r -> {
                    ConsultationSignedOff s = (ConsultationSignedOff) r.event();
                    assertThat(s.finalDiagnosis()).contains("cat:respiratory");
                    assertThat(s.ageBand()).isEmpty();
                    assertThat(s.sex()).isEmpty();
                    assertThat(s.evidencesPresent()).as("the findings would give the diagnosis back").isEmpty();
                    assertThat(s.suggestions()).isEmpty();
                    assertThat(s.modelVersion()).isEmpty();
                    assertThat(s.medicationAlerts()).isEmpty();
                    assertThat(s.scrubbedNote()).isEmpty();
                    assertThat(s.fields()).containsEntry("period", PERIOD).containsEntry("schemaVersion", 2)
                            .doesNotContainKey("week");
                    assertThat(r.generalised()).isTrue();
                });
    }

    @Test
    void holdsWhatIsBelowKEvenWithoutAgeSexAndDiagnosis() {
        add(2, "pneumonia", LocalDate.of(1980, 3, 1), Sex.MALE);
        add(2, "bronchitis", LocalDate.of(1950, 3, 1), Sex.FEMALE);
        add(2, "urti", LocalDate.of(1980, 3, 1), Sex.MALE);
        add(2, "possible-nstemi-stemi", LocalDate.of(1980, 3, 1), Sex.MALE);
        add(1, "pneumonia", LocalDate.of(1980, 3, 1), Sex.MALE, SIGNED.plus(Duration.ofDays(7)));
        Plan during = plan(SIGNED.plus(Duration.ofDays(4)));
        assertThat(during.releases()).isEmpty();
        assertThat(during.held()).as("the period is not complete: all wait").hasSize(8);
        Plan p = plan(SIGNED.plus(Duration.ofDays(11)));
        assertThat(p.releases()).as("4 respiratory in this period and 1 in the next, 2 ENT, 2 cardiovascular").isEmpty();
        assertThat(p.expired()).as("this period is complete: its groups can no longer grow").hasSize(8);
        assertThat(p.held()).as("the next period's sign-off waits for its period").hasSize(1);
    }

    @Test
    void everyReleasedConsultationIsInAGroupOfKOnEveryQuasiIdentifierItCarries() {
        Random random = new Random(11);
        String[] dxs = {"pneumonia", "urti", "bronchitis", "possible-nstemi-stemi", "panic-attack", null};
        add(5, "urti", LocalDate.of(1960, 3, 1), Sex.FEMALE);
        add(3, "pneumonia", LocalDate.of(1960, 3, 1), Sex.FEMALE, Instant.parse("2026-10-05T10:00:00Z"));
        add(2, "bronchitis", LocalDate.of(1990, 3, 1), Sex.MALE, Instant.parse("2026-10-13T10:00:00Z"));
        add(2, "panic-attack", LocalDate.of(1990, 3, 1), Sex.MALE, Instant.parse("2026-10-06T10:00:00Z"));
        add(3, "panic-attack", LocalDate.of(1970, 3, 1), Sex.FEMALE, Instant.parse("2026-10-28T10:00:00Z"));
        for (int i = 0; i < 65; i++) {
            add(1, dxs[random.nextInt(dxs.length)], LocalDate.of(1940 + random.nextInt(4) * 20, 3, 1),
                    random.nextBoolean() ? Sex.FEMALE : Sex.MALE, SIGNED.plus(Duration.ofDays(7L * random.nextInt(3))));
        }
        Plan p = plan(SIGNED.plus(Duration.ofDays(25)));
        Map<List<Object>, Long> groups = p.releases().stream().map(r -> (ConsultationSignedOff) r.event())
                .collect(Collectors.groupingBy(s -> List.of(s.ageBand(), s.sex(), s.finalDiagnosis(), s.period().orElse(s.week())),
                        Collectors.counting()));
        assertThat(groups).isNotEmpty().allSatisfy((qi, n) -> assertThat(n).as("group %s", qi).isGreaterThanOrEqualTo(5L));
        assertThat(p.releases()).as("every stage released something")
                .anySatisfy(r -> assertThat(dx(r).orElse("")).startsWith("cat:"))
                .anySatisfy(r -> assertThat(((ConsultationSignedOff) r.event()).sex()).isPresent())
                .anySatisfy(r -> {
                    assertThat(dx(r).orElse("cat:")).doesNotStartWith("cat:");
                    assertThat(((ConsultationSignedOff) r.event()).sex()).isEmpty();
                });
        assertThat(p.held()).as("and something was held").isNotEmpty();
        assertThat(p.releases()).allSatisfy(r -> {
            ConsultationSignedOff s = (ConsultationSignedOff) r.event();
            if (s.finalDiagnosis().orElse("").startsWith("cat:")) {
                assertThat(s.ageBand()).as("a category never leaves with an age band").isEmpty();
                assertThat(s.sex()).as("a category never leaves with a sex").isEmpty();
                assertThat(s.evidencesPresent()).as("nor with the findings").isEmpty();
                assertThat(s.evidencesDenied()).isEmpty();
            }
        });
        assertThat(p.releases()).as("period 2026-W41/2026-W44 is complete, its held sign-offs left with it")
                .anySatisfy(r -> {
                    assertThat(((ConsultationSignedOff) r.event()).period()).contains("2026-W41/2026-W44");
                    assertThat(dx(r)).contains("panic-attack");
                });
        assertThat(p.releases()).allSatisfy(r -> {
            ConsultationSignedOff s = (ConsultationSignedOff) r.event();
            if (s.period().isPresent()) {
                assertThat(s.fields()).as("a period replaces the week on the wire").doesNotContainKey("week")
                        .doesNotContainKeys("ageBand", "sex").containsEntry("schemaVersion", 2);
            } else {
                assertThat(s.fields()).containsEntry("schemaVersion", 1).doesNotContainKey("period");
            }
        });
        assertThat(p.releases().size() + p.held().size() + p.expired().size()).isEqualTo(80);
    }

    @Test
    void suppressesAgeAndSexBeforeGeneralisingTheDiagnosis() {
        add(2, "pneumonia", LocalDate.of(1980, 3, 1), Sex.MALE);
        add(2, "pneumonia", LocalDate.of(1950, 3, 1), Sex.FEMALE);
        add(1, "pneumonia", LocalDate.of(2001, 3, 1), Sex.FEMALE);
        Plan p = plan(SIGNED.plus(Duration.ofDays(4)));
        assertThat(p.releases()).hasSize(5).allSatisfy(r -> {
            ConsultationSignedOff s = (ConsultationSignedOff) r.event();
            assertThat(s.finalDiagnosis()).contains("pneumonia");
            assertThat(s.ageBand()).isEmpty();
            assertThat(s.sex()).isEmpty();
            assertThat(r.generalised()).isTrue();
        });
        assertThat(p.held()).isEmpty();
    }

    @Test
    void holdsSmallGroupsUntilTheirPeriodCompletesThenLetsThemExpire() {
        add(2, "possible-nstemi-stemi");
        assertThat(plan(SIGNED.plus(Duration.ofDays(4))).held()).hasSize(2);
        Plan late = plan(PERIOD_COMPLETE);
        assertThat(late.expired()).hasSize(2);
        assertThat(late.releases()).isEmpty();
    }

    @Test
    void aHoldShorterThanThePeriodExpiresSignOffsBeforeTheirPeriodCompletes() {
        add(2, "possible-nstemi-stemi", LocalDate.of(1980, 3, 1), Sex.MALE, Instant.parse("2026-11-02T10:00:00Z"));
        Planner planner = new Planner(SyncOptions.defaults().withHold(Duration.ofDays(7)));
        assertThat(planner.plan(candidates, Instant.parse("2026-11-12T09:00:00Z")).held()).hasSize(2);
        assertThat(planner.plan(candidates, Instant.parse("2026-11-12T11:00:00Z")).expired()).hasSize(2);
    }

    @Test
    void aDiagnosisBelowKInEachWeekIsHeldThenLeavesWithItsPeriodWhenThePeriodMakesAGroupOfK() {
        add(2, "pneumonia", LocalDate.of(1980, 3, 1), Sex.MALE, Instant.parse("2026-11-02T09:00:00Z"));
        add(2, "pneumonia", LocalDate.of(1950, 3, 1), Sex.FEMALE, Instant.parse("2026-11-11T16:00:00Z"));
        add(1, "pneumonia", LocalDate.of(2001, 3, 1), Sex.FEMALE, Instant.parse("2026-11-29T23:00:00Z"));
        Plan during = plan(Instant.parse("2026-12-02T22:00:00Z"));
        assertThat(during.releases()).isEmpty();
        assertThat(during.waiting()).as("the last sign-off of the period is still inside the delay").hasSize(1);
        assertThat(during.held()).hasSize(4);
        Plan eligible = plan(Instant.parse("2026-12-02T23:30:00Z"));
        assertThat(eligible.held()).as("all are past the delay, but a sign-off of the period's last hour could still be").hasSize(5);
        Plan p = plan(PERIOD_COMPLETE);
        assertThat(p.held()).isEmpty();
        assertThat(p.releases()).hasSize(5).allSatisfy(r -> {
            ConsultationSignedOff s = (ConsultationSignedOff) r.event();
            assertThat(s.finalDiagnosis()).contains("pneumonia");
            assertThat(s.period()).contains(PERIOD);
            assertThat(s.ageBand()).isEmpty();
            assertThat(s.sex()).isEmpty();
            assertThat(s.evidencesPresent()).as("a diagnosis keeps its findings: retraining learns from them").contains("E_201");
            assertThat(s.fields()).containsEntry("period", PERIOD).containsEntry("schemaVersion", 2)
                    .doesNotContainKeys("week", "ageBand", "sex");
            assertThat(r.generalised()).isTrue();
        });
    }

    @Test
    void aWeekGroupThatLeftDoesNotLendItsSizeToTheRestOfItsPeriod() {
        add(5, "pneumonia", LocalDate.of(1980, 3, 1), Sex.MALE, Instant.parse("2026-11-02T09:00:00Z"));
        add(4, "pneumonia", LocalDate.of(1980, 3, 1), Sex.MALE, Instant.parse("2026-11-10T09:00:00Z"));
        Plan first = plan(Instant.parse("2026-11-06T09:00:00Z"));
        assertThat(first.releases()).as("five of one week leave with their week").hasSize(5)
                .allSatisfy(r -> assertThat(((ConsultationSignedOff) r.event()).period()).isEmpty());
        candidates.removeIf(c -> first.releases().stream().anyMatch(r -> r.outboxId() == c.outboxId()));
        Plan p = plan(PERIOD_COMPLETE);
        assertThat(p.releases()).as("the other four would be a group of four on (pneumonia, period)").isEmpty();
        assertThat(p.expired()).hasSize(4);
    }

    @Test
    void aPeriodGroupDoesNotMixSignOffsOfTheNextPeriod() {
        add(3, "pneumonia", LocalDate.of(1980, 3, 1), Sex.MALE, SIGNED);
        add(2, "pneumonia", LocalDate.of(1980, 3, 1), Sex.MALE, SIGNED.plus(Duration.ofDays(7)));
        Plan p = plan(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(p.releases()).isEmpty();
        assertThat(p.expired()).hasSize(5);
    }

    @Test
    void aFreeTextDiagnosisLeavesWithoutOne() {
        add(5, null);
        Plan p = plan(SIGNED.plus(Duration.ofDays(4)));
        assertThat(p.releases()).hasSize(5).allSatisfy(r -> assertThat(dx(r)).isEmpty());
    }
}
