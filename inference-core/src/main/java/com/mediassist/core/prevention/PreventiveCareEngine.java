package com.mediassist.core.prevention;

import com.mediassist.core.knowledge.Sex;
import com.mediassist.core.knowledge.bundle.KnowledgeManifest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mediassist.core.knowledge.Bilingual;
import com.mediassist.core.knowledge.ConditionCatalog;
import com.mediassist.core.knowledge.InvalidClinicalInputException;
import com.mediassist.core.knowledge.KnowledgeFormatException;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.text.TextFold;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Computes preventive care from a patient profile. "Today" comes from the injected {@link Clock}, so
 * tests run on a fixed date. Immutable and thread-safe.
 *
 * <p>Rules: an item applies when age (completed years, inclusive range), sex and required facts match,
 * or a listed risk condition is present (adults); an excluding condition makes it not applicable.
 * With a matching history record the next date is the record plus the interval: up to date before it,
 * due up to three months after, overdue later. Without a record the item is due when the patient
 * became eligible in the last twelve months, and unknown otherwise. Seasonal vaccines count doses
 * from September 1 before the October campaign.
 */
public final class PreventiveCareEngine {

    /** Class-path resource of the rules. */
    public static final String RESOURCE = "knowledge/prevention/rules.json";
    private static final String BMI_LOINC = "loinc:39156-5";

    private final List<Rule> rules;
    private final ConditionCatalog conditions;
    private final Clock clock;

    record Evidence(Set<String> codes, List<String> terms, Integer months, int doses, int dosesBefore15,
                    int minGapMonths) {
    }

    record Rule(String id, Programme programme, boolean bothProgrammes, Sex sex, int minAge, Integer maxAge,
                Set<String> risk, Set<String> exclude, String requires, boolean seasonal, Integer monthsOver40,
                Bilingual name, Bilingual interval, List<Evidence> evidence, String source, Set<String> historyOf,
                Map<Sex, Integer> minAgeBySex, Bilingual notRecommended, Map<Programme, String> versions) {
        boolean in(Programme p) {
            return bothProgrammes || programme == p;
        }

        /** A concept counts when current, or from the history where the guideline says "history of". */
        boolean has(String concept, Set<String> current, Set<String> ever) {
            return current.contains(concept) || (historyOf.contains(concept) && ever.contains(concept));
        }
    }

    /** Concepts that cannot last longer than this many months from their onset (a pregnancy). */
    private static final Map<String, Integer> MAX_MONTHS = Map.of("pregnancy", 10);

    private final String version;

    private PreventiveCareEngine(String version, List<Rule> rules, ConditionCatalog conditions, Clock clock) {
        this.version = version;
        this.rules = rules;
        this.conditions = conditions;
        this.clock = clock;
    }

    /**
     * Loads the shipped rules and condition catalogue.
     *
     * @param clock source of "today"
     * @throws KnowledgeFormatException when the rules are missing or malformed
     */
    public static PreventiveCareEngine loadDefault(Clock clock) {
        return load(KnowledgeManifest.shipped(), clock);
    }

    /**
     * Loads the rules and condition catalogue of a knowledge bundle (the shipped one or one delivered
     * over the air), hash-verified through its manifest; reports carry the bundle's knowledge version.
     *
     * @param clock source of "today"
     * @throws KnowledgeFormatException when the rules are missing or malformed
     */
    public static PreventiveCareEngine load(KnowledgeManifest bundle, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        try (InputStream in = bundle.open(RESOURCE.substring(KnowledgeManifest.CLASSPATH_ROOT.length()))) {
            ConditionCatalog catalog = ConditionCatalog.load(bundle);
            List<Rule> rules = new ArrayList<>();
            for (JsonNode n : new ObjectMapper().readTree(in)) {
                rules.add(rule(n, catalog));
            }
            return new PreventiveCareEngine(bundle.version(), List.copyOf(rules), catalog, clock);
        } catch (IOException e) {
            throw new KnowledgeFormatException(RESOURCE, 0, "cannot be read as JSON", e);
        }
    }

