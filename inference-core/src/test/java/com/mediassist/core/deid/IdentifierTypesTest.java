package com.mediassist.core.deid;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.core.knowledge.Language;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every MEDDOCAN identifier type planted in hand-written Spanish and English notes (test resources,
 * all values invented) is masked by the shipped de-identifier, and no planted value survives in
 * the scrubbed text. The English notes also give the English figures reported in BENCHMARKS.md.
 */
class IdentifierTypesTest {

    /** Least span recall on the held-out English notes (measured value, rounded down; see BENCHMARKS.md). */
    private static final double HELD_OUT_EN_MIN = 0.90;

    private static Deidentifier deid;

    @BeforeAll
    static void load() {
        deid = DeidBundle.shipped().deidentifier();
    }

    @Test
    void masksEveryPlantedIdentifierTypeInSpanishNotes() {
        check(MarkedNotes.read("/deid/spanish-notes.txt"), Language.ES, 0.95);
    }

    @Test
    void masksEveryPlantedIdentifierTypeInEnglishNotes() {
        check(MarkedNotes.read("/deid/english-notes.txt"), Language.EN, 0.95);
    }

    @Test
    void neverJoinsIdentifiersOfTwoLines() {
        String note = "Patient: John Whitaker\nMRN: 4471923\n68-year-old male seen by Dr. Helen Brooks.\n";
        List<PhiSpan> spans = deid.detect(note, Language.EN);
        assertThat(spans).allSatisfy(s -> assertThat(note.substring(s.start(), s.end())).doesNotContain("\n"));
        String scrubbed = deid.scrub(note, Language.EN, new Random(1)).text();
        assertThat(scrubbed).startsWith("Patient: [NAME]\nMRN: [ID]\n68-year-old [SEX] seen by Dr. [NAME].");
    }

    @Test
    void masksMostIdentifiersInHeldOutEnglishNotes() {
        List<MarkedNotes.Note> notes = MarkedNotes.read("/deid/english-notes-heldout.txt");
        int gold = 0;
        int masked = 0;
        List<String> missed = new ArrayList<>();
        for (MarkedNotes.Note n : notes) {
            List<PhiSpan> spans = deid.detect(n.text(), Language.EN);
            for (MarkedNotes.Gold g : n.gold()) {
                gold++;
                if (MarkedNotes.masked(g, spans, n.text())) {
                    masked++;
                } else {
                    missed.add(g.type() + " '" + g.text() + "'");
                }
            }
        }
        double recall = (double) masked / gold;
        System.out.printf(Locale.ROOT, "EN held-out notes: %d planted identifiers, span recall %.4f; missed %s%n", gold, recall, missed);
        assertThat(recall).as("held-out English span recall (missed: %s)", missed).isGreaterThanOrEqualTo(HELD_OUT_EN_MIN);
    }

    private static void check(List<MarkedNotes.Note> notes, Language language, double minSpanRecall) {
        int gold = 0;
        int masked = 0;
        Set<PhiType> planted = EnumSet.noneOf(PhiType.class);
        Set<PhiType> maskedTypes = EnumSet.noneOf(PhiType.class);
        List<String> missed = new ArrayList<>();
        List<String> leaked = new ArrayList<>();
        Random random = new Random(5);
        for (MarkedNotes.Note n : notes) {
            List<PhiSpan> spans = deid.detect(n.text(), language);
            String scrubbed = deid.scrub(n.text(), language, random).text();
            for (MarkedNotes.Gold g : n.gold()) {
                gold++;
                planted.add(g.type());
                if (MarkedNotes.masked(g, spans, n.text())) {
                    masked++;
                    maskedTypes.add(g.type());
                } else {
                    missed.add(g.type() + " '" + g.text() + "'");
                }
                boolean keptOnPurpose = g.type() == PhiType.EDAD_SUJETO_ASISTENCIA;
                if (!keptOnPurpose && g.text().length() > 2 && containsWord(scrubbed, g.text())) {
                    leaked.add(g.type() + " '" + g.text() + "'");
                }
            }
        }
        double recall = (double) masked / gold;
        System.out.printf(Locale.ROOT, "%s notes: %d planted identifiers, span recall %.4f; missed %s%n", language, gold, recall,
                missed);
        assertThat(maskedTypes).as("every planted type is masked at least once (missed: %s)", missed).isEqualTo(planted);
        assertThat(recall).as("span recall (missed: %s)", missed).isGreaterThanOrEqualTo(minSpanRecall);
        assertThat(leaked.size()).as("planted values left in the scrubbed text: %s", leaked)
                .isLessThanOrEqualTo((int) Math.floor(gold * (1 - minSpanRecall)));
    }

    private static boolean containsWord(String text, String value) {
        int i = text.indexOf(value);
        while (i >= 0) {
            boolean left = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            int end = i + value.length();
            boolean right = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (left && right) {
                return true;
            }
            i = text.indexOf(value, i + 1);
        }
        return false;
    }
}
