package com.mediassist.core.deid;

import com.mediassist.core.knowledge.Language;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed surrogates: each identifier becomes its type's tag ({@code [NOMBRE]}, {@code [NAME]} …),
 * except dates, which are shifted by one offset per note (so intervals between them survive) and
 * written in their original form, and ages, which stay when under 90 and are grouped as
 * {@code [EDAD 90+]} / {@code [AGE 90+]} otherwise. A date that cannot be read becomes {@code [FECHA]}.
 */
public final class Surrogates {

    /** Smallest and largest absolute shift, days. */
    static final int MIN_SHIFT = 30;
    static final int MAX_SHIFT = 730;

    private static final String[] MONTHS_ES = {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
        "septiembre", "octubre", "noviembre", "diciembre"};
    private static final String[] MONTHS_EN = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};
    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern WRITTEN_ES = Pattern.compile(
            "(?:(\\d{1,2})\\s+de\\s+)?(\\p{L}+)(?:\\s+(de|del)\\s+(\\d{4}))?", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern MONTH_DAY_YEAR_EN = Pattern.compile(
            "(\\p{L}+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(,?\\s+(\\d{4}))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_MONTH_YEAR_EN = Pattern.compile(
            "(\\d{1,2})(?:st|nd|rd|th)?\\s+(\\p{L}+)\\.?,?\\s+(\\d{4})", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_YEAR_EN = Pattern.compile("(\\p{L}+)\\.?,?\\s+(\\d{4})", Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR = Pattern.compile("((?:(?:en\\s+)?(?:el\\s+)?año|(?:in\\s+)?(?:the\\s+)?year)\\s+)?(\\d{4})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern FIRST_NUMBER = Pattern.compile("\\d{1,3}");

    private Surrogates() {
    }

    /** A shift of 30 to 730 days, earlier or later. */
    public static int randomShiftDays(RandomGenerator random) {
        int days = MIN_SHIFT + random.nextInt(MAX_SHIFT - MIN_SHIFT + 1);
        return random.nextBoolean() ? days : -days;
    }

    /**
     * {@code text} with each span replaced.
     *
     * @param spans     non-overlapping, in order of start
     * @param shiftDays the note's date offset
     */
    public static String apply(String text, List<PhiSpan> spans, Language language, int shiftDays) {
        StringBuilder b = new StringBuilder(text.length());
        int at = 0;
        for (PhiSpan s : spans) {
            if (s.start() < at) {
                throw new IllegalArgumentException("spans overlap or are out of order at " + s.start());
            }
            b.append(text, at, s.start());
            b.append(surrogate(text.substring(s.start(), s.end()), s.type(), language, shiftDays));
            at = s.end();
        }
        b.append(text, at, text.length());
        return b.toString();
    }

    /** The surrogate of one identifier. */
    public static String surrogate(String original, PhiType type, Language language, int shiftDays) {
        return switch (type) {
            case FECHAS -> shiftDate(original, shiftDays, language).orElse(type.tag(language));
            case EDAD_SUJETO_ASISTENCIA -> age(original, language);
            default -> type.tag(language);
        };
    }

    private static String age(String original, Language language) {
        Matcher m = FIRST_NUMBER.matcher(original);
        if (m.find() && Integer.parseInt(m.group()) <= 89 && !original.matches("(?s).*\\d{4}.*")) {
            return original;
        }
        return language == Language.EN ? "[AGE 90+]" : "[EDAD 90+]";
    }

    /** The date written in {@code original}, shifted and written the same way; empty when it cannot be read. */
    public static Optional<String> shiftDate(String original, int shiftDays, Language language) {
        String s = original.strip();
        try {
            Matcher m = NUMERIC.matcher(s);
            if (m.matches()) {
                int a = Integer.parseInt(m.group(1));
                int c = Integer.parseInt(m.group(3));
                boolean monthFirst = language == Language.EN && a <= 12 && c <= 31 || c > 12;
                int day = monthFirst ? c : a;
                int month = monthFirst ? a : c;
                String y = m.group(4);
                int year = y.length() == 2 ? (Integer.parseInt(y) > 40 ? 1900 : 2000) + Integer.parseInt(y) : Integer.parseInt(y);
                LocalDate d = LocalDate.of(year, month, day).plusDays(shiftDays);
                String sep = m.group(2);
                boolean pad = m.group(1).length() == 2 || m.group(3).length() == 2;
                String dd = pad ? String.format(Locale.ROOT, "%02d", d.getDayOfMonth()) : Integer.toString(d.getDayOfMonth());
                String mm = pad ? String.format(Locale.ROOT, "%02d", d.getMonthValue()) : Integer.toString(d.getMonthValue());
                String yy = y.length() == 2 ? String.format(Locale.ROOT, "%02d", d.getYear() % 100) : Integer.toString(d.getYear());
                return Optional.of(monthFirst ? mm + sep + dd + sep + yy : dd + sep + mm + sep + yy);
            }
            m = ISO.matcher(s);
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))).plusDays(shiftDays).toString());
            }
            m = YEAR.matcher(s);
            if (m.matches()) {
                int year = LocalDate.of(Integer.parseInt(m.group(2)), 7, 1).plusDays(shiftDays).getYear();
                return Optional.of((m.group(1) == null ? "" : m.group(1)) + year);
            }
            if (language == Language.EN) {
                return english(s, shiftDays);
            }
            m = WRITTEN_ES.matcher(s);
            if (m.matches()) {
                int month = month(m.group(2), MONTHS_ES);
                if (month > 0) {
                    int year = m.group(4) == null ? 2001 : Integer.parseInt(m.group(4));
                    int day = m.group(1) == null ? 15 : Integer.parseInt(m.group(1));
                    LocalDate d = LocalDate.of(year, month, day).plusDays(shiftDays);
                    String name = MONTHS_ES[d.getMonthValue() - 1];
                    if (Character.isUpperCase(m.group(2).charAt(0))) {
                        name = Character.toUpperCase(name.charAt(0)) + name.substring(1);
                    }
                    return Optional.of((m.group(1) == null ? "" : d.getDayOfMonth() + " de ") + name
                            + (m.group(4) == null ? "" : " " + m.group(3) + " " + d.getYear()));
                }
            }
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> english(String s, int shiftDays) {
        Matcher m = DAY_MONTH_YEAR_EN.matcher(s);
        if (m.matches() && month(m.group(2), MONTHS_EN) > 0) {
            LocalDate d = LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(2), MONTHS_EN), Integer.parseInt(m.group(1)))
                    .plusDays(shiftDays);
            return Optional.of(d.getDayOfMonth() + " " + MONTHS_EN[d.getMonthValue() - 1] + " " + d.getYear());
        }
        m = MONTH_DAY_YEAR_EN.matcher(s);
        if (m.matches() && month(m.group(1), MONTHS_EN) > 0) {
            int year = m.group(4) == null ? 2001 : Integer.parseInt(m.group(4));
            LocalDate d = LocalDate.of(year, month(m.group(1), MONTHS_EN), Integer.parseInt(m.group(2))).plusDays(shiftDays);
            return Optional.of(MONTHS_EN[d.getMonthValue() - 1] + " " + d.getDayOfMonth() + (m.group(4) == null ? "" : ", " + d.getYear()));
        }
        m = MONTH_YEAR_EN.matcher(s);
        if (m.matches() && month(m.group(1), MONTHS_EN) > 0) {
            LocalDate d = LocalDate.of(Integer.parseInt(m.group(2)), month(m.group(1), MONTHS_EN), 15).plusDays(shiftDays);
            return Optional.of(MONTHS_EN[d.getMonthValue() - 1] + " " + d.getYear());
        }
        return Optional.empty();
    }

    /** 1–12 for a month name or its three-letter (or "Sept") abbreviation, 0 otherwise. */
    private static int month(String word, String[] names) {
        String w = word.toLowerCase(Locale.ROOT);
        for (int i = 0; i < names.length; i++) {
            String n = names[i].toLowerCase(Locale.ROOT);
            if (w.equals(n) || (w.length() >= 3 && n.startsWith(w) && (w.length() == 3 || w.equals("sept")))) {
                return i + 1;
            }
        }
        if (w.equals("setiembre")) {
            return 9;
        }
        return 0;
    }
}
