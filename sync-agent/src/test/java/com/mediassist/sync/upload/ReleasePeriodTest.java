package com.mediassist.sync.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediassist.sync.upload.event.ReleasePeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleasePeriodTest {

    @Test
    void namesThePeriodOfAWeekAsAnIntervalOfFourIsoWeeksOnTheGridOf2024W01() {
        assertThat(ReleasePeriod.of("2024-W01")).isEqualTo("2024-W01/2024-W04");
        assertThat(ReleasePeriod.of("2026-W45")).isEqualTo("2026-W45/2026-W48");
        assertThat(ReleasePeriod.of("2026-W48")).isEqualTo("2026-W45/2026-W48");
        assertThat(ReleasePeriod.of("2023-W52")).isEqualTo("2023-W49/2023-W52");
        assertThat(ReleasePeriod.firstWeek("2026-W45/2026-W48")).isEqualTo("2026-W45");
    }

    @Test
    void partitionsConsecutiveWeeksIntoPeriodsOfFourAcrossYearsOf52And53Weeks() {
        Map<String, List<String>> periods = new LinkedHashMap<>();
        for (LocalDate monday = LocalDate.of(2019, 12, 30); monday.getYear() < 2034; monday = monday.plusWeeks(1)) {
            String week = String.format(Locale.ROOT, "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                    monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            periods.computeIfAbsent(ReleasePeriod.of(week), p -> new ArrayList<>()).add(week);
        }
        periods.remove(periods.keySet().iterator().next());
        List<String> keys = new ArrayList<>(periods.keySet());
        periods.remove(keys.get(keys.size() - 1));
        assertThat(periods).isNotEmpty().allSatisfy((period, weeks) -> {
            assertThat(weeks).hasSize(4);
            assertThat(period).isEqualTo(weeks.get(0) + "/" + weeks.get(3));
            assertThat(ReleasePeriod.check(period)).isEqualTo(period);
        });
        assertThat(periods.values()).anySatisfy(w -> assertThat(w).contains("2026-W53"));
    }

    @Test
    void endsAtMidnightOfTheMondayAfterItsLastWeekInTheClinicsZone() {
        assertThat(ReleasePeriod.end("2026-W45/2026-W48", ZoneOffset.UTC)).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(ReleasePeriod.end("2026-W45/2026-W48", ZoneId.of("Europe/Madrid")))
                .isEqualTo(Instant.parse("2026-11-29T23:00:00Z"));
    }

    @Test
    void refusesAnythingButFourWeeksOnTheGrid() {
        for (String bad : List.of("2026-W46/2026-W49", "2026-W45/2026-W47", "2026-W45", "2026-11", "2026-W45/2026-W48/2026-W52",
                "2025-W53/2026-W03", "2026-W45/2026-W48 ", "")) {
            assertThatThrownBy(() -> ReleasePeriod.check(bad)).as(bad).isInstanceOf(InvalidEventException.class)
                    .hasMessageContaining("period");
        }
        assertThatThrownBy(() -> ReleasePeriod.of("2025-W53")).isInstanceOf(InvalidEventException.class);
    }
}
