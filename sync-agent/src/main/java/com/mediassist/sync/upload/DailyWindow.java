package com.mediassist.sync.upload;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Random;

/**
 * A daily time window ({@code 01:00-05:00}, clinic time) inside which uploads start at a random
 * moment, so that the time of an upload says nothing about the time of a visit.
 *
 * @param start start of the window, local time
 * @param end   end of the window, local time (before start: the window crosses midnight)
 */
public record DailyWindow(LocalTime start, LocalTime end) {

    /**
     * Parses {@code HH:mm-HH:mm}.
     *
     * @throws IllegalArgumentException naming the expected form
     */
    public static DailyWindow parse(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("-");
        try {
            if (parts.length == 2) {
                return new DailyWindow(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
            }
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("sync window must look like 01:00-05:00, found '" + text + "'", e);
        }
        throw new IllegalArgumentException("sync window must look like 01:00-05:00, found '" + text + "'");
    }

    /** A random instant in the first window that starts after {@code now} (today's if still ahead). */
    public Instant nextRun(Instant now, ZoneId zone, Random random) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate day = local.toLocalDate();
        ZonedDateTime open = day.atTime(start).atZone(zone);
        if (!open.toInstant().isAfter(now)) {
            open = day.plusDays(1).atTime(start).atZone(zone);
        }
        Duration length = Duration.between(start, end);
        if (length.isNegative() || length.isZero()) {
            length = length.plusDays(1);
        }
        return open.toInstant().plusMillis((long) (random.nextDouble() * length.toMillis()));
    }
}