    /** @return the knowledge version these rules come from (reported with every report) */
    public String version() {
        return version;
    }

    private static Rule rule(JsonNode n, ConditionCatalog catalog) {
        String id = req(n, "id");
        String prog = req(n, "programme");
        List<Evidence> evidence = new ArrayList<>();
        Bilingual notRecommended = n.has("notRecommended") ? bi(n, "notRecommended") : null;
        for (JsonNode e : n.path("evidence")) {
            Set<String> codes = new HashSet<>();
            e.path("codes").forEach(c -> codes.add(c.asText().toLowerCase(Locale.ROOT)));
            List<String> terms = new ArrayList<>();
            e.path("terms").forEach(t -> terms.add(" " + normalise(t.asText()) + " "));
            evidence.add(new Evidence(codes, terms, e.hasNonNull("months") ? e.get("months").asInt() : null,
                    e.path("doses").asInt(1), e.path("dosesBefore15").asInt(0), e.path("minGapMonths").asInt(0)));
        }
        if (evidence.isEmpty() && notRecommended == null) {
            throw new KnowledgeFormatException(RESOURCE, 0, id + ": no evidence");
        }
        Set<String> risk = concepts(n.path("risk"), catalog, id);
        Set<String> exclude = concepts(n.path("exclude"), catalog, id);
        Set<String> historyOf = concepts(n.path("historyOf"), catalog, id);
        Map<Sex, Integer> minAgeBySex = new EnumMap<>(Sex.class);
        n.path("minAgeBySex").fields().forEachRemaining(f -> minAgeBySex.put(Sex.parse(f.getKey()), f.getValue().asInt()));
        Map<Programme, String> versions = new EnumMap<>(Programme.class);
        n.path("versions").fields().forEachRemaining(f -> versions.put(Programme.parse(f.getKey()), f.getValue().asText()));
        String sex = req(n, "sex");
        return new Rule(id, prog.equals("both") ? Programme.PAPPS : Programme.parse(prog), prog.equals("both"),
                sex.equals("any") ? Sex.UNKNOWN : Sex.parse(sex), n.path("minAge").asInt(0),
                n.hasNonNull("maxAge") ? n.get("maxAge").asInt() : null, risk, exclude, n.path("requires").asText(""),
                n.path("seasonal").asBoolean(false), n.hasNonNull("monthsOver40") ? n.get("monthsOver40").asInt() : null,
                bi(n, "name"), bi(n, "interval"), List.copyOf(evidence), req(n, "source"), historyOf, minAgeBySex,
                notRecommended, versions);
    }

    private static Set<String> concepts(JsonNode list, ConditionCatalog catalog, String id) {
        Set<String> out = new HashSet<>();
        for (JsonNode c : list) {
            if (catalog.concept(c.asText()).isEmpty()) {
                throw new KnowledgeFormatException(RESOURCE, 0, id + ": unknown condition \"" + c.asText() + "\"");
            }
            out.add(c.asText());
        }
        return out;
    }

    private static String req(JsonNode n, String field) {
        String v = n.path(field).asText("");
        if (v.isBlank()) {
            throw new KnowledgeFormatException(RESOURCE, 0, "entry without \"" + field + "\": " + n);
        }
        return v;
    }

    private static Bilingual bi(JsonNode n, String field) {
        return new Bilingual(req(n.path(field), "es"), req(n.path(field), "en"));
    }

    private static String normalise(String s) {
        return TextFold.fold(s).replaceAll("[^a-z0-9]+", " ").trim();
    }

