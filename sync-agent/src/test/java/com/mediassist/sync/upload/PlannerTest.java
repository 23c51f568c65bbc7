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
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private static final Instant SIGNED = Instant.parse("2026-11-23T10:00:00Z");
    private final EventFactory factory = new EventFactory(Optional.of(TestKnowledge.knowledge()), ZoneOffset.UTC);
    private final List<Candidate> candidates = new ArrayList<>();

    private void add(int n, String dx) {
        add(n, dx, LocalDate.of(1980, 3, 1), Sex.MALE);
    }

    private void add(int n, String dx, LocalDate birth, Sex sex) {
        for (int i = 0; i < n; i++) {
            QueuedEvent q = factory.signedOff(new EventFactory.SignOffFacts(Optional.of(birth),
                    Optional.of(sex), SIGNED, List.of("E_201"), List.of(), Optional.ofNullable(dx), Optional.empty(), List.of()));
            candidates.add(new Candidate(candidates.size() + 1, q, SIGNED));
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
        });
        assertThat(p.held()).as("two ENT consultations cannot hide among five").hasSize(2);
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
