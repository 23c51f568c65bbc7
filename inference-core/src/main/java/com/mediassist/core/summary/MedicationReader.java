package com.mediassist.core.summary;

import com.mediassist.core.knowledge.Finding;

import com.mediassist.core.medication.Ingredient;
import com.mediassist.core.medication.IngredientKey;
import com.mediassist.core.medication.MedicationMention;
import com.mediassist.core.medication.MedicineDictionary;
import com.mediassist.core.summary.lexicon.EvidenceCatalog;
import com.mediassist.core.summary.lexicon.Token;
import com.mediassist.core.summary.lexicon.TsvResource;
import com.mediassist.core.summary.negation.ContextAnnotator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Medicines in a note: names through the shared {@link MedicineDictionary} (the same one the
 * medication-safety check uses), then dose, route and frequency from the words right after each
 * name ("paracetamol 1 g/8 h vo", "ibuprofeno 600 mg cada 8 horas", "omeprazol 20mg/24h").
 * The patterns run only on that short window, never on the whole note.
 */
final class MedicationReader {

    /** Characters after a name searched for dose, route and frequency. */
    private static final int WINDOW = 60;
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** One slot of a "1-0-1" schedule: a count of tablets, halves included ("1/2-0-0", "0-0-½"). */
    private static final String SLOT = "(?:\\d(?:/\\d)?|½|¼)";
    /** Hours between doses written in words: "cada ocho horas", "every twelve hours". */
    private static final String HOURS_IN_WORDS = "(?:una|dos|tres|cuatro|seis|ocho|doce|veinticuatro|two|three|four|six|eight|twelve|twenty-four)";
    /** One number word of a dose dictated in words ("cinco miligramos", "five hundred milligrams"). */
    private static final String NUMBER_WORD = "(?:un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|quince|veinte|"
            + "veinticinco|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|cien|ciento|doscientos|doscientas|trescientos|"
            + "cuatrocientos|quinientos|seiscientos|ochocientos|mil|medio|media|one|two|three|four|five|six|seven|eight|nine|ten|"
            + "twelve|fifteen|twenty|twenty-five|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|half)";
    private static final Pattern DOSE_IN_WORDS = Pattern.compile(
            "(?<![\\p{L}])(" + NUMBER_WORD + "(?:\\s(?:y\\s|and\\s|a\\s)?" + NUMBER_WORD + "){0,3}\\s"
                    + "(?:miligramos?|microgramos?|gramos?|mililitros?|milligrams?|micrograms?|grams?|millilit(?:re|er)s?|"
                    + "puffs?|inhalaciones|inhalaci[oó]n|comprimidos?|tablets?|c[aá]psulas?|capsules?|gotas|drops|sprays?|"
                    + "pulverizaciones|unidades|units|sobres?|sachets?|aplicaci[oó]n|aplicaciones|inhalations?))(?![\\p{L}])", FLAGS);
    private static final Pattern DOSE = Pattern.compile(
            "(?<![\\p{L}\\d])(\\d{1,4}(?:[.,]\\d{1,3})?(?:\\s?[/-]\\s?\\d{1,4}(?:[.,]\\d{1,3})?)?)\\s?"
                    + "(mg/ml|mg|miligramos|milligrams|microgramos|micrograms|gramos|gramo|grams|gram|gr|g|mcg|µg|ug|ml|ui|u\\.i\\.|iu|units|unidades|meq|mmol|comprimidos|comprimido|comp|cp|capsulas|cápsulas|capsula|cápsula|caps|cáps|"
                    + "sobres|sobre|sachets|sachet|ampoules|ampoule|vials|vial|amps|amp|puffs|puff|pastillas|pastilla|tabletas|tableta|"
                    + "cucharadas|cucharada|cucharaditas|cucharadita|teaspoons|teaspoon|tsp|tablespoons|tablespoon|tbsp|"
                    + "[oó]vulos|[oó]vulo|supositorios|supositorio|suppositories|suppository|pessaries|pessary|enemas|enema|"
                    + "patches|patch|caps|cap|inhalaciones|inhalacion|inhalación|inh|gotas|gota|drops|drop|sprays|spray|"
                    + "pulverizaciones|pulverizaci[oó]n|pulsaciones|pulsaci[oó]n|aplicaciones|aplicaci[oó]n|disparos|disparo|inhalations|inhalation|ampollas|ampolla|parches|parche|tablets|tablet|tabs|tab|%)"
                    // a dose per kilogram is one dose: "80 mg/kg/día", "0,15 mg/kg"
                    + "(?:/kg(?:/(?:d[ií]a|day|d))?)?"
                    // a patch's rate is its dose: "fentanilo 25 mcg/h", "25 mcg/hr"
                    + "(?:/h(?:r|ora)?(?![\\p{L}\\d]))?"
                    + "(?![\\p{L}])", FLAGS);
    /**
     * A bare strength right after the name ("ibuprofeno 600", "Fostair 100/6", "Lipitor 40."), when no
     * unit follows and the number is not a duration, a count of times or a weight.
     */
    private static final Pattern BARE_DOSE = Pattern.compile(
            "^\\s{1,2}(\\d{1,4}(?:[.,]\\d{1,3})?(?:/\\d{1,4}(?:[.,]\\d{1,3})?)?)(?![\\d\\p{L}%/]|[.,]\\d|-\\d{1,2}\\s?x)"
                    + "(?!\\s{0,2}(?:d[ií]as?|days?|semanas?|weeks?|wks?|meses|months?|a[nñ]os|years?|yrs?|horas?|hours?|hrs?|"
                    + "h|min|minutos|minutes|veces|times|x|kg|lb|lbs|kilos?|°|ºc?)(?![\\p{L}]))", FLAGS);
    private static final Pattern ROUTE = Pattern.compile(
            "(?<![\\p{L}])(v\\.o\\.|vo|vía oral|via oral|oral|p\\.o\\.|po|i\\.v\\.|iv|e\\.v\\.|ev|intravenos[oa]|i\\.m\\.|im|intramuscular|"
                    + "s\\.c\\.|sc|subcut[aá]ne[oa]|inhalad[oa]|inh|inhaled|t[oó]pic[oa]|topical|rectal|sublingual|sl|nasal|"
                    + "oft[aá]lmic[oa]|transd[eé]rmic[oa]|vaginal|odt|bucodispersable|neb|nebulizad[oa]|nebulizaci[oó]n|nebulised|nebulized|"
                    + "intranasal|by mouth|sq|subq|s/c|otic|[oó]tic[oa]s?|ophthalmic|transdermal|cut[aá]ne[oa]|per rectum|p\\.r\\.)(?![\\p{L}])", FLAGS);
    private static final Pattern FREQUENCY = Pattern.compile(
            "((?:(?<![\\p{L}])cada\\s{0,2}(?:\\d{1,2}|" + HOURS_IN_WORDS + ")(?:\\s?-\\s?\\d{1,2})?\\s{0,2}(?:horas|hora|hrs|hr|hs|h)(?![\\p{L}])|"
                    + "c/\\s{0,2}\\d{1,2}(?:\\s?-\\s?\\d{1,2})?\\s{0,2}(?:horas|hrs|hr|hs|h)(?![\\p{L}])|"
                    + "(?<![\\p{L}])cada\\s{0,2}\\d{1,2}\\s{0,2}(?:d[ií]as|semanas)(?![\\p{L}])|\\d\\s(?:d[ií]as\\s(?:a|por)\\sla\\ssemana|days\\sa\\sweek)|"
                    + "(?<!kg)/\\s?(?:d[ií]a|d)(?![\\p{L}])|el primer d[ií]a|"
                    + "(?<![\\p{L}])(?:c/|cada)\\s{0,2}\\d{1,2}\\s{0,2}(?:minutos|min)(?![\\p{L}])|(?<![\\p{L}\\d/])\\d\\s?/\\s?\\d{1,2}\\s?(?:horas|h)(?![\\p{L}])|"
                    + "/\\s{0,2}\\d{1,2}\\s{0,2}(?:horas|hrs|h)(?![\\p{L}])|(?<![\\p{L}\\d/])" + SLOT + "\\s?-\\s?" + SLOT + "\\s?-\\s?" + SLOT + "(?:\\s?-\\s?" + SLOT + ")?|"
                    + "\\d{1,2}\\s{0,2}(?:veces|vez)\\s(?:al|por|a la)\\s(?:d[ií]a|semana|mes)|(?:a |en )?d[ií]as alternos|"
                    + "(?:los|cada) (?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bados?|domingos?)|"
                    + "cada\\s{0,2}\\d{1,2}\\s{0,2}meses|every\\s\\d{1,2}\\s(?:days|weeks|months)|"
                    + "on demand|(?:when|as) (?:required|needed)|si (?:lo )?necesita|cuando lo necesite|seg[uú]n necesidad|"
                    + "desayuno(?:,? comida)? y cena|ma[nñ]ana y noche|"
                    + "(?:una|dos|tres|cuatro)\\svez\\s(?:al|por|a la)\\s(?:d[ií]a|semana)|"
                    + "(?:una|dos|tres|cuatro)\\sveces\\s(?:al|por|a la)\\s(?:d[ií]a|semana)|(?:cada|por la|en la)\\s(?:noche|mañana|manana)|"
                    + "(?:antes|despu[eé]s)\\sde(?:l|\\sla|\\slas|\\slos)?\\s(?:desayuno|comida|comidas|cena|acostarse)|"
                    + "(?:tras|despu[eé]s de)\\s(?:cada|las|la)\\s\\p{L}{4,}(?:\\s(?:l[ií]quida|blanda|suelta))?|"
                    + "(?:after each|after every)\\s\\p{L}{3,}(?:\\s\\p{L}{4,})?|"
                    + "(?<![\\p{L}])(?:al|a la|por)\\s(?:mes|semana)(?![\\p{L}])|(?<![\\p{L}])(?:por d[ií]a|a la (?:noche|ma[nñ]ana|tarde))(?![\\p{L}])|"
                    + "(?<![\\p{L}])on(?=\\s{0,2}(?:[.;,]|$))|"
                    + "(?<![\\p{L}])(?:when (?:bad|needed|required)|several times a (?:day|week)|\\d-\\d\\s?x\\s?/\\s?(?:wk|week|day|d))(?![\\p{L}])|"
                    + "(?<=(?:mg|mcg|g|ml|ui|comp)\\s)d[ií]a(?![\\p{L}])|"
                    + "(?<![\\p{L}])(?:(?-i:ON|OM)|om|monthly|q\\s?\\d{1,2}\\s?(?:months?|weeks?|wks?|days?))(?![\\p{L}])|"
                    + "(?<![\\p{L}])(?:al\\s(?:d[ií]a|acostarse)|cada\\s(?:d[ií]a|semana|mes)|(?:casi\\s)?a diario|diari[oa]s?|semanal|mensual|a demanda|si precisa|dosis [uú]nica|monodosis|single dose|"
                    + "si dolor(?: o fiebre| intenso| tor[aá]cico| abdominal)?|si fiebre|si n[aá]useas|si v[oó]mitos|si crisis|"
                    + "si (?!precisa)\\p{L}{4,}(?:\\s(?:o|y)\\s\\p{L}{4,})?|seg[uú]n (?:pauta(?: de \\p{L}{4,})?|INR|\\p{L}{4,})|(?:en )?pauta descendente|"
                    + "antes de dormir|al inicio de(?: la| los| el)? \\p{L}{4,}|ocasionalmente|de vez en cuando|a veces|"
                    + "en (?:el |la )?(?:desayuno|comida|cena)|con (?:el |la |las )?(?:desayuno|comidas|comida|cena)|en ayunas|"
                    + "(?<![\\p{L}])(?:desayuno|cena|noche)(?![\\p{L}])|"
                    + "every\\s(?:\\d{1,2}|" + HOURS_IN_WORDS + ")(?:\\s?-\\s?\\d{1,2})?\\s(?:hours|hour|h)|occasionally|taper(?:ing)?|at (?:the )?onset(?: of \\p{L}{4,})?|q\\d{1,2}(?:-\\d{1,2})?h|q\\s?\\d{1,2}\\s?min|q\\s?\\d{1,2}\\s?(?:hrs?|hours?|h)|every\\s\\d{1,2}\\s(?:hrs|hr)|\\d{1,2}-hourly|hourly|"
                    + "b\\.i\\.d\\.?|t\\.i\\.d\\.?|q\\.i\\.d\\.?|q\\.d\\.?|o\\.d\\.?|p\\.r\\.n\\.?|q\\.h\\.s\\.?|"
                    + "bid|tid|qid|qd|od|once daily|twice daily|once weekly|once a week|every other day|on alternate days|"
                    + "with (?:the )?(?:evening |morning )?(?:food|meals?|dinner|breakfast|lunch|supper)|(?:after|before) (?:food|meals|breakfast|dinner|bed)|"
                    + "as directed|as per (?:INR clinic|INR|\\p{L}{4,})|sliding scale|"
                    // British prescribing Latin: bd, tds, qds, nocte (at night), mane (in the morning), stat (now)
                    + "b\\.d\\.|bd|t\\.d\\.s\\.|tds|q\\.d\\.s\\.|qds|nocte|mane|stat|qhs|qam|qpm|"
                    + "every (?:morning|night|evening|day)|(?:each|every) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
                    + "on (?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)|in the (?:morning|evening)|each (?:morning|night|day)|"
                    + "alternate days|"
                    + "(?:once|twice|three times|four times|a couple of times|a few times|\\d times|\\d\\s?x)\\s?(?:(?:a|per)\\s|/\\s?)?(?:day|daily|week|weekly|month|monthly)|"
                    + "at night|at bedtime|as needed|(?<![\\p{L}])(?:nightly|daily|weekly|most days|prn|once))))(?![\\p{L}])", FLAGS);
    /** The volume given after a syrup's concentration: "250 mg/5 ml, 6 ml". */
    private static final Pattern VOLUME_AFTER_CONCENTRATION = Pattern.compile(
            "^\\s?/\\s?\\d{0,3}\\s?ml[,:]?\\s{1,2}(\\d{1,2}(?:[.,]\\d{1,2})?\\s?"
                    + "(?:ml|teaspoons?|tsp|tablespoons?|cucharaditas?|cucharadas?))(?![\\p{L}])", FLAGS);
    /** A count of units written right before the frequency it goes with: "80 mg 1 comp al día". */
    private static final Pattern COUNT_BEFORE = Pattern.compile(
            "(?<![\\p{L}\\d])(?:\\d|una?|medi[oa])\\s(?:comp|comprimidos?|cp|c[aá]psulas?|c[aá]ps|caps|sobres?|pastillas?)\\.?\\s$", FLAGS);
    /**
     * Minerals and vitamins, which notes also name as laboratory analytes ("potasio 5,8", "vitamin D deficiency",
     * "hierro sérico bajo").
     */
    private static final Pattern ANALYTE = Pattern.compile(
            "(?:potasio|potassium|sodio|sodium|magnesio|magnesium|calcio|calcium|f[oó]sforo|phosphorus|phosphate|hierro|iron|zinc|"
                    + "vitamina\\s?\\p{L}\\d{0,2}|vitamin\\s?\\p{L}\\d{0,2}|[aá]cido f[oó]lico|folic acid|folato|folate)", FLAGS);
    /** Words around an analyte that make it a laboratory value or a deficiency, not a medicine. */
    private static final Pattern ANALYTE_BEFORE = Pattern.compile(
            "(?<![\\p{L}])(?:d[ée]ficit|deficiencia|d[ée]ficit de|niveles?|nivel de|low|high|serum|level of)(?:\\s(?:de|of))?\\s{1,2}$", FLAGS);
    private static final Pattern ANALYTE_AFTER = Pattern.compile(
            "^\\s{0,2}(?:(?:deficiency|deficient|insufficiency|levels?|studies|s[eé]ric[oa]|en sangre|plasm[aá]tic[oa]|normal|"
                    + "bajo|baja|alto|alta|elevad[oa]|descendid[oa]|low|high|pending|pendiente)(?![\\p{L}])|"
                    + ":?\\s{0,2}\\d{1,4}(?:[.,]\\d{1,2})?\\s{0,2}(?:mmol/l|meq/l|mg/dl|ng/ml|pg/ml|µg/l|ug/l)?\\s{0,2}(?:[,;)]|\\.(?!\\d)|$))", FLAGS);
    /** What a medicine is taken for, written after it: part of its span, not a finding of the patient. */
    private static final Pattern CONDITION = Pattern.compile(
            "(?<![\\p{L}])(?:si (?:dolor|fiebre|precisa|n[aá]useas|v[oó]mitos|tos|insomnio|ansiedad)(?: o (?:dolor|fiebre))?|"
                    + "(?:para el|para la|por) (?:dolor|fiebre|tos|n[aá]useas)|for (?:pain|fever|cough|nausea)|if (?:pain|fever)|"
                    // "Motrin 170 mg q6-8h prn fever", "salbutamol as needed for wheeze": what the PRN dose is for
                    + "(?:prn|as needed for|when needed for) (?:pain|fever|cough|nausea|wheeze|wheezing|sob|itch|itching|anxiety|sleep))"
                    + "(?![\\p{L}])", FLAGS);