    /** @return today's date according to the injected clock */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Evaluates every rule of the programme for the patient.
     *
     * @throws InvalidClinicalInputException when the birth date is after today or pack-years negative
     */
    public PreventiveCareReport evaluate(PreventionProfile profile, Programme programme, Language language) {
        LocalDate today = today();
        if (profile.birthDate().isAfter(today)) {
            throw new InvalidClinicalInputException("birthDate", "expected a date on or before " + today
                    + " but found " + profile.birthDate());
        }
        if (profile.packYears() != null && !(profile.packYears() >= 0)) {
            throw new InvalidClinicalInputException("packYears", "must be zero or more but was " + profile.packYears());
        }
        int age = Period.between(profile.birthDate(), today).getYears();
        if (profile.deceased()) {
            return new PreventiveCareReport(today, age, programme, List.of(), version, true);
        }
        Set<String> concepts = new HashSet<>();
        Set<String> ever = new HashSet<>();
        LocalDate smokingEnded = null;
        LocalDate exSmokerSince = null;
        for (ConditionFact c : profile.conditions()) {
            Set<String> resolved = conditions.resolve(c.condition()).concepts();
            ever.addAll(resolved);
            boolean ended = c.state() == ConditionFact.State.RESOLVED
                    || (c.abatement() != null && !c.abatement().isAfter(today));
            for (String concept : resolved) {
                Integer max = MAX_MONTHS.get(concept);
                boolean outlived = max != null && c.onset() != null && c.onset().plusMonths(max).isBefore(today);
                if (!ended && !outlived) {
                    concepts.add(concept);
                }
                if (concept.equals("smoker") && ended && c.abatement() != null
                        && (smokingEnded == null || c.abatement().isAfter(smokingEnded))) {
                    smokingEnded = c.abatement();
                }
                if (concept.equals("former-smoker") && c.onset() != null
                        && (exSmokerSince == null || c.onset().isAfter(exSmokerSince))) {
                    exSmokerSince = c.onset();
                }
            }
        }
        SmokingStatus smoking = profile.smoking();
        if (smoking == SmokingStatus.UNKNOWN) {
            if (concepts.contains("smoker")) {
                smoking = SmokingStatus.CURRENT;
            } else if (concepts.contains("former-smoker") || ever.contains("smoker")) {
                smoking = SmokingStatus.FORMER;
            }
        } else if (smoking == SmokingStatus.CURRENT) {
            concepts.add("smoker");
        }
        LocalDate quitDate = profile.quitDate();
        if (quitDate == null && smoking == SmokingStatus.FORMER) {
            quitDate = exSmokerSince != null ? exSmokerSince : smokingEnded;
        }
        PreventionProfile p = new PreventionProfile(profile.birthDate(), profile.sex(), profile.conditions(),
                profile.history(), smoking, profile.packYears(), quitDate, false);
        List<PreventiveItem> items = new ArrayList<>();
        for (Rule r : rules) {
            if (r.in(programme)) {
                items.add(evaluate(r, programme, p, age, concepts, ever, smoking, today, language));
            }
        }
        return new PreventiveCareReport(today, age, programme, items, version, false);
    }

