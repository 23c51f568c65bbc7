package com.mediassist.core.summary;

import java.util.regex.Pattern;

/**
 * Whether a medicine named in a note is one the patient takes, so that it may answer the DDXPlus "do you take…"
 * evidences (README {@code medicationEvidences}: "a medicine the patient already takes, not one newly prescribed").
 * Sections headed as a plan are handled by the caller; this reads the words of the medicine's own sentence, for the
 * notes that prescribe, stop or give a medicine without a heading:
 * <ul>
 *   <li>prescribed or started now ("se pauta ibuprofeno", "Start naproxen", "Discharge medications: apixaban",
 *       "Advised GP to trial beclometasone"), unless the start is dated in the past ("started on amlodipine 2 years
 *       ago");</li>
 *   <li>a course written with its length and no verb of taking ("Naproxen 500mg BD 7/7", "ibuprofen 400mg TDS x5d");</li>
 *   <li>stopped ("dejó la furosemida", "Stopped ibuprofen", "no longer taking", "Symbicort … (admits not taking
 *       it)");</li>
 *   <li>used long ago ("used Flonase last spring", "tomó Xarelto hasta 2022"), while a recent use still counts
 *       ("tomó amoxicilina la semana pasada");</li>
 *   <li>a single dose given into a vein or muscle in the clinic ("Enantyum 50 mg im").</li>
 * </ul>
 */
final class MedicationUse {

    /** How far a clause reaches from the medicine when the note has no punctuation (dictation, run-on text). */
    static final int REACH = 60;
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    /** A prescription or start made in this consultation, written before the medicine. */
    private static final Pattern STARTED = Pattern.compile("(?<![\\p{L}])(?:(?:se\\s)?paut(?:a|o|amos|ar|ó|an)|"
            + "(?:se\\s)?inici(?:a|o|ó|ar|amos|an)|comenz(?:ar|amos)|empez(?:ar|amos)|prescrib(?:o|e|imos|ir)|"
            + "(?:se\\s)?recet(?:a|o|amos|ar)|(?:le\\s|se\\s)?indic(?:o|a|amos)|(?:se\\s)?a[nñ]ad(?:e|o|imos|ir)|al alta|"
            + "start(?:ed|ing|s)?|commenc(?:e|ed|ing)|trial(?: of)?|prescribed|prescribe|issued|rx|"
            + "discharge (?:medications?|meds)|sent home (?:with|on)|switch(?:ed)? to|cambi(?:o|ó|amos|ar) a|"
            + "(?:se\\s)?cambia a|will (?:start|begin|add)|add(?:ed)?|begin|began)(?![\\p{L}])", FLAGS);
    /** A stop, written before the medicine. */
    private static final Pattern STOPPED_BEFORE = Pattern.compile("(?<![\\p{L}])(?:dej(?:ó|o|a|aron)|ha dejado|"
            + "suspend(?:ió|io|e|er|ido|ida|emos)|(?:se\\s)?retir(?:a|ó|o|ar|ada|ado|amos)|antes tomaba|tomaba|"
            + "stop(?:ped|s|ping)?|discontinu(?:e|ed|ing)|came off|come off|(?:was|is|been) off|off|no longer|used to|"
            + "previously on|previamente|formerly|quit)(?![\\p{L}])", FLAGS);
    /** A stop or non-adherence, written after the medicine in its clause. */
    private static final Pattern STOPPED_AFTER = Pattern.compile("(?<![\\p{L}])(?:(?:admits\\s)?not taking|"
            + "(?:does not|doesn't|did not|didn't) (?:take|use)|no (?:lo|la|se lo|se la) (?:toma|usa|pone)|ya no|"
            + "(?:lo|la) dej[óo]|stopped|suspendid[oa]|discontinued|no longer)(?![\\p{L}])", FLAGS);
    /** A use dated long ago: seasons, years, months. */
    private static final Pattern LONG_AGO = Pattern.compile("(?<![\\p{L}])(?:last (?:spring|summer|autumn|fall|winter|"
            + "year|month)|(?:\\d{1,2}|a|one|two|three|several|many) (?:years?|months?|yrs?) ago|in (?:19|20)\\d\\d|"
            + "(?:until|till|hasta|en) (?:19|20)\\d\\d|(?<!desde )hace (?:\\d{1,2}|un|una|dos|tres|varios|unos|muchos) (?:a[nñ]os?|meses|mes)|"
            + "(?:el|la) (?:a[nñ]o|mes|primavera|verano|oto[nñ]o|invierno) pasad[oa]|the other year)(?![\\p{L}])", FLAGS);
    /** A past date of a start: "started on amlodipine 2 years ago", "desde 2019". */
    private static final Pattern DATED_START = Pattern.compile("(?<![\\p{L}])(?:ago|hace|since|desde|last (?:year|month)|"
            + "in (?:19|20)\\d\\d|en (?:19|20)\\d\\d)(?![\\p{L}])", FLAGS);
    /** The length of a course written after the medicine: "7/7", "x5d", "x 10 days", "durante 5 días", "for 5 days". */
    private static final Pattern COURSE = Pattern.compile("(?<![\\p{L}\\d])(?:\\d{1,2}/7|\\d{1,2}/52|x\\s?\\d{1,2}\\s?"
            + "(?:d|days?|d[ií]as|wks?|weeks?|semanas)|(?:durante|por|for)\\s(?:\\d{1,2}|un|una|dos|tres|cinco|siete|diez|"
            + "five|seven|ten|three)\\s(?:d[ií]as|days|semanas|weeks))(?![\\p{L}])", FLAGS);
    /** A verb or label of taking written before the medicine: then a course length is the one being taken. */
    private static final Pattern TAKING = Pattern.compile("(?<![\\p{L}])(?:toma|tomó|tomo|takes|took|taking|usa|usó|"
            + "uses|used|using|lleva|on|en tratamiento|tto|tratamiento habitual|medicaci[oó]n habitual|meds|"
            + "medications|dh|current|currently|completed|finished|termin[oó]|was on)(?![\\p{L}])", FLAGS);
    /** A dose given into a vein or muscle. */
    private static final Pattern GIVEN_ROUTE = Pattern.compile("(?iu)i\\.?v\\.?|e\\.?v\\.?|i\\.?m\\.?|intravenos[oa]|"
            + "intravenous|intramuscular");
    /** A frequency that repeats (a depot injection every three months is taken, a single dose in the clinic is not). */
    private static final Pattern ONCE = Pattern.compile("(?iu)stat|once|dosis [uú]nica|monodosis|single dose|x\\s?1|now|ahora");

