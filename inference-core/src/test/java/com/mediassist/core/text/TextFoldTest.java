package com.mediassist.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFoldTest {

    @Test
    void foldsCaseAndAccentsKeepingLength() {
        assertThat(TextFold.fold("Ácido Acetilsalicílico")).isEqualTo("acido acetilsalicilico");
        assertThat(TextFold.fold("NIÑO")).isEqualTo("nino");
        assertThat(TextFold.fold("Dolor torácico").length()).isEqualTo("Dolor torácico".length());
        assertThat(TextFold.fold(null)).isEmpty();
    }

    @Test
    void normalisesWordsToSingleSpacedFoldedText() {
        assertThat(TextFold.normaliseWords("  Ácido  acetil-salicílico. ")).isEqualTo("acido acetil salicilico");
        assertThat(TextFold.normaliseWords("Insuficiencia renal (estadio 4)")).isEqualTo("insuficiencia renal estadio 4");
        assertThat(TextFold.normaliseWords("--/ ")).isEmpty();
        assertThat(TextFold.normaliseWords(null)).isEmpty();
    }

    @Test
    void boundsEditDistance() {
        assertThat(TextFold.editDistance("ibuprofeno", "ibuprofeno", 2)).isZero();
        assertThat(TextFold.editDistance("ibuprofeno", "ibuprofneo", 2)).isEqualTo(2);
        assertThat(TextFold.editDistance("amoxicilina", "amoxicillin", 2)).isEqualTo(2);
        assertThat(TextFold.editDistance("paracetamol", "metamizol", 2)).isEqualTo(3);
    }

    @Test
    void tellsTwoSwappedAdjacentLettersFromOtherDifferences() {
        assertThat(TextFold.isAdjacentSwap("dsinea", "disnea")).isTrue();
        assertThat(TextFold.isAdjacentSwap("vomtios", "vomitos")).isTrue();
        assertThat(TextFold.isAdjacentSwap("disnea", "disnea")).isFalse();
        assertThat(TextFold.isAdjacentSwap("dsinae", "disnea")).isFalse();
        assertThat(TextFold.isAdjacentSwap("disnea", "disneas")).isFalse();
    }
}
