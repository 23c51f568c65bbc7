package com.mediassist.core.summary;

import com.mediassist.core.summary.lexicon.Tokenizer;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Status constructions read over a whole sentence or note once every finding has its first status (issue 16,
 * third pass): spoken punctuation of dictated notes that ends a denial ("denies diarrhea period vomited twice"),
 * a symptom the patient had and no longer has ("Tuvo fiebre el primer día, ya no tiene fiebre": both mentions
 * {@code historical}, as summary-gold-blind/README.md decides), the SBAR background line ("B: HTA, DM2"),
 * childhood and teenage antecedents ("As a teenager she had asthma", "de pequeño tuvo neumonía"), a denial followed
 * by "but can't exclude" ({@code hypothetical}), current habits under a habits or social-history heading
 * ({@code present}, not past history) and "history of DVT" ({@code historical}).
 */
final class StatusRevisions {

    private static final Pattern SPOKEN_MARK = Pattern.compile(
            "\\b(comma|period|full stop|coma|punto)\\b");
    /** A spoken sentence end, not "last period", "el punto doloroso". */
    private static final Pattern SPOKEN_END = Pattern.compile(
            "(?<!\\b(?:last|her|my|his|menstrual|the|a|el|un|al|en|del|ese|este|cada))\\s"
                    + "(period|full stop|new paragraph|punto y seguido|punto y aparte|punto|nuevo parrafo)\\b");
    private static final Pattern NEGATION = Pattern.compile(
            "\\b(no|not|nor|denies|denied|deny|without|never|negative|sin|niega|niegan|ni|nunca|tampoco|negativo|"
                    + "negativa|ausencia)\\b|n't\\b");
    private static final Pattern NO_LONGER = Pattern.compile(
            "\\b(ya no|no longer|no more|not since|no ha vuelto|no volvio|has not|hasn't|hasnt|no mas)\\b");
    private static final Pattern SBAR_SITUATION = Pattern.compile("(?m)^\\s*(s|situation|situacion)\\s*:");
    private static final Pattern SBAR_BACKGROUND = Pattern.compile("(?m)^\\s*(b|background|antecedentes)\\s*:");
    private static final Pattern YOUTH = Pattern.compile(
            "\\b(as an? (teenager|teen|child|kid|adolescent|young (?:man|woman|adult)|baby|toddler)"
                    + "|in (?:his |her )?(childhood|infancy|adolescence|teens|teenage years|youth)"
                    + "|when (?:she|he|i|they) was (?:a )?(young|child|kid|teenager|little|small|baby)"
                    + "|de (adolescente|pequen[oa]|nin[oa]|joven|bebe|chic[oa])"
                    + "|en (?:la|su) (infancia|ninez|adolescencia|juventud)"
                    + "|cuando era (joven|nin[oa]|pequen[oa]|adolescente|bebe|chic[oa]))\\b");
    private static final Pattern NOW = Pattern.compile(
            "\\b(now|today|currently|presents|presenting|ahora|hoy|actualmente|acude|consulta)\\b");
    private static final Pattern CANT_EXCLUDE = Pattern.compile(
            "\\b(can ?not|can't|cant|could not|couldn't) (?:be )?(exclude|excluded|rule (?:it |this )?out|ruled out)\\b"
                    + "|\\bno (?:se )?(?:puede|pueda|podemos|se) (?:descartar|excluir|descarta)\\w*"
                    + "|\\bno se (?:descarta|excluye)\\b|\\bno puede (?:descartarse|excluirse)\\b");
    private static final Pattern HABITS_HEADING = Pattern.compile(
            "^(habitos( toxicos)?|social( history| hx)?|sh|toxicos|habitos de vida)$");
    private static final Pattern FORMER = Pattern.compile(
            "\\b(ex|former|formerly|previous|previously|quit|stopped|dejo|exfumador\\w*|ex-\\w+|hace \\d+ anos)\\b");
    private static final Pattern HISTORY_OF = Pattern.compile(
            "\\b(history of|hx of|hx|h/o|pmhx? (?:of|significant for)|antecedentes? (?:personales )?de|historia de)\\s+$");
    /** "Calentura de 38.5 anoche que cedió", "Headache resolved with ibuprofen", "(now abstinent 2 yrs)". */
    private static final Pattern RESOLVED_AFTER = Pattern.compile(
            "^[^,;:]{0,40}?\\b(que cedio|cedio|cedieron|ha cedido|se resolvio|resuelt[oa]s?|ya resuelt[oa]|remitio|"
                    + "resolved|has resolved|settled|subsided|now abstinent|abstinent|quit|stopped)\\b"
                    + "|^[^,;:]{0,40}?,\\s*(?:ya |now |since |all )?(resuelt[oa]s?|resolved|settled|cedid[oa]|cedio)\\b");
    /** "tingling gone", "el mareo ya se le fue": absent now. */
    private static final Pattern GONE_AFTER = Pattern.compile(
            "^\\s*(?:has |have |is |are |now |all |completely |ya |se le |se |le )*(gone|went away|desaparecido|desaparecio|fue|ido)\\b");
    private static final Pattern OWN_HISTORY = Pattern.compile("(history|historia) (of|de) ");
    private static final Pattern DURATION_BEFORE = Pattern.compile(
            "(\\d|\\b(day|days|week|weeks|wk|month|months|hour|hours|hr|year|years|long|short|brief|recent))[- ]?$");

