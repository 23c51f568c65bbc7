package com.mediassist.core.deid;

import com.mediassist.core.knowledge.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * High-precision patterns for identifiers with a recognisable format: e-mail addresses, URLs,
 * phone numbers, Spanish DNI/NIE, numbers introduced by an ID label (NHC, NASS, MRN, SSN …),
 * numeric and written dates, ages over 89, and, in English, names after a title
 * ({@code Dr.}, {@code Mrs.}) or a {@code Name:} label, street addresses and facility names. They
 * complement the model: a pattern span is used only where the model found nothing.
 */
public final class DeidPatterns {

    private record Rule(Pattern pattern, PhiType type, int group) {
    }

    private static final String MONTHS_ES = "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre";
    private static final String MONTHS_EN = "January|February|March|April|May|June|July|August|September|October|November|December"
            + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";
    private static final String CAP = "\\p{Lu}[\\p{L}'’-]+";
    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final List<Rule> COMMON = List.of(
            new Rule(Pattern.compile("[\\p{L}0-9._%+-]+@[\\p{L}0-9.-]+\\.[\\p{L}]{2,}"), PhiType.CORREO_ELECTRONICO, 0),
            new Rule(Pattern.compile("(?:https?://|www\\.)[^\\s<>\"]+[^\\s<>\".,;:)]", CI), PhiType.URL_WEB, 0),
            new Rule(Pattern.compile("(?<![\\p{L}0-9])(?:\\d{8}[-\\s]?[A-HJ-NP-TV-Z]|[XYZ][-\\s]?\\d{7}[-\\s]?[A-HJ-NP-TV-Z])(?![\\p{L}0-9])"),
                    PhiType.ID_SUJETO_ASISTENCIA, 0),
            new Rule(Pattern.compile("(?<![\\p{L}0-9])(?:\\+\\d{1,3}[ .-]?)?\\(?\\d{2,4}\\)?(?:[ .-]\\d{2,4}){2,4}(?![\\p{L}0-9])"),
                    PhiType.NUMERO_TELEFONO, 0),
            new Rule(Pattern.compile("(?<![\\p{L}0-9])\\+?\\d{9,12}(?![\\p{L}0-9])"), PhiType.NUMERO_TELEFONO, 0),
            new Rule(Pattern.compile("(?<![\\p{L}0-9])(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})|\\d{4}-\\d{2}-\\d{2})(?![\\p{L}0-9])"),
                    PhiType.FECHAS, 0),
            new Rule(Pattern.compile("\\b(?:NHC|NASS|DNI|NIE|NIF|MRN|SSN|CIP|TSI|N[ºo°]\\s*(?:de\\s+)?(?:historia|HC|colegiado|afiliaci[oó]n)"
                    + "|historia(?:\\s+cl[ií]nica)?|medical record(?:\\s+number)?|record|chart|insurance|member id|license|colegiado|account)"
                    + "[ \\t]*(?:n[ºo°.]*|number|#|no\\.?|id)?[ \\t]*[:#]?[ \\t]*([A-Z]{0,4}[- ]?\\d[\\d \\t./-]{2,18}\\d[A-Z]?)", CI),
                    PhiType.ID_SUJETO_ASISTENCIA, 1),
            new Rule(Pattern.compile("(?<![\\p{L}0-9])(?:9\\d|1[0-1]\\d)\\s*(?:años|a\\.|years?(?:[-\\s]old)?|yo|y/o)", CI),
                    PhiType.EDAD_SUJETO_ASISTENCIA, 0));

    private static final List<Rule> SPANISH = List.of(
            new Rule(Pattern.compile("(?:Centro de Salud|C\\.\\s?S\\.|Consultorio(?: Local)?|Ambulatorio)(?:\\s+(?:de(?:l| la| los| las)?\\s+)?"
                    + "(?:" + CAP + "|\\d+))+"), PhiType.CENTRO_SALUD, 0),
            new Rule(Pattern.compile("(?<![\\p{L}0-9])(?:\\d{1,2}\\s+de\\s+)?(?:" + MONTHS_ES + ")(?:\\s+(?:de\\s+|del\\s+)?\\d{4})?(?![\\p{L}0-9])", CI),
                    PhiType.FECHAS, 0));

