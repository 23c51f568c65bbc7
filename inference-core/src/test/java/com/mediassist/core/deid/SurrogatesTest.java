package com.mediassist.core.deid;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.core.knowledge.Language;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SurrogatesTest {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    @Test
    void shiftsEveryDateOfANoteByTheSameOffsetSoIntervalsSurvive() {
        String note = "Ingreso: 02/03/2026. Alta: 09/03/2026. Revisión el 02/03/2026 de nuevo.";
        List<PhiSpan> spans = List.of(new PhiSpan(9, 19, PhiType.FECHAS, PhiSpan.Source.PATTERN),
                new PhiSpan(27, 37, PhiType.FECHAS, PhiSpan.Source.PATTERN),
                new PhiSpan(51, 61, PhiType.FECHAS, PhiSpan.Source.PATTERN));
        String out = Surrogates.apply(note, spans, Language.ES, -45);
        Matcher m = Pattern.compile("\\d{2}/\\d{2}/\\d{4}").matcher(out);
        List<LocalDate> dates = m.results().map(r -> LocalDate.parse(r.group(), DMY)).toList();
        assertThat(dates).containsExactly(LocalDate.of(2026, 1, 16), LocalDate.of(2026, 1, 23), LocalDate.of(2026, 1, 16));
        assertThat(ChronoUnit.DAYS.between(dates.get(0), dates.get(1))).isEqualTo(7);
    }

    @Test
    void scrubbingOneNoteUsesOneShiftForAllItsDates() {
        Deidentifier deid = DeidBundle.shipped().deidentifier();
        String note = "Fecha de Ingreso: 12/12/2016.\nFecha de alta: 19/12/2016.\nControl: 12/12/2016.\n";
        for (int seed = 0; seed < 5; seed++) {
            Deidentifier.ScrubbedNote s = deid.scrub(note, Language.ES, new Random(seed));
            List<LocalDate> dates = Pattern.compile("\\d{2}/\\d{2}/\\d{4}").matcher(s.text()).results()
                    .map(r -> LocalDate.parse(r.group(), DMY)).toList();
            assertThat(dates).hasSize(3);
            assertThat(dates.get(0)).isEqualTo(dates.get(2)).isEqualTo(LocalDate.of(2016, 12, 12).plusDays(s.dateShiftDays()));
            assertThat(ChronoUnit.DAYS.between(dates.get(0), dates.get(1))).isEqualTo(7);
            assertThat(Math.abs(s.dateShiftDays())).isBetween(Surrogates.MIN_SHIFT, Surrogates.MAX_SHIFT);
        }
    }

    @Test
    void writesShiftedDatesTheWayTheyWereWritten() {
        assertThat(Surrogates.shiftDate("3 de marzo de 2026", 10, Language.ES)).contains("13 de marzo de 2026");
        assertThat(Surrogates.shiftDate("junio de 2025", 30, Language.ES)).contains("julio de 2025");
        assertThat(Surrogates.shiftDate("año 2000", 400, Language.ES)).contains("año 2001");
        assertThat(Surrogates.shiftDate("March 3, 2026", -3, Language.EN)).contains("February 28, 2026");
        assertThat(Surrogates.shiftDate("03/14/1958", 1, Language.EN)).contains("03/15/1958");
        assertThat(Surrogates.shiftDate("2026-10-21", 11, Language.EN)).contains("2026-11-01");
        assertThat(Surrogates.shiftDate("hace unos días", 11, Language.ES)).isEmpty();
        assertThat(Surrogates.surrogate("hace unos días", PhiType.FECHAS, Language.ES, 11)).isEqualTo("[FECHA]");
    }

    @Test
    void groupsAgesOver89AndKeepsYoungerOnes() {
        assertThat(Surrogates.surrogate("93 años", PhiType.EDAD_SUJETO_ASISTENCIA, Language.ES, 0)).isEqualTo("[EDAD 90+]");
        assertThat(Surrogates.surrogate("91 years", PhiType.EDAD_SUJETO_ASISTENCIA, Language.EN, 0)).isEqualTo("[AGE 90+]");
        assertThat(Surrogates.surrogate("89 años", PhiType.EDAD_SUJETO_ASISTENCIA, Language.ES, 0)).isEqualTo("89 años");
    }

    @Test
    void replacesOtherIdentifiersWithTheirTypedTag() {
        String note = "Nombre: Ernesto Rivera. Correo: e@x.es";
        List<PhiSpan> spans = List.of(new PhiSpan(8, 22, PhiType.NOMBRE_SUJETO_ASISTENCIA, PhiSpan.Source.MODEL),
                new PhiSpan(32, 38, PhiType.CORREO_ELECTRONICO, PhiSpan.Source.PATTERN));
        assertThat(Surrogates.apply(note, spans, Language.ES, 40)).isEqualTo("Nombre: [NOMBRE]. Correo: [CORREO]");
        assertThat(Surrogates.apply(note, spans, Language.EN, 40)).isEqualTo("Nombre: [NAME]. Correo: [EMAIL]");
    }
}
