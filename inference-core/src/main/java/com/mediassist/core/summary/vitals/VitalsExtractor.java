package com.mediassist.core.summary.vitals;

import com.mediassist.core.summary.Span;
import com.mediassist.core.summary.Vital;
import com.mediassist.core.summary.VitalFlag;
import com.mediassist.core.summary.VitalKind;
import com.mediassist.core.summary.lexicon.Token;
import com.mediassist.core.summary.lexicon.Tokenizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads vital signs. Stateless and thread-safe.
 *
 * <p>Plausibility (adult): values outside what is compatible with life or with a reading are
 * {@link VitalFlag#IMPLAUSIBLE}; values outside the usual resting range are
 * {@link VitalFlag#OUT_OF_RANGE}. Nothing is dropped.
 */
public final class VitalsExtractor {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    /** Longest reading, label to unit, in characters. */
    private static final int MAX_READING = 64;
    /** Between a label and its number: up to 12 characters that are neither digits nor line breaks. */
    private static final String GAP = "[^\\d\\n]{0,12}?";
    private static final String NUM = "(\\d{1,3}(?:[.,]\\d{1,2})?)(?![\\d.,]\\d|\\d)";

    private static final Pattern BP = Pattern.compile(
            "(?<![\\p{L}\\d])(?:TA|T\\.A\\.|TAS/TAD|PA|BP|tensi[oó]n(?: arterial)?|presi[oó]n arterial|blood pressure)(?![\\p{L}])"
                    + GAP + "(\\d{2,3})(?!\\d)\\s{0,2}/\\s{0,2}(\\d{2,3})(?!\\d)(?:\\s{0,2}mm\\s?hg)?", FLAGS);
    private static final Pattern BP_BARE = Pattern.compile(
            "(?<![\\d/.,])(\\d{2,3})(?!\\d)\\s{0,2}/\\s{0,2}(\\d{2,3})(?!\\d)\\s{0,2}mm\\s?hg", FLAGS);
    /** A second reading in another posture: "TA sentado 110/65, de pie 90/60". */
    private static final Pattern BP_POSTURE = Pattern.compile(
            "(?<![\\p{L}])(?:de pie|sentad[oa]|tumbad[oa]|en dec[uú]bito|dec[uú]bito|bipedestaci[oó]n|standing|sitting|supine|lying)(?![\\p{L}])"
                    + "[^\\d\\n]{0,6}?(\\d{2,3})(?!\\d)\\s{0,2}/\\s{0,2}(\\d{2,3})(?!\\d)(?:\\s{0,2}mm\\s?hg)?", FLAGS);
    /** A repeated reading right after a first one: "BP 152/98, repeat 148/94", "TA 164/102 y 158/98". */
    private static final Pattern BP_REPEAT = Pattern.compile(
            "(?<=\\d/\\d{2,3}[,;]?\\s{1,2})(?:repeat(?:ed)?|recheck(?:ed)?|repetid[oa]|repite|y|and|then|luego)(?![\\p{L}])"
                    + "[^\\d\\n]{0,6}?(\\d{2,3})(?!\\d)\\s{0,2}/\\s{0,2}(\\d{2,3})(?!\\d)(?:\\s{0,2}mm\\s?hg)?", FLAGS);
    private static final Pattern HR = Pattern.compile(
            "(?<![\\p{L}\\d])(?:FC|HR|frecuencia card[ií]aca|heart rate|pulso|pulse|fc\\.)(?![\\p{L}])"
                    + GAP + "(\\d{2,3})(?!\\d)(?:\\s{0,2}(?:lpm|bpm|l/min|lat/min|latidos(?: por minuto)?|/min|x'|x min))?", FLAGS);
    /** A lone "P" labels a pulse only with its number right after it ("BP 146/90, P 80"); "P:" heads a plan. */
    private static final Pattern HR_P = Pattern.compile("(?<![\\p{L}\\d])P(?![\\p{L}\\d])[ :=]{0,3}(\\d{2,3})(?!\\d|[.,/]\\d)", FLAGS);
    private static final Pattern HR_BARE = Pattern.compile("(?<![\\d.,/])(\\d{2,3})(?!\\d)\\s{0,2}(?:lpm|bpm|latidos por minuto|beats per minute)(?![\\p{L}])", FLAGS);
    private static final Pattern TEMP = Pattern.compile(
            "(?<![\\p{L}\\d])(?:Tª|temp|temperatura|temperature|T)(?![\\p{L}\\d])\\.?(?:\\s{0,2}(?:axilar|timpánica|timpanica|oral|rectal))?"
                    + "[^\\d\\n/]{0,6}?" + NUM + "(?:\\s{0,2}(º\\s?C|°\\s?C|ºC|°C|º|°|C|grados|F|°F|ºF)(?![\\p{L}]))?", FLAGS);
    private static final Pattern TEMP_BARE = Pattern.compile("(?<![\\d.,/])(\\d{2}(?:[.,]\\d)?)\\s{0,2}(º\\s?C|°\\s?C|º|°|grados(?: centígrados)?)", FLAGS);
    private static final Pattern SPO2 = Pattern.compile(
            "(?<![\\p{L}\\d])(?:Sat\\.?\\s?O2|SatO2|SpO2|Sat|saturaci[oó]n(?: de O2| de ox[ií]geno| O2| basal)?|O2 sat|oxygen saturation|sats)(?![\\p{L}])"
                    + GAP + "(\\d{2,3})(?!\\d)(?:\\s{0,2}%)?", FLAGS);
    private static final Pattern RR = Pattern.compile(
            "(?<![\\p{L}\\d])(?:FR|RR|frecuencia respiratoria|respiratory rate|resp rate)(?![\\p{L}])"
                    + GAP + "(\\d{1,2})(?!\\d)(?:\\s{0,2}(?:rpm|resp/min|/min|x'|respiraciones por minuto))?", FLAGS);
    /**
     * Between "peso"/"weight" and its number only punctuation or one linking word ("Peso: 70", "peso de 70",
     * "weight today 198 lb"), so "coger peso hace 3 días" and "weight bear 4 days" are no weights.
     */
    private static final String WEIGHT_FILLER =
            "[^\\d\\n\\p{L}]{0,6}?(?:(?:de|actual|hoy|of|is|was|today|now)[^\\d\\n\\p{L}]{1,4}?)?";
    private static final Pattern WEIGHT = Pattern.compile(
            "(?<![\\p{L}\\d])(?:peso|weight|wt|pesa)(?![\\p{L}])" + WEIGHT_FILLER + NUM + "(?:\\s{0,2}(kg|kilos|kgs|lb|lbs))?", FLAGS);
    private static final Pattern HEIGHT = Pattern.compile(
            "(?<![\\p{L}\\d])(?:talla|altura|estatura|height|ht|mide)(?![\\p{L}])" + "[^\\d\\n]{0,10}?" + NUM + "(?:\\s{0,2}(cm|m|mts|metros)(?![\\p{L}]))?", FLAGS);
    /** Feet and inches ("Ht 5'4\"", "height 5 ft 5 in", "5' 11''"), read in centimetres. */
    private static final Pattern HEIGHT_IMPERIAL = Pattern.compile(
            "(?<![\\p{L}\\d])(?:height|ht|talla|altura|estatura|mide)(?![\\p{L}])[^\\d\\n]{0,10}?([4-7])\\s{0,2}(?:'|\u2019|\u2032|ft|feet|foot|pies)"
                    + "\\s{0,2}(?:(\\d{1,2})(?!\\d)\\s{0,2}(?:\"|\u201d|\u2033|''|in(?![\\p{L}])|inches)?)?", FLAGS);
    private static final Pattern BMI = Pattern.compile(
            "(?<![\\p{L}\\d])(?:IMC|BMI|índice de masa corporal|indice de masa corporal|body mass index)(?![\\p{L}])"
                    + "[^\\d\\n]{0,10}?" + NUM + "(?:\\s{0,2}kg\\s?/\\s?m\\s?(?:2|²))?", FLAGS);

    /** A pattern, the vital it reads, and the folded words its matches start with (empty: a number). */
    private record Rule(Pattern pattern, VitalKind kind, Set<String> labels) {
    }

    /** In priority order: a reading claimed by an earlier rule is not read again by a later one. */
    private static final List<Rule> RULES = List.of(
            new Rule(BP, VitalKind.SYSTOLIC, Set.of("ta", "t", "tas", "pa", "bp", "tension", "presion", "blood")),
            new Rule(BP_POSTURE, VitalKind.SYSTOLIC, Set.of("de", "sentado", "sentada", "tumbado", "tumbada", "en", "decubito",
                    "bipedestacion", "standing", "sitting", "supine", "lying")),
            new Rule(BP_REPEAT, VitalKind.SYSTOLIC, Set.of("repeat", "repeated", "recheck", "rechecked", "repetida",
                    "repetido", "repite", "y", "and", "then", "luego")),
            new Rule(BP_BARE, VitalKind.SYSTOLIC, Set.of()),
            new Rule(SPO2, VitalKind.SPO2, Set.of("sat", "sato2", "spo2", "saturacion", "o2", "oxygen", "sats")),
            new Rule(RR, VitalKind.RESPIRATORY_RATE, Set.of("fr", "rr", "frecuencia", "respiratory", "resp")),
            new Rule(HR, VitalKind.HEART_RATE, Set.of("fc", "hr", "frecuencia", "heart", "pulso", "pulse")),
            new Rule(HR_P, VitalKind.HEART_RATE, Set.of("p")),
            new Rule(HR_BARE, VitalKind.HEART_RATE, Set.of()),
            new Rule(BMI, VitalKind.BMI, Set.of("imc", "bmi", "indice", "body")),
            new Rule(WEIGHT, VitalKind.WEIGHT, Set.of("peso", "weight", "wt", "pesa")),
            new Rule(HEIGHT_IMPERIAL, VitalKind.HEIGHT, Set.of("talla", "altura", "estatura", "height", "ht", "mide")),
            new Rule(HEIGHT, VitalKind.HEIGHT, Set.of("talla", "altura", "estatura", "height", "ht", "mide")),
            new Rule(TEMP, VitalKind.TEMPERATURE, Set.of("t", "tª", "temp", "temperatura", "temperature")),
            new Rule(TEMP_BARE, VitalKind.TEMPERATURE, Set.of()));

    /** Reads every vital sign of {@code text}, in text order. */
    public List<Vital> extract(String text) {
        return extract(text, Tokenizer.tokenize(text));
    }

    /**
     * Reads every vital sign of {@code text} given its tokens. Each pattern is tried only where a
     * word it can start with (or, for bare readings, a number) starts, anchored there, so the cost
     * is linear in the text and small for ordinary notes.
     */
    public List<Vital> extract(String text, List<Token> tokens) {
        List<Vital> out = new ArrayList<>();
        List<Span> taken = new ArrayList<>();
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            for (Token t : tokens) {
                if (!t.isWord()) {
                    continue;
                }
                boolean candidate = rule.labels().isEmpty() ? Character.isDigit(t.folded().charAt(0))
                        : rule.labels().contains(t.folded());
                if (!candidate) {
                    continue;
                }
                m.region(t.start(), Math.min(text.length(), t.start() + MAX_READING));
                if (!m.lookingAt()) {
                    continue;
                }
                if (rule.pattern() == HEIGHT_IMPERIAL) {
                    feetAndInches(text, m, out, taken);
                } else if (rule.kind() == VitalKind.SYSTOLIC) {
                    bloodPressure(text, m, out, taken);
                } else {
                    simple(text, m, rule.kind(), out, taken);
                }
            }
        }
        out.sort(Comparator.comparingInt((Vital v) -> v.span().start()).thenComparing(v -> v.kind().ordinal()));
        return out;
    }

    private static boolean free(List<Span> taken, Span s) {
        for (Span t : taken) {
            if (t.overlaps(s)) {
                return false;
            }
        }
        return true;
    }

    private static void bloodPressure(String text, Matcher m, List<Vital> out, List<Span> taken) {
        Span span = new Span(m.start(), m.end());
        if (!free(taken, span)) {
            return;
        }
        double sys = Double.parseDouble(m.group(1));
        double dia = Double.parseDouble(m.group(2));
        VitalFlag sysFlag = flag(VitalKind.SYSTOLIC, sys);
        VitalFlag diaFlag = flag(VitalKind.DIASTOLIC, dia);
        if (sys <= dia) {
            sysFlag = VitalFlag.IMPLAUSIBLE;
            diaFlag = VitalFlag.IMPLAUSIBLE;
        }
        String t = span.of(text);
        out.add(new Vital(VitalKind.SYSTOLIC, sys, VitalKind.SYSTOLIC.unit(), t, span, sysFlag));
        out.add(new Vital(VitalKind.DIASTOLIC, dia, VitalKind.DIASTOLIC.unit(), t, span, diaFlag));
        taken.add(span);
    }

    private static void simple(String text, Matcher m, VitalKind kind, List<Vital> out, List<Span> taken) {
        Span span = new Span(m.start(), m.end());
        if (!free(taken, span)) {
            return;
        }
        if (kind == VitalKind.WEIGHT && changeOfWeight(text, m.start())) {
            return;
        }
        double value = Double.parseDouble(m.group(1).replace(',', '.'));
        String unit = m.groupCount() >= 2 && m.group(2) != null ? m.group(2).toLowerCase(Locale.ROOT).replace(" ", "") : "";
        if (kind == VitalKind.TEMPERATURE) {
            if (unit.endsWith("f") || unit.isEmpty() && value >= 90 && value <= 110) {
                // "T 98.9": a body temperature between 90 and 110 can only be in degrees Fahrenheit
                value = Math.round((value - 32) * 5 / 9 * 10) / 10.0;
            } else if (unit.isEmpty() && (value < 25 || value > 45)) {
                return;
            }
        }
        if (kind == VitalKind.HEIGHT && (unit.equals("m") || unit.equals("mts") || unit.equals("metros")
                || (unit.isEmpty() && value < 3))) {
            value = Math.round(value * 1000) / 10.0;
        }
        if (kind == VitalKind.WEIGHT && unit.startsWith("lb")) {
            value = Math.round(value * 0.45359237 * 10) / 10.0;
        }
        out.add(new Vital(kind, value, kind.unit(), span.of(text), span, flag(kind, value)));
        taken.add(span);
    }

    private static void feetAndInches(String text, Matcher m, List<Vital> out, List<Span> taken) {
        Span span = new Span(m.start(), m.end());
        if (!free(taken, span)) {
            return;
        }
        int inches = Integer.parseInt(m.group(1)) * 12 + (m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
        double cm = Math.round(inches * 2.54 * 10) / 10.0;
        out.add(new Vital(VitalKind.HEIGHT, cm, VitalKind.HEIGHT.unit(), span.of(text), span, flag(VitalKind.HEIGHT, cm)));
        taken.add(span);
    }

    /** "pérdida de peso de 5 kg" is a change, not a weight. */
    private static boolean changeOfWeight(String text, int labelStart) {
        String before = com.mediassist.core.text.TextFold.fold(text.substring(Math.max(0, labelStart - 14), labelStart));
        int cut = Math.max(before.lastIndexOf('\n'), Math.max(before.lastIndexOf('.'), before.lastIndexOf(',')));
        before = before.substring(cut + 1);
        return before.contains("perdida") || before.contains("aumento") || before.contains("ganancia")
                || before.contains("loss") || before.contains("gain") || before.contains("bajada");
    }

    /** Plausibility of an adult value in the kind's unit. */
    public static VitalFlag flag(VitalKind kind, double v) {
        double[] r = switch (kind) {
            // implausible below, usual low, usual high (exclusive), implausible above
            case SYSTOLIC -> new double[] {50, 90, 140, 300};
            case DIASTOLIC -> new double[] {20, 60, 90, 200};
            case HEART_RATE -> new double[] {20, 50, 101, 300};
            case TEMPERATURE -> new double[] {30, 35, 37.8, 45};
            case SPO2 -> new double[] {50, 94, 101, 100};
            case RESPIRATORY_RATE -> new double[] {4, 12, 21, 80};
            case WEIGHT -> new double[] {1, 1, 400, 400};
            case HEIGHT -> new double[] {40, 40, 250, 250};
            case BMI -> new double[] {10, 18.5, 30, 80};
        };
        if (v < r[0] || v > r[3]) {
            return VitalFlag.IMPLAUSIBLE;
        }
        if (v < r[1] || v >= r[2]) {
            return VitalFlag.OUT_OF_RANGE;
        }
        return VitalFlag.NORMAL;
    }
}
