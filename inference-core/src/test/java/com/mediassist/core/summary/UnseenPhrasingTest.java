package com.mediassist.core.summary;

import org.junit.jupiter.api.Test;

import static com.mediassist.core.summary.HeldOutFailureKindsTest.status;
import static com.mediassist.core.summary.NoteReaderScopeTest.en;
import static com.mediassist.core.summary.NoteReaderScopeTest.es;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Classes of phrasing that no lexicon form writes out, read by general rules (issue 16, fourth pass): typing
 * slips, inflected verb forms, and the safeguards that keep those rules from reading other words as findings.
 * Every note here was written for the test.
 */
class UnseenPhrasingTest {

    @Test
    void twoSwappedLettersInALongWordAreATypo() {
        StructuredNote n = es("Refiere dsinea de esfuerzo y vomtios desde ayer.");
        assertThat(n.evidences()).extracting(Object::toString).contains("E_64", "E_211");
        assertThat(n.findings()).allMatch(Finding::typo);
    }

    @Test
    void englishIngEdAndNessFormsOfAFormAreRead() {
        assertThat(en("He vomited twice overnight.").evidences()).extracting(Object::toString).contains("E_211");
        assertThat(en("Wheezed all night.").evidences()).extracting(Object::toString).contains("E_112");
        assertThat(en("Neck stiffness since Monday.").findings()).extracting(Finding::text).contains("Neck stiffness");
        assertThat(en("Feet feel numbed.").findings()).extracting(Finding::text).contains("numbed");
    }

    @Test
    void spanishPastFormsOfAVerbAreRead() {
        assertThat(status(es("El niño vomitaba todo lo que comía."), "vomitaba")).contains(FindingStatus.PRESENT);
    }

    @Test
    void aPainCharacterWordIsNotReadAsAnInflectedFinding() {
        StructuredNote n = en("Burning epigastric pain after meals.");
        assertThat(n.findings()).noneMatch(f -> f.text().equalsIgnoreCase("burning"));
    }
}