    private PreventiveItem evaluate(Rule r, Programme programme, PreventionProfile p, int age, Set<String> concepts,
                                    Set<String> ever, SmokingStatus smoking, LocalDate today, Language language) {
        Lang lang = new Lang(language, programme);
        if (r.notRecommended() != null) {
            return item(r, lang, PreventiveStatus.NOT_APPLICABLE, null, null, null, r.notRecommended());
        }
        for (String ex : r.exclude()) {
            if (r.has(ex, concepts, ever)) {
                String cond = conditions.concept(ex).map(c -> c.name().in(language)).orElse(ex);
                return item(r, lang, PreventiveStatus.NOT_APPLICABLE, null, null, null,
                        new Bilingual("No aplica por " + cond + " (seguimiento específico).",
                                "Not applicable because of " + cond + " (specific follow-up)."));
            }
        }
        if (r.sex() != Sex.UNKNOWN && p.sex() != r.sex()) {
            if (p.sex() == Sex.UNKNOWN) {
                return item(r, lang, PreventiveStatus.UNKNOWN, null, null, null,
                        new Bilingual("Falta el sexo para decidir si aplica.", "Sex is needed to decide eligibility."));
            }
            return item(r, lang, PreventiveStatus.NOT_APPLICABLE, null, null, null,
                    new Bilingual("No aplica por sexo.", "Not applicable for this sex."));
        }
        int minAge = r.minAgeBySex().getOrDefault(p.sex(), r.minAge());
        if (!r.minAgeBySex().isEmpty() && p.sex() == Sex.UNKNOWN && age >= r.minAge()
                && age < r.minAgeBySex().values().stream().max(Integer::compare).orElse(r.minAge())) {
            return item(r, lang, PreventiveStatus.UNKNOWN, null, null, null,
                    new Bilingual("Falta el sexo para decidir si aplica a esta edad.",
                            "Sex is needed to decide eligibility at this age."));
        }
        boolean inAge = age >= minAge && (r.maxAge() == null || age <= r.maxAge());
        boolean byRisk = age >= 18 && r.risk().stream().anyMatch(c -> r.has(c, concepts, ever))
                && (r.maxAge() == null || age <= r.maxAge());
        if (!inAge && !byRisk) {
            String range = minAge + (r.maxAge() == null ? "+" : "-" + r.maxAge());
            return item(r, lang, PreventiveStatus.NOT_APPLICABLE, null, null, null,
                    new Bilingual("No aplica a los " + age + " años (edad " + range + ").",
                            "Not applicable at age " + age + " (ages " + range + ")."));
        }
        LocalDate eligibleSince = inAge ? p.birthDate().plusYears(minAge) : null;
        if (!r.requires().isEmpty()) {
            Bilingual why = requirement(r.requires(), p, smoking, concepts, today);
            if (why != null) {
                boolean unknown = why.es().startsWith("Falta");
                return item(r, lang, unknown ? PreventiveStatus.UNKNOWN : PreventiveStatus.NOT_APPLICABLE, null, null,
                        null, why);
            }
        }
        if (r.seasonal()) {
            return seasonal(r, p, today, lang);
        }
        LocalDate endOfEligibility = r.maxAge() == null ? null : p.birthDate().plusYears(r.maxAge() + 1L);
        LocalDate bestNext = null;
        LocalDate lastDone = null;
        boolean complete = false;
        boolean forever = false;
        LocalDate partialNext = null;
        for (Evidence e : r.evidence()) {
            TreeSet<LocalDate> dates = matching(e, p.history(), today);
            if (dates.isEmpty()) {
                continue;
            }
            LocalDate last = dates.last();
            lastDone = lastDone == null || last.isAfter(lastDone) ? last : lastDone;
            int needed = e.doses();
            if (e.dosesBefore15() > 0 && dates.first().isBefore(p.birthDate().plusYears(15))) {
                needed = e.dosesBefore15();
            }
            if (dates.size() >= needed) {
                complete = true;
                Integer months = r.monthsOver40() != null && age >= 40 ? r.monthsOver40() : e.months();
                if (months == null) {
                    forever = true;
                } else {
                    LocalDate next = last.plusMonths(months);
                    bestNext = bestNext == null || next.isAfter(bestNext) ? next : bestNext;
                }
            } else {
                LocalDate next = last.plusMonths(Math.max(1, e.minGapMonths()));
                partialNext = partialNext == null || next.isBefore(partialNext) ? next : partialNext;
            }
        }
        if (forever) {
            return item(r, lang, PreventiveStatus.UP_TO_DATE, null, null, lastDone,
                    new Bilingual("Completado (pauta única).", "Completed (one-off)."));
        }
        if (complete) {
            if (bestNext.isAfter(today)) {
                if (endOfEligibility != null && !bestNext.isBefore(endOfEligibility)) {
                    return item(r, lang, PreventiveStatus.UP_TO_DATE, null, null, lastDone,
                            new Bilingual("Al día; no se repite tras la edad límite.",
                                    "Up to date; not repeated after the upper age limit."));
                }
                return item(r, lang, PreventiveStatus.UP_TO_DATE, null, bestNext, lastDone,
                        new Bilingual("Al día; próximo el " + bestNext + ".", "Up to date; next on " + bestNext + "."));
            }
            return overdueOrDue(r, lang, bestNext, lastDone, today);
        }
        if (partialNext != null) {
            if (partialNext.isAfter(today)) {
                return item(r, lang, PreventiveStatus.UP_TO_DATE, null, partialNext, lastDone,
                        new Bilingual("Pauta en curso; siguiente dosis el " + partialNext + ".",
                                "Series in progress; next dose on " + partialNext + "."));
            }
            return overdueOrDue(r, lang, partialNext, lastDone, today);
        }
        if (eligibleSince != null && !eligibleSince.isBefore(today.minusMonths(12))) {
            return item(r, lang, PreventiveStatus.DUE, eligibleSince, null, null,
                    new Bilingual("Pendiente desde que cumple criterios (" + eligibleSince + ").",
                            "Due since becoming eligible (" + eligibleSince + ")."));
        }
        return item(r, lang, PreventiveStatus.UNKNOWN, eligibleSince, null, null,
                new Bilingual("No consta en la historia: confirmar si se realizó.",
                        "Not in the record: confirm whether it was done."));
    }

