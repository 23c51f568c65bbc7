package com.mediassist.core.summary;

import com.mediassist.core.knowledge.EvidenceCode;
import com.mediassist.core.summary.lexicon.LexiconEntry;
import com.mediassist.core.summary.lexicon.Tokenizer;
import com.mediassist.core.summary.sections.SectionDetector;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Past events read over the whole note once every finding has its status (issue 16, branch {@code past}), as
 * summary-gold-blind/README.md annotates them: surgery within the last weeks is {@code historical} E_196 ("10 days
 * after a laparoscopic cholecystectomy", "Artroscopia de rodilla hace 20 días") while an older procedure is no
 * finding; a birth history ("Born at 35 weeks") is {@code historical} E_160; an earlier episode named as such
 * ("similar episodes", "Episodio igual en 2023") is past history; asthma attacks counted over the past year are
 * {@code historical} E_46 and an admission told with them E_101 ("2 attacks this year, 1 admission in March"); a
 * symptom of this illness that ended on a given day ("Fever gone after day 3", "Vomited on Monday, none since") is
 * {@code historical}.
 * <p>
 * Before that, as each finding is made ({@link #revise(LexiconEntry, FindingStatus)}, branch {@code lay2}), the
 * evidences that are events of a period before the visit — asthma attacks in the past year (E_46), an admission for
 * asthma in the past year (E_101), surgery in the past month (E_196) — stated as having happened ("2 attacks this
 * year", "admitted with asthma in June", "12 days post knee replacement") are history, as every development hand
 * annotates them; denied, hypothetical or family statuses stay.
 */
final class PastEvents {

    /** Evidences that name an event before the visit rather than a current state. */
    private static final Set<String> EVENTS = Set.of("E_46", "E_101", "E_196");

    private static final String SURGERY = "E_196";
    private static final String PREMATURE = "E_160";
    private static final String ASTHMA_ATTACKS = "E_46";
    private static final String ASTHMA_ADMISSION = "E_101";
    private static final String FEVER = "E_91";

    /** Operations by name, folded ("laparoscopic cholecystectomy", "R total knee replacement", "intervenida de hernia"). */
    private static final Pattern PROCEDURE = Pattern.compile("\\b("
            + "(?:(?:laparoscopic|lap|open|robotic|total|partial|elective|r|l|right|left) ){0,3}"
            + "(?:(?:knee|hip|shoulder) )?(?:replacement|arthroplasty|arthroscopy)"
            + "|(?:(?:laparoscopic|lap|open|robotic|elective) )?(?:cholecystectomy|appendicectomy|appendectomy"
            + "|hysterectomy|colectomy|hemicolectomy|mastectomy|prostatectomy|nephrectomy|herniorrhaphy|hernia repair"
            + "|c-section|c section|caesarean section|caesarean|cesarean section|cesarean|lap chole|tonsillectomy"
            + "|bunionectomy|cystoscopy|turp|discectomy|laminectomy)"
            + "|(?:protesis|artroplastia|artroscopia)(?: total)?(?: de (?:rodilla|cadera|hombro))?"
            + "|(?:colecistectomia|apendicectomia|histerectomia|cesarea|mastectomia|prostatectomia|hemicolectomia"
            + "|herniorrafia|amigdalectomia|rtu|legrado)(?: laparoscopica| programada| urgente)?"
            + "|(?:intervenid[oa]|operad[oa]|operation|surgery|cirugia|intervencion|operacion)"
            + " (?:de|del|on|for) (?:(?:su|sus|la|el|los|las|his|her|the|a|an) )?[a-z]+(?: [a-z]+)?"
            + ")\\b");
    /** When an operation was, folded: a count of days or weeks and a word placing it before now. */
    private static final Pattern RECENT = Pattern.compile("\\b(?:hace )?(\\d{1,2}|a|one|two|three|four|five|six|ten|"
            + "twelve|fourteen|un|una|dos|tres|cuatro|cinco|seis|diez|doce|catorce|quince)[ -]?"
            + "(days?|d|wks?|weeks?|dias?|semanas?|/7|/52)\\b(?: (?:ago|post|after|prior|before|tras|despues))?");
    private static final Pattern RECENT_WORDS = Pattern.compile("\\b(last week|la semana pasada|a fortnight ago|"
            + "post-?op day|pod \\d|postoperatorio inmediato|yesterday|ayer|this week|esta semana)\\b");
    private static final Map<String, Integer> COUNTS = Map.ofEntries(Map.entry("a", 1), Map.entry("one", 1),
            Map.entry("un", 1), Map.entry("una", 1), Map.entry("two", 2), Map.entry("dos", 2), Map.entry("three", 3),
            Map.entry("tres", 3), Map.entry("four", 4), Map.entry("cuatro", 4), Map.entry("five", 5),
            Map.entry("cinco", 5), Map.entry("six", 6), Map.entry("seis", 6), Map.entry("ten", 10),
            Map.entry("diez", 10), Map.entry("twelve", 12), Map.entry("doce", 12), Map.entry("fourteen", 14),
            Map.entry("catorce", 14), Map.entry("quince", 15));
    /** Longest time after an operation that still answers "surgery within the last month", in days. */
    private static final int SURGERY_DAYS = 35;
    /** Characters between an operation and the words dating it, both ways. */
    private static final int DATE_REACH = 40;

    private static final Pattern EARLIER_EPISODE = Pattern.compile(
            "^(?:(?:similar|previous|prior|earlier) (?:episodes?|attacks?)|episodios? (?:similar|similares|igual|iguales"
                    + "|parecidos?|previos?))$");
    /** A year window or a count that places asthma attacks in the past year ("this year", "x3 in 12 months"). */
    private static final Pattern PAST_YEAR = Pattern.compile("\\b(this year|this yr|last year|last yr|past year|"
            + "last 12 months|past 12 months|este ano|el ultimo ano|el ano pasado|ultimos 12 meses|in (?:january|"
            + "february|march|april|may|june|july|august|september|october|november|december)|en (?:enero|febrero|"
            + "marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre))\\b");
    private static final Pattern ADMISSION = Pattern.compile("\\b((?:\\d|one|an?|un|una|uno)\\s+)?(admission|"
            + "admissions|admitted(?: to (?:hdu|icu|picu|hospital))?|hospitalised|hospitalized|ingreso|ingresos|"
            + "ingresad[oa](?: en (?:uci|uci pediatrica))?|hospitalizad[oa])\\b");
    /** "Fever gone after day 3", "Vomited on Monday, none since", "ya afebril": over on a given day. */
    private static final Pattern ENDED_AFTER = Pattern.compile(
            "^[^.;]{0,40}?\\b(?:gone|settled|resolved|stopped) (?:after|by|on|from) (?:day|dia) \\d|^[^.;]{0,40}?\\bnone since\\b");

    /**
     * Words after a finding, in its clause, that date it to an earlier time: a past pregnancy ("in her last
     * pregnancy", "en el segundo embarazo"), the first days of this illness ("los dos primeros días"), a calendar year
     * a few words on ("DVT in her right leg in 2020").
     */
    private static final Pattern DATED_AFTER = Pattern.compile("^[^,;:]{0,30}?\\b(?:(?:in|during) (?:her|a|the|his) "
            + "(?:last|previous|first|second|third|earlier) pregnanc(?:y|ies)|in previous pregnancies"
            + "|en (?:el|su|un) (?:primer|segundo|tercer|anterior|ultimo) embarazo|embarazos? (?:anterior|previos?)"
            + "|en embarazos previos|(?:los|las) (?:\\w+ )?primer[oa]s (?:dias|horas)|el primer dia"
            + "|(?:on|for) the first (?:\\w+ )?days?|(?:in|en) (?:19[5-9]\\d|20\\d\\d))\\b");

    private PastEvents() {
    }

    /**
     * Revises {@code findings} (in note order) of {@code text} in place and adds the recent operations and asthma
     * admissions it tells; {@code concepts} (the lexicon concept of each finding, {@code null} for none) is kept
     * parallel to {@code findings}.
     */
    static void revise(String text, List<NoteSection> sections, List<Finding> findings, List<String> concepts) {
        String folded = Tokenizer.foldSameLength(text).toLowerCase(Locale.ROOT);
        for (int k = 0; k < findings.size(); k++) {
            Finding f = findings.get(k);
            FindingStatus s = f.status();
            String code = f.evidence() == null ? null : f.evidence().evidence().value();
            String words = String.join(" ", Tokenizer.words(f.text()));
            if (s == FindingStatus.PRESENT && (PREMATURE.equals(code) || EARLIER_EPISODE.matcher(words).matches())) {
                s = FindingStatus.HISTORICAL;
            }
            int sentence = StatusRevisions.sentenceStart(folded, f.span().start());
            int sentenceEnd = StatusRevisions.sentenceEnd(folded, f.span().end());
            if (s == FindingStatus.PRESENT && (ASTHMA_ATTACKS.equals(code) || ASTHMA_ADMISSION.equals(code))
                    && PAST_YEAR.matcher(folded.substring(sentence, sentenceEnd)).find()) {
                s = FindingStatus.HISTORICAL;
            }
            if (s == FindingStatus.PRESENT || s == FindingStatus.DENIED && FEVER.equals(code)) {
                int next = k + 1 < findings.size() ? Math.max(f.span().end(), findings.get(k + 1).span().start())
                        : folded.length();
                String after = folded.substring(f.span().end(), Math.min(sentenceEnd, next));
                String clause = folded.substring(f.span().end(), Math.min(sentenceEnd, f.span().end() + DATE_REACH * 2));
                if (ENDED_AFTER.matcher(after).find() || s == FindingStatus.PRESENT && DATED_AFTER.matcher(clause).find()) {
                    s = FindingStatus.HISTORICAL;
                }
            }
            if (s != f.status()) {
                findings.set(k, new Finding(f.text(), f.span(), s, f.evidence(), f.values(), f.section(), f.typo()));
            }
        }
        addAdmissions(text, folded, findings, concepts);
        addRecentSurgery(text, folded, sections, findings, concepts);
    }

    /** "2 attacks this year, 1 admission in March": an admission told in the sentence of counted asthma attacks. */
    private static void addAdmissions(String text, String folded, List<Finding> findings, List<String> concepts) {
        for (int k = 0; k < findings.size(); k++) {
            Finding f = findings.get(k);
            if (f.status() != FindingStatus.HISTORICAL || f.evidence() == null
                    || !ASTHMA_ATTACKS.equals(f.evidence().evidence().value())) {
                continue;
            }
            int sentenceEnd = StatusRevisions.sentenceEnd(folded, f.span().end());
            Matcher m = ADMISSION.matcher(folded).region(f.span().end(), sentenceEnd);
            if (m.find()) {
                Span span = new Span(m.start(), m.end());
                if (findings.stream().noneMatch(g -> g.span().overlaps(span))) {
                    insert(findings, concepts, new Finding(span.of(text), span, FindingStatus.HISTORICAL,
                            com.mediassist.core.knowledge.Finding.of(EvidenceCode.of(ASTHMA_ADMISSION)), List.of(),
                            f.section(), false));
                }
            }
        }
    }

    /**
     * "Had a knee arthroscopy 3 weeks ago", "12 days post R total knee replacement", "Cesárea hace 15 días": an
     * operation dated within {@value #SURGERY_DAYS} days is {@code historical} E_196 (it replaces what the lexicon
     * read in its words, "hernia"); an operation not dated so is left as it was.
     */
    private static void addRecentSurgery(String text, String folded, List<NoteSection> sections,
                                         List<Finding> findings, List<String> concepts) {
        Matcher m = PROCEDURE.matcher(folded);
        while (m.find()) {
            Span span = new Span(m.start(), m.end());
            int sentence = StatusRevisions.sentenceStart(folded, m.start());
            int sentenceEnd = StatusRevisions.sentenceEnd(folded, m.end());
            int from = Math.max(sentence, m.start() - DATE_REACH);
            int to = Math.min(sentenceEnd, m.end() + DATE_REACH);
            if (!recent(folded.substring(from, to))) {
                continue;
            }
            boolean negated = false;
            for (int k = findings.size() - 1; k >= 0; k--) {
                Finding g = findings.get(k);
                if (g.span().overlaps(span)) {
                    negated |= g.status() == FindingStatus.DENIED || g.status() == FindingStatus.HYPOTHETICAL;
                    if (!negated) {
                        findings.remove(k);
                        concepts.remove(k);
                    }
                }
            }
            if (negated) {
                continue;
            }
            NoteSection section = SectionDetector.sectionAt(sections, span.start());
            insert(findings, concepts, new Finding(span.of(text), span, FindingStatus.HISTORICAL,
                    com.mediassist.core.knowledge.Finding.of(EvidenceCode.of(SURGERY)), List.of(),
                    section == null ? SectionKind.HISTORY_OF_PRESENT_ILLNESS : section.kind(), false));
        }
    }

    /** Whether the words near an operation date it within {@value #SURGERY_DAYS} days. */
    private static boolean recent(String near) {
        if (RECENT_WORDS.matcher(near).find()) {
            return true;
        }
        Matcher t = RECENT.matcher(near);
        while (t.find()) {
            String n = t.group(1);
            Integer count = n.chars().allMatch(Character::isDigit) ? Integer.valueOf(n) : COUNTS.get(n);
            if (count == null) {
                continue;
            }
            String unit = t.group(2);
            int days = unit.startsWith("d") || "/7".equals(unit) ? count : count * 7;
            if (days <= SURGERY_DAYS) {
                return true;
            }
        }
        return false;
    }

    private static void insert(List<Finding> findings, List<String> concepts, Finding f) {
        int at = 0;
        while (at < findings.size() && findings.get(at).span().start() < f.span().start()) {
            at++;
        }
        findings.add(at, f);
        concepts.add(at, null);
    }

    /** The status of a finding of {@code entry}: historical where it would be present and names a past event. */
    static FindingStatus revise(LexiconEntry entry, FindingStatus status) {
        if (status == FindingStatus.PRESENT && entry.evidence() != null
                && EVENTS.contains(entry.evidence().evidence().value())) {
            return FindingStatus.HISTORICAL;
        }
        return status;
    }
}