    /** What may stand between the two names of one combination product. */
    private static final Pattern COMBINATION_GAP = Pattern.compile("\\s|\\s(?:con|with|y|and|\\+)\\s", FLAGS);
    /** What stands between a generic and its brand written in parentheses. */
    private static final Pattern BRAND_IN_PARENTHESES = Pattern.compile("\\s?\\(\\s?");
    /** Substances notes name as habits, not medicines, unless a dose is written ("reducir cafeína", "no consume cocaína"). */
    private static final List<String> HABIT_SUBSTANCES = List.of("caffeine", "cocaine");

    /** A verb of taking written right before a medicine: "toma flixotide", "takes Advil". */
    private static final Pattern TAKES_BEFORE = Pattern.compile("(?<![\\p{L}])(\\p{L}+\\s{1,2})?(?:toma|usa|utiliza|takes|uses)"
            + "\\s{1,2}(?:el\\s|la\\s|su\\s|sus\\s|his\\s|her\\s)?$", FLAGS);
    /** Words before that verb that make it someone else's medicine or a negation ("padre toma", "no toma"). */
    private static final Pattern NOT_THE_PATIENT = Pattern.compile("(?:no|not|never|nunca|ni|padre|madre|pap[aá]|mam[aá]|"
            + "hermano|hermana|hijo|hija|esposo|esposa|marido|mujer|abuelo|abuela|father|mother|dad|mom|mum|brother|sister|"
            + "son|daughter|husband|wife|partner|si|if)\\s{1,2}", FLAGS);

