package com.mediassist.store.sql;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * How times and dates are written to SQLite: instants as fixed-width UTC text with milliseconds
 * (so text order is time order), dates as ISO local dates. Instants are truncated to milliseconds
 * before they are written so that what a caller gets back equals what was stored.
 */
public final class SqlTime {

    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private SqlTime() {
    }

    /** The clock's current instant, truncated to milliseconds. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Text form of an instant; {@code null} stays {@code null}. */
    public static String format(Instant instant) {
        return instant == null ? null : INSTANT.format(instant);
    }

    /** Parses what {@link #format(Instant)} wrote; {@code null} stays {@code null}. */
    public static Instant parseInstant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    /** ISO text of a date; {@code null} stays {@code null}. */
    public static String format(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** Parses an ISO date; {@code null} stays {@code null}. */
    public static LocalDate parseDate(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
