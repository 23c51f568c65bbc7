package com.mediassist.models.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.Pathology;
import com.mediassist.models.DdxplusData;
import com.mediassist.models.ModelsException;
import com.mediassist.models.PatientRecord;
import com.mediassist.models.TrainerSettings;
import com.mediassist.models.TrainingPipeline;
import com.mediassist.models.fleet.Batch;
import com.mediassist.models.fleet.FleetEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Fleet cases whose age band or sex the clinic suppressed train, with those unknown (never imputed). */
class FleetCasesTest {

    static final Path DATA = Path.of("src/main/data/ddxplus");

    @Test
    void aCaseWithSuppressedAgeAndSexTrainsWithThemUnknownAndIsCounted() {
        Knowledge knowledge = DdxplusData.buildKnowledge(DATA);
        List<PatientRecord> base = DdxplusData.readPatients(DATA.resolve("patients-dev.csv"));
        PatientRecord row = base.get(0);
        Pathology p = knowledge.pathologyByName(row.pathology()).orElseThrow();
        List<FleetEvent> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Optional<String> band = i % 2 == 0 ? Optional.empty() : Optional.of("40-44");
            Optional<String> sex = i < 3 ? Optional.empty() : Optional.of("F");
            events.add(new FleetEvent.ConsultationSignedOff("e" + i, "2026-W44", band, sex, row.evidences(), List.of(),
                    Optional.empty(), List.of(), Optional.of(p.code().value()), List.of()));
        }
        FleetCases fleet = FleetCases.of(List.of(new Batch("clinic-1", "sha256:00", "b1", "2026-W44", "h", events)), knowledge);

        assertThat(fleet.rows()).hasSize(6);
        assertThat(fleet.excluded()).isEmpty();
        assertThat(fleet.demographicsSuppressed()).isEqualTo(4);
        assertThat(fleet.provenance()).containsEntry("fleetAgeOrSexSuppressed", "4");
        PatientRecord unknown = fleet.rows().get(0);
        assertThat(unknown.ageKnown()).isFalse();
        assertThat(unknown.sexKnown()).isFalse();
        assertThatThrownBy(unknown::age).isInstanceOf(ModelsException.BadInputException.class);
        assertThat(fleet.rows().get(5).age()).isEqualTo(42);

        TrainingPipeline pipeline = new TrainingPipeline(knowledge, TrainerSettings.defaults());
        List<PatientRecord> all = new ArrayList<>(base);
        all.addAll(fleet.rows().stream().filter(r -> !r.demographicsKnown()).toList());
        TrainingPipeline.Trained without = pipeline.train(base);
        TrainingPipeline.Trained with = pipeline.train(all);
        assertThat(with.metrics().get("calibrationPatients")).as("only cases with age and sex known calibrate")
                .isEqualTo(without.metrics().get("calibrationPatients"));
        int k = knowledge.pathologies().indexOf(p);
        assertThat(with.frequencies().prior()[k]).isGreaterThan(without.frequencies().prior()[k]);
    }
}