    private final MedicineDictionary dictionary;
    private final List<String[]> atcEvidences = new ArrayList<>();

    MedicationReader(MedicineDictionary dictionary, EvidenceCatalog catalog) {
        this.dictionary = dictionary;
        String path = "summary/medication-evidences.tsv";
        for (TsvResource.Row row : TsvResource.read(path, 2)) {
            catalog.require(Finding.of(row.cells()[1], null), path + " line " + row.line());
            atcEvidences.add(new String[] {row.cells()[0], row.cells()[1]});
        }
    }

    static MedicationReader loadDefault(EvidenceCatalog catalog) {
        return new MedicationReader(MedicineDictionary.loadDefault(), catalog);
    }

    /** Ingredient keys of a medicine name, empty when it is not a known medicine. */
    List<String> ingredientsOf(String name) {
        List<String> out = new ArrayList<>();
        for (Ingredient i : dictionary.match(name).ingredients()) {
            out.add(i.key().value());
        }
        return out;
    }

    List<NoteMedication> read(String text, List<Token> tokens, ContextAnnotator context,
                              int[] sentenceStart, int[] sentenceEnd) {
        List<MedicationMention> mentions = withoutInsulinBeforeItsBrand(text, joinHyphenated(text, dictionary.findMentions(text)));
        List<NoteMedication> out = new ArrayList<>(mentions.size());
        int tokenIndex = 0;
        for (int mi = 0; mi < mentions.size(); mi++) {
            MedicationMention m = mentions.get(mi);
            int nameEnd = m.end() - m.strength().length();
            while (nameEnd > m.start() && Character.isWhitespace(text.charAt(nameEnd - 1))) {
                nameEnd--;
            }
            if (analyte(text, m.start(), nameEnd)) {
                continue;
            }
            int windowEnd = Math.min(text.length(), m.end() + WINDOW);
            if (mi + 1 < mentions.size()) {
                windowEnd = Math.min(windowEnd, mentions.get(mi + 1).start());
            }
            windowEnd = Math.min(windowEnd, clauseEnd(text, m.end(), windowEnd));
            String window = text.substring(nameEnd, windowEnd);
            int end = m.end();
            String dose = null;
            Matcher d = DOSE.matcher(window);
            int doseStart = -1;
            int doseEnd = -1;
            if (d.find()) {
                dose = d.group().strip();
                doseStart = d.start();
                doseEnd = d.end();
                Matcher volume = VOLUME_AFTER_CONCENTRATION.matcher(window.substring(doseEnd));
                if (volume.find()) {
                    // "amoxicilina 250 mg/5 ml, 6 ml cada 8 h": the dose given is the volume, the strength is the syrup's
                    dose = volume.group(1);
                    doseEnd += volume.end();
                }
            } else {
                Matcher bare = BARE_DOSE.matcher(window);
                Matcher words = DOSE_IN_WORDS.matcher(window);
                if (bare.find()) {
                    dose = bare.group(1);
                    doseStart = bare.start(1);
                    doseEnd = bare.end(1);
                } else if (words.find()) {
                    dose = words.group(1);
                    doseStart = words.start(1);
                    doseEnd = words.end(1);
                }
            }
            if (dose == null && !m.match().keys().isEmpty() && m.match().keys().stream()
                    .allMatch(k -> HABIT_SUBSTANCES.contains(k.value()))) {
                continue;
            }
            if (dose != null) {
                end = Math.max(end, nameEnd + doseEnd);
            }
            String route = null;
            Matcher r = ROUTE.matcher(window);
            while (r.find()) {
                // "2 inh" is a dose counted in inhalations, not the route
                if (r.start() >= doseStart && r.end() <= doseEnd
                        || r.group().equalsIgnoreCase("inh") && window.substring(0, r.start()).matches("(?s).*\\d\\s?$")) {
                    continue;
                }
                route = r.group().strip();
                end = Math.max(end, nameEnd + r.end());
                break;
            }
            String frequency = null;
            Matcher f = FREQUENCY.matcher(window);
            if (f.find()) {
                frequency = f.group().strip();
                if (frequency.startsWith("/")) {
                    frequency = frequency.substring(1).strip();
                }
                int after = nameEnd + f.end();
                if (frequency.matches("(?:\\p{L}\\.)+\\p{L}") && after < text.length() && text.charAt(after) == '.') {
                    frequency += "."; // "b.i.d." at the end of a sentence
                }
                int look = Math.max(0, f.start() - 16);
                Matcher count = COUNT_BEFORE.matcher(window.substring(look, f.start()));
                if (doseEnd >= 0 && count.find() && look + count.start() >= doseEnd) {
                    // "Tardyferon 80 mg 1 comp al día": the count of tablets belongs with the frequency
                    frequency = window.substring(look + count.start(), f.start()) + frequency;
                }
                end = Math.max(end, nameEnd + f.end());
            }
            Matcher c = CONDITION.matcher(window);
            if (c.find()) {
                end = Math.max(end, nameEnd + c.end());
            }
            while (tokenIndex < tokens.size() && tokens.get(tokenIndex).end() <= m.start()) {
                tokenIndex++;
            }
            FindingStatus status = FindingStatus.PRESENT;
            if (tokenIndex < tokens.size()) {
                int last = tokenIndex;
                while (last + 1 < tokens.size() && tokens.get(last + 1).start() < nameEnd) {
                    last++;
                }
                status = ContextAnnotator.statusOf(context.categoriesFor(tokenIndex, last + 1,
                        sentenceStart[tokenIndex], sentenceEnd[tokenIndex]), FindingStatus.PRESENT);
            }
            if (status != FindingStatus.PRESENT && takenByThePatient(text, m.start())) {
                status = FindingStatus.PRESENT;
            }
            List<String> ingredients = new ArrayList<>();
            for (Ingredient i : m.match().ingredients()) {
                ingredients.add(i.key().value());
            }
            Span span = new Span(m.start(), end);
            out.add(new NoteMedication(span.of(text), span, text.substring(m.start(), nameEnd), ingredients,
                    dose, route, frequency, status));
        }
        return out;
    }