    private static final List<Rule> ENGLISH = List.of(
            new Rule(Pattern.compile("(?<![\\p{L}0-9])(?:(?:" + MONTHS_EN + ")\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}"
                    + "|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:" + MONTHS_EN + ")\\.?,?\\s+\\d{4}|(?:" + MONTHS_EN + ")\\.?\\s+\\d{4}"
                    + "|(?:" + MONTHS_EN + ")\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?)(?![\\p{L}0-9])"), PhiType.FECHAS, 0),
            new Rule(Pattern.compile("\\b(?:Dr|Dra|Mr|Mrs|Ms|Miss|Prof|Nurse)\\.?\\s+((?:" + CAP + ")(?:[ \\t]+(?:" + CAP + "|\\p{Lu}\\.))*)"),
                    PhiType.NOMBRE_PERSONAL_SANITARIO, 1),
            new Rule(Pattern.compile("(?im)^\\s*(?:patient(?:'s)?(?:\\s+name)?|name|full name|next of kin|emergency contact|contact"
                    + "|attending|physician|referring(?:\\s+physician)?|doctor|signed)[ \\t]*:[ \\t]*((?:" + CAP + ")(?:[ \\t]+(?:" + CAP + "|\\p{Lu}\\.))*)"),
                    PhiType.NOMBRE_SUJETO_ASISTENCIA, 1),
            new Rule(Pattern.compile("(?<![\\p{L}0-9])\\d{1,5}\\s+(?:" + CAP + "\\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln"
                    + "|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Square)\\b\\.?(?:,?\\s+(?:Apt|Apartment|Suite|Unit)\\.?\\s*#?\\w+)?"),
                    PhiType.CALLE, 0),
            new Rule(Pattern.compile("(?:(?:St\\.?|Saint|" + CAP + ")\\s+){1,4}(?:Hospital|Medical Center|Medical Centre|Clinic|Health Center"
                    + "|Infirmary|Memorial)\\b(?:\\s+of\\s+(?:" + CAP + ")(?:\\s+" + CAP + ")*)?"), PhiType.HOSPITAL, 0),
            new Rule(Pattern.compile("(?<![\\p{L}0-9])\\d{3}-\\d{2}-\\d{4}(?![\\p{L}0-9])"), PhiType.ID_ASEGURAMIENTO, 0),
            new Rule(Pattern.compile("\\b(?:" + CAP + ",\\s+)?(?:[A-Z]{2})\\s+\\d{5}(?:-\\d{4})?\\b"), PhiType.TERRITORIO, 0),
            new Rule(Pattern.compile("(?i)\\b\\d{1,3}(?:[-\\s](?:year|yr)s?[-\\s]old|\\s*(?:years?|yrs?)(?:\\s+old)?|\\s*y/?o)\\b"),
                    PhiType.EDAD_SUJETO_ASISTENCIA, 0),
            new Rule(Pattern.compile("(?im)^\\s*age\\s*:\\s*(\\d{1,3}(?:\\s*(?:years?|yrs?))?)"), PhiType.EDAD_SUJETO_ASISTENCIA, 1),
            new Rule(Pattern.compile("(?im)^\\s*sex\\s*:\\s*(\\p{L}+)"), PhiType.SEXO_SUJETO_ASISTENCIA, 1),
            new Rule(Pattern.compile("(?i)\\b(?:male|female|man|woman|boy|girl|gentleman|lady)\\b"), PhiType.SEXO_SUJETO_ASISTENCIA, 0),
            new Rule(Pattern.compile("(?i)\\b(?:mother|father|parents?|wife|husband|partner|son|daughter|brother|sister|siblings?"
                    + "|grand(?:mother|father|son|daughter|parents?)|aunt|uncle|cousin|niece|nephew|children|child's mother)\\b"),
                    PhiType.FAMILIARES_SUJETO_ASISTENCIA, 0),
            new Rule(Pattern.compile("(?i:patient|mother|father|son|daughter|wife|husband|brother|sister|granddaughter|grandson|caller)"
                    + "[ \\t]+(" + CAP + "(?:[ \\t]+" + CAP + ")+)"), PhiType.NOMBRE_SUJETO_ASISTENCIA, 1),
            new Rule(Pattern.compile("(?i:lives in|living in|from|moved from|resident of|born in|followed at \\S+ in|in)\\s+("
                    + CAP + "(?:\\s+" + CAP + ")?)(?=[,.;)]|\\s+(?:with|for|and|in|to|on|after|since)\\b|\\s*$)"), PhiType.TERRITORIO, 1),
            new Rule(Pattern.compile("(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Way|Place|Court)\\.?"
                    + "(?:,?\\s+(?:Apt|Apartment|Suite|Unit)\\.?\\s*#?\\w+)?,\\s+(" + CAP + "(?:\\s+" + CAP + ")?)"), PhiType.TERRITORIO, 1),
            new Rule(Pattern.compile("(?:" + CAP + "\\s+){1,4}(?:School|University|College|Academy|Institute|Company|Corporation"
                    + "|Inc\\.?|Ltd\\.?|Senior Living|Nursing Home|Care Home|Prison|Church)\\b"), PhiType.INSTITUCION, 0),
            new Rule(Pattern.compile("(?i)\\b(?:nurse|teacher|electrician|plumber|carpenter|mechanic|engineer|accountant|lawyer|attorney"
                    + "|farmer|miner|firefighter|police officer|soldier|pilot|(?:truck |bus |taxi )?driver|cashier|waiter|waitress|chef|cook"
                    + "|builder|construction worker|welder|painter|cleaner|janitor|security guard|fisherman|student|professor"
                    + "|pharmacist|dentist|veterinarian|secretary|salesman|saleswoman|hairdresser|baker|butcher|tailor|banker"
                    + "|programmer|software developer|journalist|musician|athlete|(?:professional )?(?:football|soccer|hockey) player)\\b"),
                    PhiType.PROFESION, 0),
            new Rule(Pattern.compile("(?i)\\b(?:works as an?|worked as an?|employed as an?|occupation:?)\\s+([\\p{L} -]{3,40}?)(?=[,.;)]|\\s+(?:at|in|for)\\b)"),
                    PhiType.PROFESION, 1));

    private DeidPatterns() {
    }

    /** The pattern spans in {@code text} for {@code language}, in order of start, overlapping ones included. */
    public static List<PhiSpan> find(String text, Language language) {
        List<PhiSpan> out = new ArrayList<>();
        apply(COMMON, text, out);
        apply(language == Language.EN ? ENGLISH : SPANISH, text, out);
        out.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
        return out;
    }

    private static void apply(List<Rule> rules, String text, List<PhiSpan> out) {
        for (Rule r : rules) {
            Matcher m = r.pattern().matcher(text);
            while (m.find()) {
                int s = m.start(r.group());
                int e = m.end(r.group());
                // An identifier never runs across a line break ("John Whitaker\nMRN").
                int nl = s < 0 ? -1 : text.indexOf('\n', s);
                if (nl >= 0 && nl < e) {
                    e = nl;
                }
                while (e > s && s >= 0 && Character.isWhitespace(text.charAt(e - 1))) {
                    e--;
                }
                if (s >= 0 && e > s) {
                    out.add(new PhiSpan(s, e, r.type(), PhiSpan.Source.PATTERN));
                }
            }
        }
    }
}
