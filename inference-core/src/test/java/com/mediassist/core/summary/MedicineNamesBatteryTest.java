package com.mediassist.core.summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mediassist.core.knowledge.Language;
import com.mediassist.core.summary.lexicon.TsvResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Medicines as hands the reader has never seen write them (issue 16): brands of Spain, Latin America, the UK
 * and the US, abbreviations, misspellings and dose phrasings, and which medication-class evidences a medicine
 * answers (one the patient takes does; one newly prescribed in the plan or stopped does not). The battery
 * ({@code summary/medicine-names-battery.tsv}) was written before the medication dictionary was read; the
 * share read exactly has a floor just under the score reached, and clear-cut lines must all be read exactly.
 */
class MedicineNamesBatteryTest {

    private static final SummaryExtractor EXTRACTOR = SummaryExtractor.loadDefault();
    /** See the battery header for the scores before and after this pass. */
    private static final double FLOOR_MEDICINES = 0.97;
    private static final double FLOOR_EVIDENCES = 0.97;
    /** The evidences a medicine class answers (README, {@code medicationEvidences}). */
    private static final Set<String> CLASS_EVIDENCES =
            Set.of("E_1", "E_10", "E_15", "E_44", "E_100", "E_146", "E_149", "E_184", "E_213");
    private static List<VitalsAndPrescriptionsBatteryTest.Line> medicines;
    private static List<VitalsAndPrescriptionsBatteryTest.Line> evidences;

    @BeforeAll
    static void load() {
        medicines = new ArrayList<>();
        evidences = new ArrayList<>();
        for (TsvResource.Row row : TsvResource.read("summary/medicine-names-battery.tsv", 4)) {
            String[] c = row.cells();
            boolean clear = c[0].startsWith("!");
            Language lang = Language.valueOf(c[0].replace("!", "").toUpperCase(Locale.ROOT));
            var line = new VitalsAndPrescriptionsBatteryTest.Line(row.line(), clear, lang, false, c[2], c[3].trim());
            (c[1].equals("E") ? evidences : medicines).add(line);
        }
    }

    /** Why an evidence line is not answered exactly, or null when it is. */
    static String evidenceMismatch(VitalsAndPrescriptionsBatteryTest.Line line) {
        StructuredNote note = EXTRACTOR.extract(line.fragment(), line.language());
        Set<String> found = new TreeSet<>();
        for (com.mediassist.core.knowledge.Finding e : note.evidences()) {
            if (!e.hasValue() && CLASS_EVIDENCES.contains(e.toString())) {
                found.add(e.toString());
            }
        }
        Set<String> expected = new TreeSet<>();
        if (!line.expected().equals("-")) {
            expected.addAll(Arrays.asList(line.expected().split("\\s+")));
        }
        return found.equals(expected) ? null : "expected " + expected + ", found " + found;
    }

    private static String report(List<VitalsAndPrescriptionsBatteryTest.Line> subset, boolean evidence) {
        StringBuilder out = new StringBuilder();
        for (var l : subset) {
            String why = evidence ? evidenceMismatch(l) : VitalsAndPrescriptionsBatteryTest.mismatch(l);
            if (why != null) {
                out.append("line ").append(l.number()).append(" [").append(l.fragment()).append("] ").append(why)
                        .append('\n');
            }
        }
        return out.toString();
    }

    private static double share(List<VitalsAndPrescriptionsBatteryTest.Line> subset, boolean evidence) {
        return subset.stream()
                .filter(l -> (evidence ? evidenceMismatch(l) : VitalsAndPrescriptionsBatteryTest.mismatch(l)) == null)
                .count() / (double) subset.size();
    }

    @Test
    void theBatteryHasSeveralHundredMedicineFragmentsAndEvidenceLines() {
        assertThat(medicines).hasSizeGreaterThanOrEqualTo(300);
        assertThat(evidences).hasSizeGreaterThanOrEqualTo(60);
    }

    @Test
    void mostMedicineFragmentsOfUnseenHandsAreReadExactly() {
        double s = share(medicines, false);
        System.out.printf(Locale.ROOT, "medicine-names battery: %.3f of %d read exactly%n%s", s, medicines.size(),
                report(medicines, false));
        assertThat(s).isGreaterThanOrEqualTo(FLOOR_MEDICINES);
    }

    @Test
    void medicinesTakenAnswerTheirClassEvidenceAndNewOrStoppedOnesDoNot() {
        double s = share(evidences, true);
        System.out.printf(Locale.ROOT, "medication-evidence battery: %.3f of %d exact%n%s", s, evidences.size(),
                report(evidences, true));
        assertThat(s).isGreaterThanOrEqualTo(FLOOR_EVIDENCES);
    }

    @Test
    void everyClearCutLineIsReadExactly() {
        assertThat(report(medicines.stream().filter(VitalsAndPrescriptionsBatteryTest.Line::clearCut).toList(), false)
                + report(evidences.stream().filter(VitalsAndPrescriptionsBatteryTest.Line::clearCut).toList(), true))
                .isEmpty();
    }
}
