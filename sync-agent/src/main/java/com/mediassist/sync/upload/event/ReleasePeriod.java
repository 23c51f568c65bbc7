package com.mediassist.sync.upload.event;

import com.mediassist.sync.upload.InvalidEventException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The release periods of sync protocol v2 ({@code docs/sync-protocol.md}): four consecutive ISO weeks
 * on a fixed grid that starts with ISO week 2024-W01 (Monday 2024-01-01), written as an ISO 8601
 * interval of weeks, {@code 2026-W45/2026-W48}. A sign-off that could not leave in a group of its week
 * waits for its period to complete and is regrouped with the period's other such sign-offs: four
 * weeks of a clinic make larger groups than one.
 */
public final class ReleasePeriod {

    /** Weeks in a period. */
    public static final int WEEKS = 4;
    /** The Monday the grid starts on (ISO week 2024-W01). */
    static final LocalDate ANCHOR = LocalDate.of(2024, 1, 1);
    private static final Pattern PERIOD = Pattern.compile("([0-9]{4}-W[0-9]{2})/([0-9]{4}-W[0-9]{2})");

    private ReleasePeriod() {
    }

    /** The period that contains ISO week {@code week} ({@code 2026-W48 → 2026-W45/2026-W48}). */
    public static String of(String week) {
        LocalDate monday = monday(week, "week");
        long index = Math.floorDiv(ChronoUnit.DAYS.between(ANCHOR, monday), 7L * WEEKS);
        LocalDate first = ANCHOR.plusWeeks(index * WEEKS);
        return week(first) + "/" + week(first.plusWeeks(WEEKS - 1));
    }

    /** The instant the period ends: the Monday after its last week, 00:00 in {@code zone}. */
    public static Instant end(String period, ZoneId zone) {
        return firstMonday(period).plusWeeks(WEEKS).atStartOfDay(zone).toInstant();
    }

    /** The period's first ISO week. */
    public static String firstWeek(String period) {
        return week(firstMonday(period));
    }

    /**
     * Checks a period: two ISO weeks, the first on the grid, the second three weeks later.
     *
     * @throws InvalidEventException naming the field {@code period} otherwise
     */
    public static String check(String period) {
        firstMonday(period);
        return period;
    }

    private static LocalDate firstMonday(String period) {
        Matcher m = period == null ? null : PERIOD.matcher(period);
        if (m == null || !m.matches()) {
            throw new InvalidEventException("period", "4 ISO weeks such as 2026-W45/2026-W48", period);
        }
        LocalDate first = monday(m.group(1), "period");
        if (Math.floorMod(ChronoUnit.DAYS.between(ANCHOR, first), 7L * WEEKS) != 0
                || !week(first.plusWeeks(WEEKS - 1)).equals(m.group(2))) {
            throw new InvalidEventException("period", "4 ISO weeks on the grid of 2024-W01, such as 2026-W45/2026-W48", period);
        }
        return first;
    }

    private static LocalDate monday(String week, String field) {
        if (week == null || !Codes.WEEK.matcher(week).matches()) {
            throw new InvalidEventException(field, "an ISO week such as 2026-W47", week);
        }
        int year = Integer.parseInt(week.substring(0, 4));
        int number = Integer.parseInt(week.substring(6));
        LocalDate jan4 = LocalDate.of(year, 1, 4);
        if (number > jan4.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            throw new InvalidEventException(field, "an ISO week of " + year, week);
        }
        return jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number).with(DayOfWeek.MONDAY);
    }

    private static String week(LocalDate d) {
        return String.format(Locale.ROOT, "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