    /**
     * "amoxicilina-clavulánico", "trimetoprim sulfametoxazol", "amoxicilina con clavulanato" are one medicine: the
     * dictionary joins names written with "/" or "+", and this joins those written with a hyphen, and those written
     * with a space or "con"/"with" when a marketed product combines them (two medicines of a list stay two); a brand
     * in parentheses after its generic ("omeprazole (Prilosec)") is the same medicine.
     */
    private List<MedicationMention> joinHyphenated(String text, List<MedicationMention> mentions) {
        List<MedicationMention> out = new ArrayList<>(mentions.size());
        for (MedicationMention m : mentions) {
            if (!out.isEmpty()) {
                MedicationMention prev = out.get(out.size() - 1);
                String gap = text.substring(prev.end(), m.start());
                if (BRAND_IN_PARENTHESES.matcher(gap).matches() && m.end() < text.length() && text.charAt(m.end()) == ')'
                        && prev.match().keys().stream().anyMatch(m.match().keys()::contains)) {
                    continue; // "omeprazole (Prilosec) 40 mg daily": one medicine, named by the generic
                }
                if (prev.strength().isEmpty() && !insulin(text, prev) && !prev.match().keys().equals(m.match().keys())
                        && (gap.equals("-")
                        || COMBINATION_GAP.matcher(gap).matches() && dictionary.combinedInOneProduct(union(prev, m)))) {
                    String joined = text.substring(prev.start(), m.end());
                    out.set(out.size() - 1, new MedicationMention(prev.start(), m.end(), joined, m.strength(),
                            dictionary.match(joined.substring(0, joined.length() - m.strength().length()))));
                    continue;
                }
            }
            out.add(m);
        }
        return out;
    }

