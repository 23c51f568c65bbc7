package com.mediassist.models.medication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediassist.core.medication.MedicationKnowledge;
import com.mediassist.models.ModelsException.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MedicationEvaluationTest {

    static final MedicationEvaluation EVAL = new MedicationEvaluation(MedicationKnowledge.loadDefault());

    @Test
    void scoresRecallBySourceWithAndWithoutTheTable(@TempDir Path dir) throws Exception {
        Path pairs = dir.resolve("pairs.csv");
        Files.writeString(pairs, """
                source,drug_a,drugbank_a,drug_b,drugbank_b,severity,label
                regulator,clarithromycin,,quetiapine,,contraindicated,x
                regulator,ticagrelor,,posaconazole,,contraindicated,x
                regulator,paracetamol,,loratadine,,contraindicated,x
                regulator,unknownium,,warfarin,,contraindicated,x
                onc-high-priority,warfarin,,ibuprofen,,,x
                """);
        MedicationEvaluation.Recall r = EVAL.recall(pairs);
        assertThat(r.unrecognised()).isEqualTo(1);
        MedicationEvaluation.Tally reg = r.withoutTable().get("regulator/contraindicated");
        assertThat(reg.pairs()).isEqualTo(3);
        assertThat(reg.moderateOrAbove()).isEqualTo(2);
        assertThat(reg.interrupting()).isEqualTo(2);
        assertThat(r.full().get("onc-high-priority").interrupting()).isEqualTo(1);
        assertThat(r.missedWithoutTable()).containsExactly("regulator/contraindicated: paracetamol + loratadine");
    }

    @Test
    void specificityIsReproducibleForASeedAndWithinTheLimits() {
        MedicationEvaluation.Specificity a = EVAL.specificity(2000, 15, List.of());
        MedicationEvaluation.Specificity b = EVAL.specificity(2000, 15, List.of());
        assertThat(a.tally()).isEqualTo(b.tally());
        assertThat(a.tally().pairs()).isEqualTo(2000);
        assertThat(a.tally().interruptPercent()).isLessThanOrEqualTo(3.0);
        assertThat(a.tally().moderatePercent()).isLessThanOrEqualTo(8.0);
    }

    @Test
    void countsInterruptingAlertsPerPolypharmacyListAndBrandCoverage(@TempDir Path dir) throws Exception {
        Path lists = dir.resolve("lists.txt");
        Files.writeString(lists, "# comment\nSintrom;ibuprofeno 600;omeprazol\nparacetamol;omeprazol\n");
        MedicationEvaluation.Polypharmacy p = EVAL.polypharmacy(lists);
        assertThat(p.interrupting()).containsExactly(1, 0);
        Path top = dir.resolve("top.csv");
        Files.writeString(top, "ingredient,brands,market,source\natorvastatin,Lipitor;Cardyl;Nosuchbrand,US,x\n"
                + "levothyroxine,Synthroid;Eutirox,US,x\n");
        MedicationEvaluation.Coverage c = EVAL.coverage(top);
        assertThat(c.ingredientsFound()).isEqualTo(2);
        assertThat(c.brandsFound()).isEqualTo(4);
        assertThat(c.missing()).containsExactly("Nosuchbrand (atorvastatin)");
    }

    @Test
    void namesTheFileItCannotRead(@TempDir Path dir) {
        assertThatThrownBy(() -> EVAL.recall(dir.resolve("absent.csv")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("absent.csv");
    }
}
