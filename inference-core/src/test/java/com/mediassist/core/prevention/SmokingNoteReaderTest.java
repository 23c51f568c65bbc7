package com.mediassist.core.prevention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SmokingNoteReaderTest {

    private static final LocalDate NOTE = LocalDate.of(2026, 5, 10);

    @Test
    void readsAFormerSmokerWithPackYearsAndTheYearTheyQuit() {
        SmokingNoteReader.Facts f = SmokingNoteReader.read(
                "Antecedentes: HTA. Exfumador desde 2014, 35 paquetes-año. Sin alergias.", NOTE);
        assertThat(f.status()).isEqualTo(SmokingStatus.FORMER);
        assertThat(f.packYears()).isEqualTo(35.0);
        assertThat(f.quitDate()).isEqualTo(LocalDate.of(2014, 1, 1));
    }

    @Test
    void readsMonthAndYearAndRelativeQuitDatesInBothLanguages() {
        assertThat(SmokingNoteReader.read("Dejó de fumar en 03/2012 (22,5 paq-año)", NOTE).quitDate())
                .isEqualTo(LocalDate.of(2012, 3, 1));
        assertThat(SmokingNoteReader.read("Dejó de fumar en 03/2012 (22,5 paq-año)", NOTE).packYears()).isEqualTo(22.5);
        SmokingNoteReader.Facts en = SmokingNoteReader.read("Former smoker, quit smoking 5 years ago; 40 pack-years.", NOTE);
        assertThat(en.quitDate()).isEqualTo(LocalDate.of(2021, 5, 10));
        assertThat(en.packYears()).isEqualTo(40.0);
    }

    @Test
    void tellsNeverAndCurrentSmokersAndSaysNothingWhenTheNoteIsSilent() {
        assertThat(SmokingNoteReader.read("No fumador. Bebe ocasionalmente.", NOTE).status()).isEqualTo(SmokingStatus.NEVER);
        assertThat(SmokingNoteReader.read("Fumador de 20 cigarrillos al día, 30 paquetes-año", NOTE).status())
                .isEqualTo(SmokingStatus.CURRENT);
        assertThat(SmokingNoteReader.read("Dolor lumbar mecánico de 3 días.", NOTE).any()).isFalse();
    }
}