    private static List<com.mediassist.core.medication.IngredientKey> union(MedicationMention a, MedicationMention b) {
        List<com.mediassist.core.medication.IngredientKey> out = new ArrayList<>(a.match().keys());
        b.match().keys().stream().filter(k -> !out.contains(k)).forEach(out::add);
        return out;
    }

    private static boolean insulin(String text, MedicationMention m) {
        String name = com.mediassist.core.text.TextFold.fold(text.substring(m.start(), m.end())).strip();
        return name.equals("insulina") || name.equals("insulin");
    }

    /** "insulina Lantus", "insulin Humalog": one medicine, the brand. */
    private static List<MedicationMention> withoutInsulinBeforeItsBrand(String text, List<MedicationMention> mentions) {
        List<MedicationMention> out = new ArrayList<>(mentions.size());
        for (int i = 0; i < mentions.size(); i++) {
            MedicationMention m = mentions.get(i);
            boolean generic = insulin(text, m);
            if (generic && i + 1 < mentions.size() && mentions.get(i + 1).start() - m.end() <= 2
                    && text.substring(m.end(), mentions.get(i + 1).start()).isBlank()) {
                continue;
            }
            out.add(m);
        }
        return out;
    }

    /** DDXPlus evidences the medicine answers (an NSAID answers E_10), from the ATC classes of its ingredients. */
    List<Finding> evidencesOf(NoteMedication medication) {
        List<Finding> out = new ArrayList<>();
        for (String key : medication.ingredients()) {
            dictionary.ingredient(new IngredientKey(key)).ifPresent(ing -> {
                for (String[] rule : atcEvidences) {
                    if (ing.inAtc(rule[0]) && !out.contains(Finding.parse(rule[1]))) {
                        out.add(Finding.parse(rule[1]));
                    }
                }
            });
        }
        return out;
    }

