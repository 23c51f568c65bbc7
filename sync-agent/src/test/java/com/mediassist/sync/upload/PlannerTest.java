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

    private static final Instant SIGNED = Instant.parse("2026-11-23T10:00:00Z");
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
    void generalisesRareDiagnosesToTheirCategoryWhenThatMakesAGroupOfK() {
        add(3, "pneumonia");
        add(2, "bronchitis");
        add(2, "urti");
        Plan p = plan(SIGNED.plus(Duration.ofDays(4)));
        assertThat(p.releases()).hasSize(5).allSatisfy(r -> {
            assertThat(dx(r)).contains("cat:respiratory");
            assertThat(r.generalised()).isTrue();
            assertThat(((ConsultationSignedOff) r.event()).ageBand()).isEmpty();
            assertThat(((ConsultationSignedOff) r.event()).sex()).isEmpty();
        });
        assertThat(p.held()).as("two ENT consultations cannot hide among five").hasSize(2);
    }

    @Test
    void releasesACategoryWithoutAgeAndSexWhenOnlyTheCategoryAndWeekMakeAGroupOfK() {
        add(3, "pneumonia", LocalDate.of(1980, 3, 1), Sex.MALE);
        add(1, "bronchitis", LocalDate.of(1950, 3, 1), Sex.FEMALE);
        add(1, "bronchitis", LocalDate.of(2001, 3, 1), Sex.MALE);
        Plan p = plan(SIGNED.plus(Duration.ofDays(4)));
        assertThat(p.held()).isEmpty();
        assertThat(p.releases()).as("no (age band, sex, category) group reaches 5; the (category, week) group does")
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
        Plan p = plan(SIGNED.plus(Duration.ofDays(11)));
        assertThat(p.releases()).as("4 respiratory this week and 1 next week, 2 ENT, 2 cardiovascular").isEmpty();
        assertThat(p.held()).hasSize(9);
    }

    @Test
    void everyReleasedConsultationIsInAGroupOfKOnEveryQuasiIdentifierItCarries() {
        Random random = new Random(11);
        String[] dxs = {"pneumonia", "urti", "bronchitis", "possible-nstemi-stemi", "panic-attack", null};
        add(5, "urti", LocalDate.of(1960, 3, 1), Sex.FEMALE);
        for (int i = 0; i < 75; i++) {
            add(1, dxs[random.nextInt(dxs.length)], LocalDate.of(1940 + random.nextInt(4) * 20, 3, 1),
                    random.nextBoolean() ? Sex.FEMALE : Sex.MALE, SIGNED.plus(Duration.ofDays(7L * random.nextInt(3))));
        }
        Plan p = plan(SIGNED.plus(Duration.ofDays(25)));
        Map<List<Object>, Long> groups = p.releases().stream().map(r -> (ConsultationSignedOff) r.event())
                .collect(Collectors.groupingBy(s -> List.of(s.ageBand(), s.sex(), s.finalDiagnosis(), s.week()),
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
        assertThat(p.releases().size() + p.held().size()).isEqualTo(80);
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
    void holdsSmallGroupsThenLetsThemExpireAfterTheHold() {
        add(2, "possible-nstemi-stemi");
        assertThat(plan(SIGNED.plus(Duration.ofDays(30))).held()).hasSize(2);
        Plan late = plan(SIGNED.plus(Duration.ofHours(72)).plus(Duration.ofDays(90)));
        assertThat(late.expired()).hasSize(2);
        assertThat(late.releases()).isEmpty();
    }

    @Test
    void aFreeTextDiagnosisLeavesWithoutOne() {
        add(5, null);
        Plan p = plan(SIGNED.plus(Duration.ofDays(4)));
        assertThat(p.releases()).hasSize(5).allSatisfy(r -> assertThat(dx(r)).isEmpty());
    }
}
