package com.mediassist.appliance.consult.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.appliance.problem.Problem;
import com.mediassist.appliance.status.Module;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SectionMemoTest {

    private final SectionMemo memo = new SectionMemo();
    private final AtomicInteger runs = new AtomicInteger();

    private WorkspaceView.Section<String> engine(String answer) {
        runs.incrementAndGet();
        return WorkspaceView.Section.ok(answer);
    }

    @Test
    void anEngineWhoseInputsDidNotChangeIsNotRunAgain() {
        assertThat(memo.answer(1, Module.MEDICATION, List.of("ibuprofeno"), () -> engine("a")).answer()).isEqualTo("a");
        assertThat(memo.answer(1, Module.MEDICATION, List.of("ibuprofeno"), () -> engine("b")).answer()).isEqualTo("a");
        assertThat(runs).hasValue(1);
    }

    @Test
    void changedInputsAnotherConsultationOrAnotherEngineRunTheEngine() {
        memo.answer(1, Module.MEDICATION, List.of("ibuprofeno"), () -> engine("a"));
        assertThat(memo.answer(1, Module.MEDICATION, List.of("ibuprofeno", "warfarina"), () -> engine("b")).answer())
                .isEqualTo("b");
        assertThat(memo.answer(2, Module.MEDICATION, List.of("ibuprofeno", "warfarina"), () -> engine("c")).answer())
                .isEqualTo("c");
        assertThat(memo.answer(1, Module.PREVENTIVE_CARE, List.of("ibuprofeno", "warfarina"), () -> engine("d")).answer())
                .isEqualTo("d");
        assertThat(runs).hasValue(4);
    }

    @Test
    void aFailedAnswerIsAskedAgainNextTime() {
        Problem failed = new Problem("urn:mediassist:problem:engine-failed", "failed", 500, "logged", null, List.of());
        memo.answer(1, Module.SUMMARY, "nota", () -> {
            runs.incrementAndGet();
            return WorkspaceView.Section.without(WorkspaceView.Status.FAILED, failed);
        });
        assertThat(memo.answer(1, Module.SUMMARY, "nota", () -> engine("leída")).answer()).isEqualTo("leída");
        assertThat(runs).hasValue(2);
    }

    @Test
    void anAnswerTheCallerDoesNotTrustIsAskedAgainNextTime() {
        // e.g. a differential the fallback gave because the model was busy
        memo.answer(1, Module.DIAGNOSIS, "E_91", () -> engine("fallback"), answer -> !answer.equals("fallback"));
        assertThat(memo.answer(1, Module.DIAGNOSIS, "E_91", () -> engine("model"), answer -> true).answer())
                .isEqualTo("model");
        assertThat(memo.answer(1, Module.DIAGNOSIS, "E_91", () -> engine("again"), answer -> true).answer())
                .isEqualTo("model");
        assertThat(runs).hasValue(2);
    }

    @Test
    void aSignedOffConsultationsAnswersAreDroppedAndNoOtherConsultations() {
        memo.answer(1, Module.DIAGNOSIS, "E_91", () -> engine("a"));
        memo.answer(1, Module.SUMMARY, "nota", () -> engine("b"));
        memo.answer(2, Module.DIAGNOSIS, "E_91", () -> engine("c"));
        memo.forget(1);
        assertThat(memo.size()).isEqualTo(1);
        assertThat(memo.answer(1, Module.DIAGNOSIS, "E_91", () -> engine("d")).answer()).isEqualTo("d");
        assertThat(memo.answer(2, Module.DIAGNOSIS, "E_91", () -> engine("e")).answer()).isEqualTo("c");
    }

    @Test
    void atMostTheBoundOfConsultationsIsRemembered() {
        for (int id = 0; id < SectionMemo.MAX_CONSULTATIONS * 2; id++) {
            for (Module m : Module.values()) {
                memo.answer(id, m, "k", () -> engine("x"));
            }
        }
        assertThat(memo.size()).isEqualTo(SectionMemo.MAX_CONSULTATIONS * Module.values().length);
    }

    @Test
    void aKeptAnswerIsPreparedOnceTheFirstTimeItIsReusedAndNeverWhenAskedOnce() {
        AtomicInteger prepared = new AtomicInteger();
        SectionMemo preparing = new SectionMemo((module, section) -> {
            prepared.incrementAndGet();
            return WorkspaceView.Section.ok(section.answer() + " (prepared for " + module.id() + ")");
        });
        assertThat(preparing.answer(1, Module.MEDICATION, "k1", () -> engine("a")).answer()).isEqualTo("a");
        assertThat(preparing.answer(1, Module.MEDICATION, "k2", () -> engine("b")).answer()).isEqualTo("b");
        assertThat(prepared).hasValue(0);
        assertThat(preparing.answer(1, Module.MEDICATION, "k2", () -> engine("c")).answer())
                .isEqualTo("b (prepared for medication)");
        assertThat(preparing.answer(1, Module.MEDICATION, "k2", () -> engine("d")).answer())
                .isEqualTo("b (prepared for medication)");
        assertThat(prepared).hasValue(1);
        assertThat(runs).hasValue(2);
    }
}