    /**
     * Whether the words right before a medicine say the patient takes it ("… fuma en casa toma flixotide 50"), which
     * outweighs a negation or a relative's context that began earlier in an unpunctuated dictation.
     */
    private static boolean takenByThePatient(String text, int start) {
        Matcher t = TAKES_BEFORE.matcher(text.substring(Math.max(0, start - 30), start));
        return t.find() && (t.group(1) == null || !NOT_THE_PATIENT.matcher(t.group(1)).matches());
    }

    /** A mineral or vitamin named as a laboratory value or a deficiency ("potassium 4.2", "déficit de vitamina D"). */
    private static boolean analyte(String text, int start, int nameEnd) {
        if (!ANALYTE.matcher(text.substring(start, nameEnd)).matches()) {
            return false;
        }
        String before = text.substring(Math.max(0, start - 16), start);
        String after = text.substring(nameEnd, Math.min(text.length(), nameEnd + 24));
        return ANALYTE_BEFORE.matcher(before).find() || ANALYTE_AFTER.matcher(after).find();
    }

    /** End of the clause after a medicine: a sentence end, semicolon or line break. */
    private static int clauseEnd(String text, int from, int limit) {
        for (int i = from; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == ';' || (c == '.' && (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1))))) {
                return i;
            }
        }
        return limit;
    }
}
