package com.mediassist.core.summary;

import com.mediassist.core.knowledge.EvidenceCode;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One finding per mention (issue 16, branch span): the findings of a note read, revised where one mention came out
 * as two findings, or where words that only qualify, describe or place another finding came out as a finding of
 * their own. The rules follow the annotation conventions of the gold sets and, where those are silent, how most
 * hands annotate the construction:
 * <ul>
 *   <li>a time of day alone ("at night", "por la noche", "overnight") belongs to the finding of its clause; a stated
 *   aggravation ("worse at night") is left as read;</li>
 *   <li>"al toser"/"on coughing" after a pain, a relief ("mejora en reposo", "desaparece al tumbarse") and the meal
 *   before an allergic reaction when no food is named after it ("tras comer en un restaurante") are no findings of
 *   their own (the food eaten is the allergen, E_42, as the README writes);</li>
 *   <li>a cough with its sputum ("tos con expectoración verdosa", "coughing up rusty sputum"), a night waking with
 *   the symptom that wakes ("woken at night coughing"), breathlessness with its effort ("short of breath on minimal
 *   exertion"), a lone descriptive adjective before its finding ("painful mouth ulcers", "pleuritic chest pain"),
 *   pitting oedema ("edema con fóvea"), a flare of a named disease ("gout flare") and a relative who smokes with
 *   where ("Madre fumadora (fuma en el coche)") are one finding;</li>
 *   <li>a sibling's daycare is not the patient's, a single glass of wine is no alcohol finding, a lowercase "its"
 *   and the "Cap" of capillary refill are no abbreviations, and "non-tender" is a normal examination.</li>
 * </ul>
 */
final class MentionMerges {

    private static final String COUGH = "E_201";
    private static final Set<String> SPUTUM = Set.of("E_77", "E_45");
    private static final String DYSPNOEA = "E_66";
    private static final Set<String> EFFORT_EVIDENCES = Set.of("E_64", "E_218");
    private static final String ON_EXERTION = "E_64";
    private static final String NIGHT = "E_219";
    private static final String ON_COUGHING = "E_221";
    private static final String AFTER_EATING = "E_215";
    private static final Set<String> REST_OR_LYING = Set.of("E_218", "E_14", "E_217");
    private static final Set<String> QUALIFIER_EVIDENCES = Set.of("E_215", "E_217", "E_14", "E_218", "E_221", "E_219");
    private static final String OEDEMA = "E_151";
    private static final Set<String> SMOKE = Set.of("E_222", "E_79");
    private static final String SECONDHAND_SMOKE = "E_222";
    private static final String DAYCARE = "E_49";
    private static final String ALCOHOL = "E_78";
    private static final String FLARE = "E_72";

    private static final Pattern BARE_TIME = Pattern.compile(
            "(at night|overnight|over night|at nighttime|during the night|por la noche|por las noches|de noche"
                    + "|en la noche|en las noches|durante la noche|nocturn[oa]s?|de madrugada|por la madrugada)");
    private static final Pattern AGGRAVATION_BEFORE = Pattern.compile(
            "(?iu).*\\b(worse|worsens?|worsening|more|peor|empeora\\w*|aumenta\\w*|m[a\u00e1]s)\\s*$");
    private static final Pattern STATED_AGGRAVATION = Pattern.compile(
            "(?iu).*\\b(worse|worsens?|increases?|peor|empeora\\w*|aumenta\\w*|agrava\\w*)\\b.*");
    private static final Pattern RELIEF_BEFORE = Pattern.compile(
            "(?iu).*\\b(mejora\\w*|mejor[ií]a|cede\\w*|alivia\\w*|desaparece\\w*|eases?|better|relieved|improves?"
                    + "|goes away|settles?)\\b[^.;,]{0,12}$");
    private static final Pattern EXERTION_OR_CHEST = Pattern.compile(
            "(?iu).*\\b(esfuerzos?|caminar|andar|subir|escaleras?|cuestas?|exertion\\w*|exercis\\w*|walking|stairs"
                    + "|uphill|angina\\w*|tor[aá]cic\\w*|chest|pecho|precordial\\w*|retroesternal)\\b.*");
    private static final Pattern ON_COUGHING_FORM = Pattern.compile("(?iu)(al|on|when|with|upon) (toser|coughing|cough)");
    private static final Pattern MEAL_FORM = Pattern.compile(
            "(?iu)(tras|despu[eé]s de|after) (comer|cenar|almorzar|eating|a meal|meals)");
    private static final Pattern ALLERGIC_REACTION = Pattern.compile(
            "(?iu).*\\b(habones|urticaria|hives|anafil\\w*|anaphyla\\w*|angioedema|reacci[oó]n|allergic|al[eé]rgic\\w*"
                    + "|welts)\\b.*");
    private static final Pattern WAKING = Pattern.compile(
            "(?iu)(woken|woke|wakes|waking|waken|awakens?|se despierta|le despierta|despierta)\\b.*");
    private static final Pattern WAKING_BEFORE = Pattern.compile(
            "(?isu).*?\\b((?:woken|woke(?: up)?|wakes(?: \\w+)?|waking(?: \\w+)?|se despierta|le despierta|despierta)\\s+)$");
    private static final Set<String> WAKING_LINKS = Set.of("with", "w/", "by", "at", "night", "up", "him", "her", "con",
            "por", "la", "noche", "de", "madrugada", "from");
    private static final Set<String> COUGH_SPUTUM_LINKS = Set.of("", "con", "with", "up", "up a", "up some", "up an");
    private static final Set<String> DYSPNOEA_LINKS = Set.of("", "on", "with", "when", "al", "con", "de", "a", "only when",
            "solo al", "cuando");
    private static final Set<String> MODIFIER_ADJECTIVES = Set.of("painful", "sore", "pleuritic", "itchy", "diabetic", "exertional", "dolorosa", "doloroso",
            "dolorosas", "dolorosos", "pleur\u00edtico", "pleur\u00edtica", "pleuritico", "pleuritica");
    private static final Pattern FLARE_FORM = Pattern.compile("(?iu)(flare|flare-up|exacerbation|reagudizaci[oó]n|brote)");
    private static final Pattern SIBLING = Pattern.compile(
            "(?iu).*\\b(herman[oa]s?|brothers?|sisters?|siblings?|primos?|primas?|cousins?)\\b.*");
    private static final Pattern SINGLE_GLASS = Pattern.compile(
            "(?iu)((una|un|a|one) )?(copa|copita|vaso|glass) (de |of )?(vino|wine)( tinto| blanco| red| white)?");
    private static final String COLOURED_SPUTUM = "E_77";
    private static final Pattern SPUTUM_WORD = Pattern.compile("(?u)(catarro|flemas?|mocos?|mucosidad|phlegm|sputum)\\b.*");
    private static final Set<String> POSTPOSED_ADJECTIVES = Set.of("diab\u00e9tica", "diab\u00e9tico", "diabetica",
            "diabetico", "diab\u00e9ticas", "diab\u00e9ticos");
    private static final Pattern VISIT_KIND_AFTER = Pattern.compile(
            "(?isu)\\s*(&\\s*\\p{L}+\\s+)?(annual\\s+)?(review|follow-up|follow up|f/u|check-up|clinic)\\b.*");
    private static final Pattern TRIGGER_START = Pattern.compile("(?iu)(al|a|con|tras|on|when|with|after|en)\\b.*");
    private static final Pattern SMOKES_OUTSIDE = Pattern.compile(
            "(?isu).*\\b(outside|outdoors|fuera|afuera|en la terraza|en el balc[o\u00f3]n|en la calle|in the garden"
                    + "|on the balcony|never (in|inside) the house|nunca (en casa|dentro))\\b.*");
    private static final Pattern POSSESSIVE_BEFORE = Pattern.compile("(?iu).*\\b(his|her|my|their|your|its|su|sus)\\s+$");
    private static final Pattern COORDINATION = Pattern.compile(
            "(?su).*\\b(and|y|e|or|o|u|ni|nor|but|pero|with|con|w/|woken|woke|wakes|waking|despierta)\\b.*");
    private static final Pattern STRESS = Pattern.compile(
            "(?u)\\s*((mostly|mainly|especially|particularly|sobre todo|sobretodo|especialmente|sobre todo)\\s*)?");
    private static final Pattern NORMAL_PREFIX = Pattern.compile("(?iu).*\\b(non|no)-\\s*$");

    private MentionMerges() {
    }

    /** Revises the findings in place (their order kept); {@code concepts} is kept parallel to them. */
    static void apply(String text, List<Finding> findings, List<String> concepts) {
        for (int i = 0; i < findings.size(); i++) {
            Finding b = findings.get(i);
            Finding a = i > 0 ? findings.get(i - 1) : null;
            Finding next = i + 1 < findings.size() ? findings.get(i + 1) : null;
            String bText = fold(b.text());
            String ev = code(b);
            if (NIGHT.equals(ev) && BARE_TIME.matcher(bText).matches() && next != null && next.evidence() != null
                    && WAKING_BEFORE.matcher(text.substring(Math.max(0, b.span().start() - 16), b.span().start())).matches()
                    && linkedByWaking(text, b, next)) {
                // "woken at night coughing", "se despierta por la noche tosiendo": one finding, the night waking's
                java.util.regex.Matcher w = WAKING_BEFORE.matcher(text.substring(Math.max(0, b.span().start() - 16),
                        b.span().start()));
                w.matches();
                Span span = new Span(Math.max(0, b.span().start() - 16) + w.start(1), next.span().end());
                findings.set(i, new Finding(span.of(text), span, next.status(), next.evidence(), next.values(),
                        b.section(), b.typo() || next.typo()));
                findings.remove(i + 1);
                concepts.remove(i + 1);
                continue;
            }
            if (NIGHT.equals(ev) && BARE_TIME.matcher(bText).matches()
                    && !AGGRAVATION_BEFORE.matcher(text.substring(Math.max(0, b.span().start() - 30), b.span().start())).matches()
                    && (a == null || !sameClause(text, a, b)) && next != null && next.evidence() != null
                    && sameClause(text, b, next) && !QUALIFIER_EVIDENCES.contains(code(next))) {
                // "llora por la noche con el dolor de oído": the night is the earache's
                findings.set(i, join(text, b, next, next));
                findings.remove(i + 1);
                concepts.remove(i + 1);
                continue;
            }
            if (drop(text, a, b, next, bText, ev)) {
                findings.remove(i);
                concepts.remove(i);
                i--;
                continue;
            }
            if (a == null || a.span().end() > b.span().start()) {
                continue;
            }
            String gap = text.substring(a.span().end(), b.span().start());
            String gapWords = fold(gap.replaceAll("[^\\p{L}/\\s-]", " ")).trim().replaceAll("\\s+", " ");
            boolean sameClause = !gap.matches("(?s).*[.;:\\n].*") && gap.length() <= 60;
            Finding merged = null;
            if ((COUGH.equals(code(a)) || SPUTUM.contains(code(a))) && (SPUTUM.contains(ev) || SPUTUM_WORD.matcher(bText).matches())
                    && !fold(a.text()).contains("productiv") && !gapWords.contains("productiv")
                    && !gap.contains(",") && (COUGH_SPUTUM_LINKS.contains(gapWords) && (!gapWords.isEmpty() || fold(a.text()).contains(" up"))
                    || gapWords.matches("up( \\p{L}+){0,2}|\\p{L}+ (con|with)")
                    || fold(a.text()).matches("cough(ed|ing)") && gapWords.matches("((a|an|some|bit|little|of|up) ?){1,4}")
                    || fold(a.text()).endsWith(" up") && gapWords.length() <= 4)) {
                Finding sputum = SPUTUM.contains(ev) ? b : new Finding(b.text(), b.span(), b.status(),
                        com.mediassist.core.knowledge.Finding.of(EvidenceCode.of(COLOURED_SPUTUM)), List.of(), b.section(),
                        b.typo());
                merged = join(text, a, b, sputum);
            } else if (DYSPNOEA.equals(code(a)) && !ev.isEmpty() && EFFORT_EVIDENCES.contains(ev)
                    && DYSPNOEA_LINKS.contains(gapWords) && !gap.contains(",")) {
                Finding withEffort = new Finding(b.text(), b.span(), b.status(),
                        com.mediassist.core.knowledge.Finding.of(EvidenceCode.of(ON_EXERTION)), a.values(), a.section(),
                        b.typo());
                merged = join(text, a, b, withEffort);
            } else if (MODIFIER_ADJECTIVES.contains(fold(a.text())) && !ev.isEmpty()
                    && gap.matches("(?iu)[\\s-]*(ish)?\\s*(\\p{L}+\\s+)?") && !qualifierGapCoordinated(gap)) {
                merged = join(text, a, b, b);
            } else if (POSTPOSED_ADJECTIVES.contains(bText) && gap.isBlank()) {
                // "polineuropatía diabética": the adjective names the kind of the finding before it
                merged = join(text, a, b, a);
            } else if (!ev.isEmpty() && ev.equals(code(a)) && QUALIFIER_EVIDENCES.contains(ev)
                    && gapWords.matches("y|and|e|o|or") && TRIGGER_START.matcher(a.text()).matches()
                    && TRIGGER_START.matcher(b.text()).matches()) {
                // "aumenta al toser y al coger peso": one aggravation with two triggers
                merged = join(text, a, b, a);
            } else if (WAKING.matcher(fold(a.text())).matches() && !ev.isEmpty() && sameClause && !gap.contains(",")
                    && (gapWords.isEmpty() || Set.of(gapWords.split(" ")).stream().allMatch(WAKING_LINKS::contains))) {
                merged = join(text, a, b, b);
            } else if (OEDEMA.equals(code(a)) && bText.matches("f[oó]vea.*") && Set.of("", "con", "with").contains(gapWords)) {
                merged = join(text, a, b, a);
            } else if (SECONDHAND_SMOKE.equals(code(a)) && !ev.isEmpty() && SMOKE.contains(ev) && sameClause
                    && gap.length() <= 6) {
                merged = join(text, a, b, a);
            } else if (FLARE_FORM.matcher(bText).matches() && gapWords.isEmpty()
                    && !FLARE.equals(code(a))) {
                merged = join(text, a, b, a);
            } else if (FLARE_FORM.matcher(fold(a.text())).matches() && Set.of("of", "de", "del").contains(gapWords)
                    && !FLARE.equals(ev)) {
                merged = join(text, a, b, b);
            } else if (NIGHT.equals(ev) && BARE_TIME.matcher(bText).matches() && sameClause && qualifierGap(gap)
                    && a.evidence() != null
                    && !AGGRAVATION_BEFORE.matcher(gap).matches() && !QUALIFIER_EVIDENCES.contains(code(a))) {
                merged = join(text, a, b, a);
            } else if (ON_COUGHING.equals(ev) && ON_COUGHING_FORM.matcher(bText).matches() && sameClause && a.evidence() != null
                    && !gap.contains(",") && qualifierGap(gap) && !STATED_AGGRAVATION.matcher(gap).matches()) {
                merged = join(text, a, b, a);
            }
            if (merged != null) {
                findings.set(i - 1, merged);
                findings.remove(i);
                concepts.remove(i);
                i--;
            }
        }
    }

    /** Whether {@code b} is no finding of its own (with no earlier finding of its clause to join). */
    private static boolean drop(String text, Finding a, Finding b, Finding next, String bText, String ev) {
        String sentence = sentence(text, b.span());
        String before = text.substring(Math.max(0, b.span().start() - 30), b.span().start());
        if (AFTER_EATING.equals(ev) && MEAL_FORM.matcher(bText).matches() && ALLERGIC_REACTION.matcher(sentence).matches()
                && text.substring(b.span().end()).matches("(?isu)\\s*([,.;:\\n(]|en |in |at |a las? ).*")) {
            // "tras comer marisco, habones": the meal before a reaction is the exposure's moment, not a symptom after meals
            return true;
        }
        if (!ev.isEmpty() && REST_OR_LYING.contains(ev) && (RELIEF_BEFORE.matcher(before).matches()
                || bText.matches("(?iu)(mejora|eases|better|relieved|improves|cede|desaparece)\\b.*"))
                && !EXERTION_OR_CHEST.matcher(sentence).matches() && a != null && sameSentence(text, a, b)) {
            // "mejora en reposo" in a back pain, "desaparece al tumbarse" in a hernia: a relief, not the evidence
            return true;
        }
        if ((DAYCARE.equals(ev) || bText.matches("guarder[i\u00ed]a|daycare|nursery")) && SIBLING.matcher(sentence).matches()) {
            // "su hermano va a la guardería": someone else's daycare
            return true;
        }
        if (!ev.isEmpty() && VISIT_KIND_AFTER.matcher(text.substring(b.span().end())).matches()
                && (b.span().start() < 3 || laterWithEvidence(b, ev, text))) {
            // "DM review. 59M, T2DM 8 yrs": the visit's kind, the condition is named again where the note states it
            return true;
        }
        if (SECONDHAND_SMOKE.equals(ev) && SMOKES_OUTSIDE.matcher(sentence.substring(
                Math.max(0, sentence.indexOf(b.text())))).matches()) {
            // "Dad smokes but outside", "el padre fuma en la terraza": no daily smoke where the patient breathes
            return true;
        }
        if (b.text().length() <= 4 && b.text().equals(b.text().toLowerCase(Locale.ROOT))
                && POSSESSIVE_BEFORE.matcher(text.substring(Math.max(0, b.span().start() - 7), b.span().start())).matches()) {
            // "pulling at his pad": a common noun, not the abbreviation written in capitals
            return true;
        }
        if (ALCOHOL.equals(ev) && SINGLE_GLASS.matcher(bText).matches()) {
            return true;
        }
        if (b.text().equals("its") || b.text().equalsIgnoreCase("cap")
                && text.substring(b.span().end()).matches("(?is)\\s*refill.*")) {
            return true;
        }
        return NORMAL_PREFIX.matcher(text.substring(Math.max(0, b.span().start() - 6), b.span().start())).matches()
                && bText.matches("(tender|distended|painful)")
                && text.substring(b.span().end()).matches("(?s)\\s*([,.;\\n].*)?");
    }

    /**
     * Whether the words between a finding and a qualifier let the qualifier be the finding's: no coordination or
     * other clause between them, and after a comma only words that stress it ("Itchy rash, mostly at night").
     */
    private static boolean qualifierGap(String gap) {
        String g = gap.toLowerCase(Locale.ROOT);
        if (COORDINATION.matcher(g).matches()) {
            return false;
        }
        int comma = g.lastIndexOf(',');
        return comma < 0 || STRESS.matcher(g.substring(comma + 1)).matches();
    }

    /** Chronic conditions a note names by abbreviation or name ("T2DM", "HTA", "EPOC", "asthma"). */
    private static final Pattern CHRONIC_CONDITION =
            Pattern.compile("(?u)\\b(T2DM|DM2?|diabetes|HTN|HTA|hypertension|COPD|EPOC|asthma|asma|CHF|ICC)\\b");

    /** Whether the note names a condition with the same evidence later than {@code b}, in another sentence. */
    private static boolean laterWithEvidence(Finding b, String ev, String text) {
        int stop = text.indexOf('.', b.span().end());
        return stop >= 0 && CHRONIC_CONDITION.matcher(text.substring(stop)).find() && !ev.isEmpty();
    }

    private static boolean linkedByWaking(String text, Finding b, Finding next) {
        if (b.span().end() > next.span().start()) {
            return false;
        }
        String gap = text.substring(b.span().end(), next.span().start()).toLowerCase(Locale.ROOT).trim();
        return gap.isEmpty() || !gap.matches("(?s).*[.;:,\\n].*")
                && Set.of(gap.split("\\s+")).stream().allMatch(WAKING_LINKS::contains);
    }

    private static boolean qualifierGapCoordinated(String gap) {
        return COORDINATION.matcher(gap.toLowerCase(Locale.ROOT)).matches();
    }

    private static boolean sameSentence(String text, Finding a, Finding b) {
        return a.span().end() <= b.span().start()
                && !text.substring(a.span().end(), b.span().start()).matches("(?s).*[.;\\n].*");
    }

    private static boolean sameClause(String text, Finding a, Finding b) {
        if (a.span().end() > b.span().start()) {
            return false;
        }
        String gap = text.substring(a.span().end(), b.span().start());
        return !gap.matches("(?s).*[.;:\\n].*") && gap.length() <= 60;
    }

    /** The sentence holding a span (up to the nearest full stop, semicolon or line break either side). */
    private static String sentence(String text, Span span) {
        int from = span.start();
        while (from > 0 && ".;\n".indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        int to = span.end();
        while (to < text.length() && ".;\n".indexOf(text.charAt(to)) < 0) {
            to++;
        }
        return text.substring(from, to);
    }

    /**
     * {@code a} and {@code b} as one finding over both spans, with the evidence of {@code kept}; what the other one
     * answered stays among its values (as {@link Qualifiers} keeps a merged qualifier's evidence), so the diagnosis
     * loses nothing the note said.
     */
    private static Finding join(String text, Finding a, Finding b, Finding kept) {
        Span span = new Span(a.span().start(), b.span().end());
        FindingStatus status = NonFindings.rank(a.status()) >= NonFindings.rank(b.status()) ? a.status() : b.status();
        List<com.mediassist.core.knowledge.Finding> values = new java.util.ArrayList<>(kept.values());
        for (Finding other : List.of(a, b)) {
            if (other == kept || other.span().equals(kept.span()) && other.evidence() == kept.evidence()) {
                continue;
            }
            if (other.evidence() != null && !other.evidence().equals(kept.evidence()) && !values.contains(other.evidence())) {
                values.add(other.evidence());
            }
            other.values().stream().filter(v -> !values.contains(v) && !v.equals(kept.evidence())).forEach(values::add);
        }
        return new Finding(span.of(text), span, status, kept.evidence(), values, a.section(), a.typo() || b.typo());
    }

    private static String code(Finding f) {
        return f == null || f.evidence() == null ? "" : f.evidence().evidence().value();
    }

    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT).trim();
    }
}
