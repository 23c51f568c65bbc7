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
                    + GAP + "(\\d{2,3})(?!\\d)\\s{0,2}/\\s{0,2}(\\d{1,3}(?:[.,]5)?)(?![\\d/])(?:\\s{0,2}(?:mm\\s?hg|cm\\s?hg))?", FLAGS);
    /**
     * A labelled reading written without a slash: "TA 138-84", "ta 150 90" (lowercase dictation), "BP 150 over 95",
     * "la tensión es de 148 68" (after number words are read). Kept only when it reads as a pressure.
     */
    private static final Pattern BP_LOOSE = Pattern.compile(
            "(?<![\\p{L}\\d])(?:TA|PA|BP|tensi[oó]n(?: arterial)?|presi[oó]n(?: arterial)?|blood pressure|pressure)(?![\\p{L}])"
                    + "[^\\d\\n]{0,12}?(\\d{2,3})(?:\\s{0,2}-\\s{0,2}|\\s{1,2}(?:over|sobre|con)\\s{1,2}|\\s{1,2})(\\d{2,3})"
                    + "(?![\\d/%]|[.,]\\d|\\s{0,2}(?:mg|kg|lb|cm|%|lpm|bpm|rpm|a[ñn]os|years|y/?o|s\\b|º|°))", FLAGS);
    /** Dictated maximum and minimum: "tensión de 130 de máxima y 80 de mínima". */
    private static final Pattern BP_MAX_MIN = Pattern.compile(
            "(?<![\\p{L}\\d])(?:TA|PA|tensi[oó]n(?: arterial)?|presi[oó]n(?: arterial)?)(?![\\p{L}])[^\\d\\n]{0,12}?(\\d{2,3})(?!\\d)"
                    + "\\s{0,2}(?:mmhg\\s{0,2})?de m[aá]xima,?\\s{1,2}(?:y\\s{1,2})?(\\d{2,3})(?!\\d)\\s{0,2}(?:mmhg\\s{0,2})?de m[ií]nima", FLAGS);
    /** Systolic or diastolic alone: "TAS 142, TAD 88", "SBP 88". */
    private static final Pattern SYSTOLIC_ALONE = Pattern.compile(
            "(?<![\\p{L}\\d])(?:TAS|PAS|SBP|sist[oó]lica|systolic)(?![\\p{L}])[^\\d\\n/]{0,8}?(\\d{2,3})(?![\\d/])", FLAGS);
    private static final Pattern DIASTOLIC_ALONE = Pattern.compile(
            "(?<![\\p{L}\\d])(?:TAD|PAD|DBP|diast[oó]lica|diastolic)(?![\\p{L}])[^\\d\\n/]{0,8}?(\\d{2,3})(?![\\d/])", FLAGS);
    /** Another reading right after one, in the same sentence: "→ 140/90", ", brazo izdo 140/86", "(repeat 144/90)". */
    private static final Pattern BP_FOLLOW = Pattern.compile(
            "([^\\d\\n]{0,24}?)(\\d{2,3})(?!\\d)\\s{0,2}/\\s{0,2}(\\d{2,3})(?![\\d/])(?:\\s{0,2}mm\\s?hg)?", FLAGS);
    /** Another saturation right after one: "SatO2 89% basal, 94% con GN", "SpO2 88% on RA, 95% on 2L". */
    private static final Pattern SPO2_FOLLOW = Pattern.compile("([^\\d\\n]{0,24}?)(\\d{2,3})(?!\\d)\\s{0,2}%", FLAGS);
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
            "(?<![\\p{L}\\d])(?:FC|HR|frecuencia card[ií]aca|heart rate|pulso|pulse|fc\\.|taquic[aá]rdic[oa] a|tachycardic (?:at|to)|apex(?: beat| rate)?|apical(?: pulse| rate)?)(?![\\p{L}])"
                    + GAP + "(\\d{2,3})(?!\\d)(?!s(?![\\p{L}]))(?:\\s{0,2}(?:lpm|bpm|l/min|lat/min|latidos(?: por minuto)?|/min|x'|x min))?", FLAGS);
    /** A lone "P" labels a pulse only with its number right after it ("BP 146/90, P 80"); "P:" heads a plan. */
    private static final Pattern HR_P = Pattern.compile("(?<![\\p{L}\\d])P(?![\\p{L}\\d])[ :=]{0,3}(\\d{2,3})(?!\\d|[.,/]\\d|\\s{0,2}(?:kg|kilos|lb|cm|m(?![\\p{L}])))", FLAGS);
    /** Weight and height under the one-letter labels of a vitals line: "P 85 kg, T 1,75 m". */
    private static final Pattern WEIGHT_P = Pattern.compile(
            "(?<![\\p{L}\\d])P[ :=.]{0,3}" + "(\\d{1,3}(?:[.,]\\d{1,2})?)(?![\\d.,]\\d|\\d)\\s{0,2}(kg|kgs|kilos)(?![\\p{L}])", FLAGS);
    private static final Pattern HEIGHT_T = Pattern.compile(
            "(?<![\\p{L}\\d])T[ :=.]{0,3}" + "(\\d{1,3}(?:[.,]\\d{1,2})?)(?![\\d.,]\\d|\\d)\\s{0,2}(m|cm)(?![\\p{L}])", FLAGS);
    private static final Pattern HR_BARE = Pattern.compile("(?<![\\d.,/])(\\d{2,3})(?!\\d)\\s{0,2}(?:lpm|bpm|latidos por minuto|beats per minute)(?![\\p{L}])", FLAGS);
    private static final Pattern TEMP = Pattern.compile(
            "(?<![\\p{L}\\d])(?:Tª|temp|temperatura|temperature|T|febril a|febrile (?:to|at|with T))(?![\\p{L}\\d])\\.?(?:\\s{0,2}(?:axilar|timpánica|timpanica|oral|rectal))?"
                    + "[^\\d\\n/]{0,6}?" + NUM + "(?:\\s{0,2}(º\\s?C|°\\s?C|ºC|°C|º|°|C|grados|F|°F|ºF)(?![\\p{L}]))?", FLAGS);
    private static final Pattern TEMP_BARE = Pattern.compile("(?<![\\d.,/])(\\d{2}(?:[.,]\\d)?)\\s{0,2}(º\\s?C|°\\s?C|º|°|grados(?: centígrados)?)", FLAGS);
    private static final Pattern SPO2 = Pattern.compile(
            "(?<![\\p{L}\\d])(?:Sat\\.?\\s?O2|SatO2|SpO2|SaO2|SO2|Sat|saturaci[oó]n(?: de O2| de ox[ií]geno| O2| basal)?|O2 sat|oxygen saturation|sats|pulse ox(?:imetry)?|saturando|satura|saturating)(?![\\p{L}])"
                    + GAP + "(\\d{2,3})(?!\\d)(?:\\s{0,2}%)?", FLAGS);
    /** "O2" alone labels a saturation only with a percentage: "O2 98% RA". */
    private static final Pattern SPO2_O2 = Pattern.compile("(?<![\\p{L}\\d])O2[ :]{0,3}(\\d{2,3})(?!\\d)\\s{0,2}%", FLAGS);
    private static final Pattern RR = Pattern.compile(
            "(?<![\\p{L}\\d])(?:FR|RR|frecuencia respiratoria|respiratory rate|resp rate|resps|resp)(?![\\p{L}])"
                    + GAP + "(\\d{1,2})(?!\\d)(?:\\s{0,2}(?:rpm|resp/min|/min|x'|respiraciones por minuto))?", FLAGS);
    private static final Pattern RR_BARE = Pattern.compile(
            "(?<![\\d.,/])(\\d{1,2})(?!\\d)\\s{0,2}(?:rpm|resp/min|respiraciones por minuto|breaths/min|breaths per minute)(?![\\p{L}])", FLAGS);
    /**
     * Between "peso"/"weight" and its number only punctuation or one linking word ("Peso: 70", "peso de 70",
     * "weight today 198 lb"), so "coger peso hace 3 días" and "weight bear 4 days" are no weights.
     */
    private static final String WEIGHT_FILLER =
            "[^\\d\\n\\p{L}]{0,6}?(?:(?:de|actual|hoy|of|is|was|today|now)[^\\d\\n\\p{L}]{1,4}?)?";
    private static final Pattern WEIGHT = Pattern.compile(
            "(?<![\\p{L}\\d])(?:peso|weight|wt|pesa|weighs|weighing)(?![\\p{L}])" + WEIGHT_FILLER + NUM + "(?:\\s{0,2}(kg|kilos|kgs|kilogramos|kilograms|lb|lbs|pounds|libras)(?![\\p{L}]))?", FLAGS);
    /** Infant weights in grams: "Peso 3.450 g", "peso 3250 g". */
    private static final Pattern WEIGHT_GRAMS = Pattern.compile(
            "(?<![\\p{L}\\d])(?:peso|weight|wt|pesa)(?![\\p{L}])" + WEIGHT_FILLER
                    + "(\\d\\.\\d{3}|\\d{3,4})(?![\\d.,])\\s{0,2}(?:g|gr|grs|gramos|grams)(?![\\p{L}])", FLAGS);
    /** UK weights in stones and pounds: "Wt 12 st 4 lb". */
    private static final Pattern WEIGHT_STONES = Pattern.compile(
            "(?<![\\p{L}\\d])(?:weight|wt)(?![\\p{L}])" + WEIGHT_FILLER
                    + "(\\d{1,2})\\s{0,2}(?:st|stone)(?![\\p{L}])(?:\\s{0,2}(\\d{1,2})\\s{0,2}(?:lb|lbs|pounds)(?![\\p{L}]))?", FLAGS);
    private static final Pattern HEIGHT = Pattern.compile(
            "(?<![\\p{L}\\d])(?:talla|altura|estatura|height|ht|mide)(?![\\p{L}])" + "[^\\d\\n]{0,10}?" + NUM + "(?:\\s{0,2}(cm|m|mts|metros)(?![\\p{L}]))?", FLAGS);
    /** Feet and inches ("Ht 5'4\"", "height 5 ft 5 in", "5' 11''"), read in centimetres. */
    private static final Pattern HEIGHT_IMPERIAL = Pattern.compile(
            "(?<![\\p{L}\\d])(?:height|ht|talla|altura|estatura|mide)(?![\\p{L}])[^\\d\\n]{0,10}?([4-7])\\s{0,2}(?:'|\u2019|\u2032|ft|feet|foot|pies)"
                    + "\\s{0,2}(?:(\\d{1,2})(?!\\d)\\s{0,2}(?:\"|\u201d|\u2033|''|in(?![\\p{L}])|inches)?)?", FLAGS);
    private static final Pattern BMI = Pattern.compile(
            "(?<![\\p{L}\\d])(?:IMC|BMI|índice de masa corporal|indice de masa corporal|body mass index)(?![\\p{L}])"
                    + "[^\\d\\n]{0,10}?" + NUM + "(?:\\s{0,2}kg\\s?/\\s?m\\s?(?:2|²))?", FLAGS);

    /** How a rule's match is read. */
    private enum Reading { PRESSURE, SYSTOLIC_ONLY, DIASTOLIC_ONLY, FEET_AND_INCHES, GRAMS, STONES, VALUE }

    /** A pattern, the vital it reads, how, and the folded words its matches start with (empty: a number). */
    private record Rule(Pattern pattern, VitalKind kind, Reading reading, Set<String> labels) {

        Rule(Pattern pattern, VitalKind kind, Set<String> labels) {
            this(pattern, kind, kind == VitalKind.SYSTOLIC ? Reading.PRESSURE : Reading.VALUE, labels);
        }
    }

    private static final Set<String> BP_LABELS = Set.of("ta", "pa", "bp", "tension", "presion", "blood", "pressure");
    private static final Set<String> WEIGHT_LABELS = Set.of("peso", "weight", "wt", "pesa", "weighs", "weighing");

    /** In priority order: a reading claimed by an earlier rule is not read again by a later one. */
    private static final List<Rule> RULES = List.of(
            new Rule(BP, VitalKind.SYSTOLIC, Set.of("ta", "t", "tas", "pa", "bp", "tension", "presion", "blood")),
            new Rule(BP_MAX_MIN, VitalKind.SYSTOLIC, BP_LABELS),
            new Rule(BP_POSTURE, VitalKind.SYSTOLIC, Set.of("de", "sentado", "sentada", "tumbado", "tumbada", "en", "decubito",
                    "bipedestacion", "standing", "sitting", "supine", "lying")),
            new Rule(BP_REPEAT, VitalKind.SYSTOLIC, Set.of("repeat", "repeated", "recheck", "rechecked", "repetida",
                    "repetido", "repite", "y", "and", "then", "luego")),
            new Rule(BP_BARE, VitalKind.SYSTOLIC, Set.of()),
            new Rule(BP_LOOSE, VitalKind.SYSTOLIC, BP_LABELS),
            new Rule(SYSTOLIC_ALONE, VitalKind.SYSTOLIC, Reading.SYSTOLIC_ONLY,
                    Set.of("tas", "pas", "sbp", "sistolica", "systolic")),
            new Rule(DIASTOLIC_ALONE, VitalKind.DIASTOLIC, Reading.DIASTOLIC_ONLY,
                    Set.of("tad", "pad", "dbp", "diastolica", "diastolic")),
            new Rule(SPO2, VitalKind.SPO2, Set.of("sat", "sato2", "spo2", "sao2", "so2", "saturacion", "o2", "oxygen", "sats", "pulse",
                    "saturando", "satura", "saturating")),
            new Rule(SPO2_O2, VitalKind.SPO2, Set.of("o2")),
            new Rule(RR, VitalKind.RESPIRATORY_RATE, Set.of("fr", "rr", "frecuencia", "respiratory", "resp", "resps")),
            new Rule(RR_BARE, VitalKind.RESPIRATORY_RATE, Set.of()),
            new Rule(WEIGHT_P, VitalKind.WEIGHT, Set.of("p")),
            new Rule(HEIGHT_T, VitalKind.HEIGHT, Set.of("t")),
            new Rule(HR, VitalKind.HEART_RATE, Set.of("fc", "hr", "frecuencia", "heart", "pulso", "pulse", "apex", "apical", "taquicardico",
                    "taquicardica", "tachycardic")),
            new Rule(HR_P, VitalKind.HEART_RATE, Set.of("p")),
            new Rule(HR_BARE, VitalKind.HEART_RATE, Set.of()),
            new Rule(BMI, VitalKind.BMI, Set.of("imc", "bmi", "indice", "body")),
            new Rule(WEIGHT_GRAMS, VitalKind.WEIGHT, Reading.GRAMS, WEIGHT_LABELS),
            new Rule(WEIGHT_STONES, VitalKind.WEIGHT, Reading.STONES, WEIGHT_LABELS),
            new Rule(WEIGHT, VitalKind.WEIGHT, WEIGHT_LABELS),
            new Rule(HEIGHT_IMPERIAL, VitalKind.HEIGHT, Reading.FEET_AND_INCHES,
                    Set.of("talla", "altura", "estatura", "height", "ht", "mide")),
            new Rule(HEIGHT, VitalKind.HEIGHT, Set.of("talla", "altura", "estatura", "height", "ht", "mide")),
            new Rule(TEMP, VitalKind.TEMPERATURE, Set.of("t", "tª", "temp", "temperatura", "temperature", "febril", "febrile")),
            new Rule(TEMP_BARE, VitalKind.TEMPERATURE, Set.of()));

    /**
     * Words just before a reading (or inside its label) that make it no reading taken now: home and
     * ambulatory readings, targets, dry and birth weights.
     */
    private static final Pattern NOT_A_READING = Pattern.compile(
            "(?<![\\p{L}])(?:en casa|en domicilio|domicilio|domiciliari[ao]s?|home|at home|ampa|mapa|objetivo|target|goal|"
                    + "below|under|por debajo|menor(?: de| que)?|inferior a|dry|seco|birth|al nacer|ideal|usual|habitual|previo|"
                    + "pre-pregnancy|pregestacional)(?![\\p{L}])|<", FLAGS);
    /** The highest temperature reported, written between the label and its value. */
    private static final Pattern MAXIMUM = Pattern.compile(
            "(?<![\\p{L}])(?:m[aá]x(?:ima|imo)?|max(?:imum)?|hasta|pico|up to|peak|highest)(?![\\p{L}])", FLAGS);
    /** A patient's usual value named before a further reading: "SatO2 88% (basal 91%)". */
    private static final Pattern BASELINE = Pattern.compile(
            "(?<![\\p{L}])(?:basal|baseline|habitual|usual|previa|previous|normal)(?![\\p{L}])", FLAGS);
    /** The same, right after a reading: "TA 150/90 en casa", "150/90 at home". */
    private static final Pattern NOT_A_READING_AFTER = Pattern.compile(
            "^[^\\n.;]{0,6}?(?<![\\p{L}])(?:en casa|en domicilio|at home|home|de media|domiciliaria|ampa|mapa)(?![\\p{L}])", FLAGS);

    /** Reads every vital sign of {@code text}, in text order. */
    public List<Vital> extract(String text) {
        return extract(text, Tokenizer.tokenize(text));
    }

    /**
     * Reads every vital sign of {@code text} given its tokens. Numbers dictated in words ("ciento cuarenta y
     * ocho", "one forty over ninety") are read as digits first; spans always point into {@code text}.
     */
    public List<Vital> extract(String text, List<Token> tokens) {
        if (!dictated(tokens)) {
            return read(text, tokens);
        }
        NumberWords.Digitised d = NumberWords.digitise(text);
        if (d.text().equals(text)) {
            return read(text, tokens);
        }
        List<Vital> out = new ArrayList<>();
        for (Vital v : read(d.text(), Tokenizer.tokenize(d.text()))) {
            Span s = d.original(v.span());
            out.add(new Vital(v.kind(), v.value(), v.unit(), s.of(text), s, v.flag()));
        }
        return out;
    }

    /** Words that head a vital sign, looked at to know whether a number after one may be dictated in words. */
    private static final Set<String> HEADS = Set.of("ta", "pa", "bp", "tension", "presion", "pressure", "fc", "hr",
            "frecuencia", "rate", "pulso", "pulse", "sat", "sats", "saturacion", "saturando", "satura", "saturating", "spo2",
            "sato2", "temperatura", "temperature", "temp", "t", "tª", "peso", "pesa", "weight", "weighs", "fr", "rr", "talla",
            "height");

    /** A vital sign's label followed, within four words of its clause, by a number word: only then are number words read. */
    private static boolean dictated(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!HEADS.contains(tokens.get(i).folded())) {
                continue;
            }
            for (int j = i + 1; j < Math.min(tokens.size(), i + 5) && tokens.get(j).isWord(); j++) {
                if (NumberWords.isNumberWord(tokens.get(j).folded())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Each pattern is tried only where a word it can start with (or, for bare readings, a number) starts,
     * anchored there, so the cost is linear in the text and small for ordinary notes.
     */
    private static List<Vital> read(String text, List<Token> tokens) {
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
                if (!m.lookingAt() || !free(taken, new Span(m.start(), m.end())) || notTakenNow(text, m.start(), m.end())) {
                    continue;
                }
                switch (rule.reading()) {
                    case FEET_AND_INCHES -> feetAndInches(text, m, out, taken);
                    case PRESSURE -> bloodPressure(text, m, rule.pattern(), out, taken);
                    case SYSTOLIC_ONLY, DIASTOLIC_ONLY -> onePressure(text, m, rule.kind(), out, taken);
                    case GRAMS -> add(text, new Span(m.start(), m.end()), VitalKind.WEIGHT,
                            Math.round(Double.parseDouble(m.group(1).replace(".", "")) / 100.0) / 10.0, out, taken);
                    case STONES -> add(text, new Span(m.start(), m.end()), VitalKind.WEIGHT,
                            Math.round((Integer.parseInt(m.group(1)) * 14 + (m.group(2) == null ? 0 : Integer.parseInt(m.group(2))))
                                    * 0.45359237 * 10) / 10.0, out, taken);
                    case VALUE -> {
                        simple(text, m, rule.kind(), out, taken);
                        if (rule.kind() == VitalKind.SPO2) {
                            following(text, m.end(), out, taken);
                        }
                    }
                }
            }
        }
        out.sort(Comparator.comparingInt((Vital v) -> v.span().start()).thenComparing(v -> v.kind().ordinal()));
        return out;
    }

    /** A home or ambulatory reading, a target or a dry/birth weight: the words before it in its clause, or right after. */
    private static boolean notTakenNow(String text, int start, int end) {
        int from = Math.max(0, start - 24);
        String before = text.substring(from, start);
        int cut = -1;
        for (int i = 0; i < before.length(); i++) {
            char c = before.charAt(i);
            if (c == '\n' || c == ';' || c == ',' || c == '|' || c == '.' && (i + 1 == before.length() || before.charAt(i + 1) == ' ')) {
                cut = i;
            }
        }
        String around = before.substring(cut + 1) + text.substring(start, end);
        if (NOT_A_READING.matcher(around).find()) {
            return true;
        }
        return NOT_A_READING_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 24))).find();
    }

    private static boolean free(List<Span> taken, Span s) {
        for (Span t : taken) {
            if (t.overlaps(s)) {
                return false;
            }
        }
        return true;
    }

    private static void bloodPressure(String text, Matcher m, Pattern pattern, List<Vital> out, List<Span> taken) {
        double sys = Double.parseDouble(m.group(1));
        double dia = Double.parseDouble(m.group(2).replace(',', '.'));
        boolean labelled = pattern == BP || pattern == BP_LOOSE || pattern == BP_MAX_MIN;
        if (labelled && sys >= 7 && sys <= 26 && dia >= 4 && dia <= 16 && sys > dia && !m.group(2).startsWith("0")) {
            // "PA 14/8": the Spanish shorthand in centimetres of mercury
            sys *= 10;
            dia *= 10;
        } else if (dia < 20 || dia != Math.rint(dia)) {
            return;
        }
        if (pattern == BP_LOOSE && !(sys > dia && sys >= 60 && sys <= 260 && dia >= 30 && dia <= 160)) {
            return;
        }
        pressure(text, new Span(m.start(), m.end()), sys, dia, out, taken);
        if (labelled || pattern == BP_POSTURE || pattern == BP_REPEAT) {
            following(text, m.end(), out, taken);
        }
    }

    private static void pressure(String text, Span span, double sys, double dia, List<Vital> out, List<Span> taken) {
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

    /**
     * Further readings of the same sign right after one, in the same sentence and with no number between
     * ("TA 150/95 → 140/90", "BP 124/78 R arm, 120/76 L arm", "SpO2 88% on RA, 95% on 2L"): pressures that read
     * as pressures, saturations from 50 to 100 %.
     */
    private static void following(String text, int from, List<Vital> out, List<Span> taken) {
        boolean pressure = !out.isEmpty() && out.get(out.size() - 1).kind() == VitalKind.DIASTOLIC;
        Matcher f = (pressure ? BP_FOLLOW : SPO2_FOLLOW).matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int at = from;
        while (at < text.length()) {
            f.region(at, Math.min(text.length(), at + MAX_READING));
            if (!f.lookingAt()) {
                return;
            }
            String gap = f.group(1);
            if (gap.matches("(?s).*(?:\\.\\s|\\.$|:).*") || NOT_A_READING.matcher(gap).find() || BASELINE.matcher(gap).find()) {
                return;
            }
            Span span = new Span(f.start(2), f.end());
            if (!free(taken, span)) {
                return;
            }
            double first = Double.parseDouble(f.group(2));
            if (pressure) {
                double dia = Double.parseDouble(f.group(3));
                if (!(first > dia && first >= 60 && first <= 260 && dia >= 30 && dia <= 160)) {
                    return;
                }
                pressure(text, span, first, dia, out, taken);
            } else {
                if (first < 50 || first > 100) {
                    return;
                }
                add(text, span, VitalKind.SPO2, first, out, taken);
            }
            at = f.end();
        }
    }

    private static void onePressure(String text, Matcher m, VitalKind kind, List<Vital> out, List<Span> taken) {
        double v = Double.parseDouble(m.group(1));
        if (kind == VitalKind.SYSTOLIC ? v >= 50 && v <= 300 : v >= 20 && v <= 200) {
            add(text, new Span(m.start(), m.end()), kind, v, out, taken);
        }
    }

    private static void add(String text, Span span, VitalKind kind, double value, List<Vital> out, List<Span> taken) {
        out.add(new Vital(kind, value, kind.unit(), span.of(text), span, flag(kind, value)));
        taken.add(span);
    }

    private static void simple(String text, Matcher m, VitalKind kind, List<Vital> out, List<Span> taken) {
        Span span = new Span(m.start(), m.end());
        if (kind == VitalKind.WEIGHT && changeOfWeight(text, m.start())) {
            return;
        }
        double value = Double.parseDouble(m.group(1).replace(',', '.'));
        String unit = m.groupCount() >= 2 && m.group(2) != null ? m.group(2).toLowerCase(Locale.ROOT).replace(" ", "") : "";
        if (kind == VitalKind.TEMPERATURE) {
            if (MAXIMUM.matcher(span.of(text)).find()) {
                return; // "T máx 38,8", "Temp up to 39.5": the highest the patient reports, not a reading
            }
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
        if (kind == VitalKind.WEIGHT && (unit.startsWith("lb") || unit.equals("pounds") || unit.equals("libras"))) {
            value = Math.round(value * 0.45359237 * 10) / 10.0;
        }
        add(text, span, kind, value, out, taken);
    }

    private static void feetAndInches(String text, Matcher m, List<Vital> out, List<Span> taken) {
        Span span = new Span(m.start(), m.end());
        int inches = Integer.parseInt(m.group(1)) * 12 + (m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
        double cm = Math.round(inches * 2.54 * 10) / 10.0;
        add(text, span, VitalKind.HEIGHT, cm, out, taken);
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