    private StatusRevisions() {
    }

    /** Revises the statuses of {@code findings} (in note order) of {@code text} in place. */
    static void revise(String text, List<NoteSection> sections, List<Finding> findings) {
        String folded = Tokenizer.foldSameLength(text).toLowerCase(Locale.ROOT);
        boolean dictated = countMatches(SPOKEN_MARK, folded) >= 2;
        boolean sbar = SBAR_SITUATION.matcher(folded).find();
        for (int k = 0; k < findings.size(); k++) {
            Finding f = findings.get(k);
            int start = f.span().start();
            int sentence = sentenceStart(folded, start);
            FindingStatus s = f.status();
            if (s == FindingStatus.DENIED && dictated && spokenEndAfterDenial(folded, sentence, start)) {
                s = FindingStatus.PRESENT;
            }
            if ((s == FindingStatus.PRESENT || s == FindingStatus.DENIED) && couldNotExclude(folded, findings, k)) {
                s = FindingStatus.HYPOTHETICAL;
            }
            if (s == FindingStatus.PRESENT && sbar && onBackgroundLine(folded, start) && !habit(f)) {
                s = FindingStatus.HISTORICAL;
            }
            if (s == FindingStatus.PRESENT && youth(folded, sentence, start)) {
                s = FindingStatus.HISTORICAL;
            }
            if (s == FindingStatus.PRESENT) {
                String after = folded.substring(f.span().end(), Math.min(sentenceEnd(folded, f.span().end()),
                        k + 1 < findings.size() ? Math.max(f.span().end(), findings.get(k + 1).span().start())
                                : folded.length()));
                if (GONE_AFTER.matcher(after).find()) {
                    s = FindingStatus.DENIED;
                } else if (resolvedAfter(after)) {
                    s = FindingStatus.HISTORICAL;
                }
            }
            if (s == FindingStatus.PRESENT && historyOf(folded, sentence, start)) {
                s = FindingStatus.HISTORICAL;
            }
            if (s == FindingStatus.HISTORICAL && habitsSection(sections, start)
                    && !FORMER.matcher(folded.substring(Math.max(sentence, start - 30), f.span().end())).find()) {
                s = FindingStatus.PRESENT;
            }
            if (s != f.status()) {
                findings.set(k, with(f, s));
            }
        }
        hadAndNoLonger(folded, findings);
    }

    private static Finding with(Finding f, FindingStatus s) {
        return new Finding(f.text(), f.span(), s, f.evidence(), f.values(), f.section(), f.typo());
    }