    private PreventiveItem overdueOrDue(Rule r, Lang lang, LocalDate dueDate, LocalDate lastDone, LocalDate today) {
        boolean overdue = dueDate.isBefore(today.minusMonths(3));
        return item(r, lang, overdue ? PreventiveStatus.OVERDUE : PreventiveStatus.DUE, dueDate, null, lastDone,
                overdue ? new Bilingual("Atrasado desde el " + dueDate + ".", "Overdue since " + dueDate + ".")
                        : new Bilingual("Pendiente desde el " + dueDate + ".", "Due since " + dueDate + "."));
    }

    private PreventiveItem seasonal(Rule r, PreventionProfile p, LocalDate today, Lang lang) {
        int seasonYear = today.getMonthValue() >= 10 ? today.getYear() : today.getYear() - 1;
        LocalDate campaign = LocalDate.of(seasonYear, 10, 1);
        LocalDate acceptFrom = campaign.minusMonths(1);
        LocalDate nextCampaign = campaign.plusYears(1);
        LocalDate last = null;
        for (Evidence e : r.evidence()) {
            TreeSet<LocalDate> dates = matching(e, p.history(), today);
            if (!dates.isEmpty() && (last == null || dates.last().isAfter(last))) {
                last = dates.last();
            }
        }
        if (last != null && !last.isBefore(acceptFrom)) {
            return item(r, lang, PreventiveStatus.UP_TO_DATE, null, nextCampaign, last,
                    new Bilingual("Vacunado esta temporada; próxima campaña " + nextCampaign + ".",
                            "Vaccinated this season; next campaign " + nextCampaign + "."));
        }
        if (today.isBefore(campaign.plusMonths(6))) {
            return item(r, lang, PreventiveStatus.DUE, campaign, null, last,
                    new Bilingual("Pendiente en la campaña actual (desde " + campaign + ").",
                            "Due in the current campaign (since " + campaign + ")."));
        }
        return item(r, lang, PreventiveStatus.DUE, nextCampaign, null, last,
                new Bilingual("Pendiente en la próxima campaña (" + nextCampaign + ").",
                        "Due in the next campaign (" + nextCampaign + ")."));
    }