    /** A dose given in the consultation, written before or after the medicine (fit9): "given in surgery", "se administra". */
    private static final Pattern GIVEN_NOW = Pattern.compile("(?<![\\p{L}])(?:given(?: (?:in|at) (?:surgery|clinic|the "
            + "surgery|the clinic|the practice|practice|ed|a&e|a ?& ?e|the department|triage|ooh)| here| stat| now| today)?|"
            + "administered|administrad[oa]|(?:se\\s)?(?:le\\s)?administr(?:a|ó|o|amos)|(?:se\\s)?le pone|puest[oa] en consulta|"
            + "en consulta|en urgencias)(?![\\p{L}])", FLAGS);

    private MedicationUse() {
    }

    /**
     * Whether this mention is of a medicine the patient takes (or took recently), as far as its own sentence says.
     *
     * @param medication the medicine as read
     * @param text       the whole note
     */
    static boolean taken(NoteMedication medication, String text) {
        int start = medication.span().start();
        int end = medication.span().end();
        String before = text.substring(clauseStart(text, start), start);
        String heading = headingBefore(text, start);
        String after = text.substring(end, clauseEnd(text, end));
        String sentence = before + medication.text() + after;
        if (STOPPED_BEFORE.matcher(before).find() || STOPPED_AFTER.matcher(after).find()) {
            return false;
        }
        boolean started = STARTED.matcher(before).find() || STARTED.matcher(heading).find();
        boolean datedStart = started && DATED_START.matcher(sentence).find();
        if (started && !datedStart || !datedStart && LONG_AGO.matcher(sentence).find()) {
            return false;
        }
        if (COURSE.matcher(medication.text() + after).find() && !TAKING.matcher(before).find()) {
            return false;
        }
        if (GIVEN_NOW.matcher(after).find() && !TAKING.matcher(before).find()) {
            return false;
        }
        return !(medication.route() != null && GIVEN_ROUTE.matcher(medication.route()).matches()
                && (medication.frequency() == null || ONCE.matcher(medication.frequency()).matches()));
    }

    /**
     * Whether the medicine's clause has a word of taking ("toma", "takes", "on", "uses") before it: a medicine written
     * after the examination without one is given or prescribed at this visit (fit9).
     */
    static boolean saidTaken(NoteMedication medication, String text) {
        int start = medication.span().start();
        return TAKING.matcher(text.substring(clauseStart(text, start), start)).find();
    }

    /** Start of the medicine's clause: the line start, or just after a full stop or semicolon, at most {@value #REACH} back. */
    private static int clauseStart(String text, int from) {
        for (int i = from - 1; i >= Math.max(0, from - REACH); i--) {
            char c = text.charAt(i);
            if (c == '\n' || c == ';' || c == '.' && i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1))) {
                return i + 1;
            }
        }
        return Math.max(0, from - REACH);
    }

    /** End of the medicine's clause: the line end, a full stop or a semicolon, at most {@value #REACH} on. */
    private static int clauseEnd(String text, int from) {
        int limit = Math.min(text.length(), from + REACH);
        for (int i = from; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == ';' || c == '.' && (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1)))) {
                return i;
            }
        }
        return limit;
    }

    /**
     * The heading of a list the medicine is an item of ("Tratamiento al alta:" on its own line above "- apixabán"),
     * or empty.
     */
    private static String headingBefore(String text, int from) {
        int lineStart = text.lastIndexOf('\n', Math.max(0, from - 1)) + 1;
        String line = text.substring(lineStart, from).strip();
        if (!(line.isEmpty() || line.startsWith("-") || line.startsWith("•") || line.startsWith("*")
                || line.matches("\\d{1,2}[.)].*"))) {
            return "";
        }
        int i = lineStart - 1;
        while (i > 0) {
            int prevStart = text.lastIndexOf('\n', i - 1) + 1;
            String prev = text.substring(prevStart, i).strip();
            if (prev.endsWith(":")) {
                return prev;
            }
            if (!(prev.startsWith("-") || prev.startsWith("•") || prev.startsWith("*") || prev.matches("\\d{1,2}[.)].*"))) {
                return "";
            }
            i = prevStart - 1;
        }
        return "";
    }
}