    private static int countMatches(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static int sentenceStart(String folded, int at) {
        int i = at;
        while (i > 0) {
            char c = folded.charAt(i - 1);
            if (c == '.' && !(i < folded.length() && Character.isDigit(folded.charAt(i)) && i >= 2
                    && Character.isDigit(folded.charAt(i - 2))) || c == '\n' || c == ';' || c == '?' || c == '!') {
                break;
            }
            i--;
        }
        return i;
    }

    static int sentenceEnd(String folded, int at) {
        int i = at;
        while (i < folded.length()) {
            char c = folded.charAt(i);
            if (c == '.' && !(i + 1 < folded.length() && Character.isDigit(folded.charAt(i + 1)) && i > 0
                    && Character.isDigit(folded.charAt(i - 1))) || c == '\n' || c == ';' || c == '?' || c == '!') {
                break;
            }
            i++;
        }
        return i;
    }

    /** "denies diarrhea period vomited twice": a spoken full stop after the last negation before the finding. */
    private static boolean spokenEndAfterDenial(String folded, int sentence, int start) {
        String before = folded.substring(sentence, start);
        Matcher end = SPOKEN_END.matcher(before);
        int lastEnd = -1;
        while (end.find()) {
            lastEnd = end.end();
        }
        return lastEnd >= 0 && !NEGATION.matcher(before.substring(lastEnd)).find();
    }

    /**
     * "No signs of pneumonia on exam but can't exclude", "meningitis cannot be excluded": the finding just
     * before a "can't exclude" with no finding of its own after it, in the same sentence.
     */
    private static boolean couldNotExclude(String folded, List<Finding> findings, int k) {
        Finding f = findings.get(k);
        int end = sentenceEnd(folded, f.span().end());
        int nextStart = k + 1 < findings.size() ? findings.get(k + 1).span().start() : Integer.MAX_VALUE;
        String after = folded.substring(f.span().end(), Math.min(end, Math.max(f.span().end(), nextStart)));
        Matcher m = CANT_EXCLUDE.matcher(after);
        if (!m.find()) {
            return false;
        }
        // the cue must have no object of its own: the sentence, a comma or a pronoun follows it
        String rest = folded.substring(f.span().end() + m.end(), end).strip();
        return rest.isEmpty() || rest.startsWith(",") || rest.matches("^(it|this|that|out|lo|la|del todo)\\b.*")
                || nextStart >= end;
    }

    private static boolean onBackgroundLine(String folded, int start) {
        int line = folded.lastIndexOf('\n', start - 1) + 1;
        return SBAR_BACKGROUND.matcher(folded.substring(line, start)).lookingAt();
    }

    private static boolean habit(Finding f) {
        return f.evidence() != null && Objects.equals("E_79", f.evidence().evidence().value());
    }

    /** "As a teenager she had asthma. Now cough": the clause of the youth cue, before any "now/ahora". */
    private static boolean youth(String folded, int sentence, int start) {
        String before = folded.substring(sentence, start);
        Matcher y = YOUTH.matcher(before);
        int cue = -1;
        while (y.find()) {
            cue = y.end();
        }
        if (cue >= 0) {
            return !NOW.matcher(before.substring(cue)).find();
        }
        // "She had migraines as a teenager, now …": the cue just after the finding, in its clause
        int end = sentenceEnd(folded, start);
        String after = folded.substring(start, end);
        int comma = after.indexOf(',');
        String clause = comma < 0 ? after : after.substring(0, comma);
        return YOUTH.matcher(clause).find() && !NOW.matcher(clause).find();
    }

    /** A resolution word after the finding, in its clause, not negated ("Fever not resolved with paracetamol"). */
    private static boolean resolvedAfter(String after) {
        Matcher m = RESOLVED_AFTER.matcher(after);
        return m.find() && !NEGATION.matcher(after.substring(0, m.end())).find();
    }

    /** "History of DVT", "antecedente de TVP", not "a 3-day history of cough". */
    private static boolean historyOf(String folded, int sentence, int start) {
        String before = folded.substring(sentence, start);
        if (OWN_HISTORY.matcher(folded.substring(start)).lookingAt()) {
            // a lexicon form that holds the words itself ("history of DVT")
            before = before + folded.substring(start, folded.indexOf(' ', folded.indexOf(' ', start) + 1) + 1);
        }
        Matcher h = HISTORY_OF.matcher(before);
        if (!h.find()) {
            return false;
        }
        return !DURATION_BEFORE.matcher(before.substring(0, h.start()).stripTrailing()).find();
    }

    private static boolean habitsSection(List<NoteSection> sections, int start) {
        NoteSection s = com.mediassist.core.summary.sections.SectionDetector.sectionAt(sections, start);
        if (s == null || s.heading() == null || s.kind() != SectionKind.PAST_HISTORY) {
            return false;
        }
        String h = Tokenizer.foldSameLength(s.heading()).toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", " ").strip()
                .replaceAll("\\s+", " ");
        return HABITS_HEADING.matcher(h).matches();
    }

    /**
     * "Tuvo fiebre el primer día, ya no tiene fiebre", "Had a fever on day one, no longer has a fever": the symptom
     * of this illness is over; both mentions are {@code historical}.
     */
    private static void hadAndNoLonger(String folded, List<Finding> findings) {
        for (int k = 1; k < findings.size(); k++) {
            Finding later = findings.get(k);
            if (later.status() != FindingStatus.DENIED) {
                continue;
            }
            int sentence = sentenceStart(folded, later.span().start());
            for (int j = k - 1; j >= 0; j--) {
                Finding earlier = findings.get(j);
                if (earlier.span().start() < sentence) {
                    break;
                }
                if (earlier.status() != FindingStatus.PRESENT || !same(earlier, later)) {
                    continue;
                }
                String between = folded.substring(earlier.span().end(), later.span().start());
                if (NO_LONGER.matcher(between).find()) {
                    findings.set(j, with(earlier, FindingStatus.HISTORICAL));
                    findings.set(k, with(later, FindingStatus.HISTORICAL));
                }
                break;
            }
        }
    }

    private static boolean same(Finding a, Finding b) {
        if (a.evidence() != null && b.evidence() != null) {
            return a.evidence().evidence().equals(b.evidence().evidence());
        }
        return a.text().equalsIgnoreCase(b.text());
    }
}