    private Bilingual requirement(String requires, PreventionProfile p, SmokingStatus smoking, Set<String> concepts,
                                  LocalDate today) {
        switch (requires) {
            case "ever-smoked" -> {
                if (smoking == SmokingStatus.UNKNOWN) {
                    return new Bilingual("Falta el antecedente de tabaquismo.", "Smoking history is missing.");
                }
                return smoking == SmokingStatus.NEVER
                        ? new Bilingual("No aplica: nunca ha fumado.", "Not applicable: never smoked.") : null;
            }
            case "lung-screening-smoking" -> {
                if (smoking == SmokingStatus.UNKNOWN) {
                    return new Bilingual("Falta el antecedente de tabaquismo.", "Smoking history is missing.");
                }
                if (smoking == SmokingStatus.NEVER) {
                    return new Bilingual("No aplica: nunca ha fumado.", "Not applicable: never smoked.");
                }
                if (p.packYears() == null) {
                    return new Bilingual("Faltan los paquetes-año.", "Pack-years are missing.");
                }
                if (p.packYears() < 20) {
                    return new Bilingual("No aplica: menos de 20 paquetes-año.", "Not applicable: under 20 pack-years.");
                }
                if (smoking == SmokingStatus.FORMER) {
                    if (p.quitDate() == null) {
                        return new Bilingual("Falta la fecha de abandono del tabaco.", "The quit date is missing.");
                    }
                    if (p.quitDate().isBefore(today.minusYears(15))) {
                        return new Bilingual("No aplica: dejó de fumar hace más de 15 años.",
                                "Not applicable: quit more than 15 years ago.");
                    }
                }
                return null;
            }
            case "overweight" -> {
                if (concepts.contains("obesity")) {
                    return null;
                }
                HistoryItem bmi = null;
                for (HistoryItem h : p.history()) {
                    if (h.value() != null && namespaced(h).equals(BMI_LOINC)
                            && (bmi == null || h.date().isAfter(bmi.date()))) {
                        bmi = h;
                    }
                }
                if (bmi == null) {
                    return new Bilingual("Falta el índice de masa corporal.", "Body mass index is missing.");
                }
                return bmi.value() >= 25 ? null
                        : new Bilingual("No aplica: IMC inferior a 25.", "Not applicable: BMI under 25.");
            }
            default -> throw new KnowledgeFormatException(RESOURCE, 0, "unknown requirement \"" + requires + "\"");
        }
    }

    private static TreeSet<LocalDate> matching(Evidence e, List<HistoryItem> history, LocalDate today) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (HistoryItem h : history) {
            if (h.date().isAfter(today)) {
                continue;
            }
            if ((!h.code().isEmpty() && e.codes().contains(namespaced(h))) || textMatches(e, h.text())) {
                dates.add(h.date());
            }
        }
        return dates;
    }

    private static boolean textMatches(Evidence e, String text) {
        if (text.isBlank()) {
            return false;
        }
        String norm = " " + normalise(text) + " ";
        for (String t : e.terms()) {
            if (norm.contains(t)) {
                return true;
            }
        }
        return false;
    }

    /** The code with its namespace: {@code cvx:140}, {@code snomed:73761001}, {@code loinc:4548-4}. */
    static String namespaced(HistoryItem h) {
        String code = h.code().toLowerCase(Locale.ROOT);
        if (code.contains(":") && !code.startsWith("http")) {
            return code;
        }
        String sys = h.system().toLowerCase(Locale.ROOT);
        String ns;
        if (sys.contains("cvx")) {
            ns = "cvx";
        } else if (sys.contains("loinc")) {
            ns = "loinc";
        } else if (sys.contains("snomed") || sys.contains("sct")) {
            ns = "snomed";
        } else if (code.contains("-")) {
            ns = "loinc";
        } else if (code.length() <= 3) {
            ns = "cvx";
        } else {
            ns = "snomed";
        }
        if (ns.equals("cvx")) {
            code = code.replaceFirst("^0+(?=.)", "");
        }
        return ns + ":" + code;
    }

    /** The language of the texts and the programme being evaluated. */
    private record Lang(Language language, Programme programme) {
    }

    private PreventiveItem item(Rule r, Lang lang, PreventiveStatus status, LocalDate due, LocalDate next,
                                LocalDate last, Bilingual reason) {
        Language l = lang.language();
        return new PreventiveItem(r.id(), r.name().in(l), status, due, next, last, r.interval().in(l),
                reason.in(l), r.source(), lang.programme(), r.versions().getOrDefault(lang.programme(), r.source()));
    }
}
