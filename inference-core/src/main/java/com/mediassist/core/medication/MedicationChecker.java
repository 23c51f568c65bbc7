package com.mediassist.core.medication;

import com.mediassist.core.knowledge.Bilingual;
import com.mediassist.core.knowledge.ConditionCatalog;
import com.mediassist.core.knowledge.InvalidClinicalInputException;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.medication.MedicationKnowledge.AllergyRule;
import com.mediassist.core.medication.MedicationKnowledge.ConditionRule;
import com.mediassist.core.medication.MedicationKnowledge.DrugDrugRule;
import com.mediassist.core.medication.MedicationKnowledge.Pair;
import com.mediassist.core.medication.MedicationKnowledge.PairSource;
import com.mediassist.core.medication.MedicationKnowledge.Term;
import com.mediassist.core.text.TextFold;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs the deterministic medication safety checks: drug–drug (interaction table and class rules),
 * drug–allergy (with cross-reactivity classes), drug–condition (with eGFR) and duplicate therapy.
 * Needs no model, keeps no state between calls and is thread-safe.
 *
 * <p>Interrupt policy: contraindicated and major alerts interrupt; an alert that involves a pair on the
 * ONC high-priority list always interrupts; an alert about exactly one pair on the ONC
 * non-interruptive list (and not on the high-priority list) never interrupts.
 */
public final class MedicationChecker {

    private static final Bilingual TABLE_MECHANISM = new Bilingual(
            "La fuente no describe el mecanismo; consultar la ficha técnica (sección 4.5).",
            "The source does not describe the mechanism; check the SmPC (section 4.5).");
    private static final Bilingual MANAGE_SEVERE = new Bilingual(
            "Evitar la combinación salvo que el beneficio lo justifique; elegir una alternativa o vigilar estrechamente.",
            "Avoid the combination unless the benefit justifies it; choose an alternative or monitor closely.");
    private static final Bilingual MANAGE_MODERATE = new Bilingual(
            "Vigilar la respuesta y los efectos adversos; ajustar la dosis si es necesario.",
            "Monitor response and adverse effects; adjust the dose if needed.");
    private static final String PATIENT_ALLERGY_SOURCE = "Alergia registrada del paciente / patient's recorded allergy";

    private final MedicationKnowledge knowledge;

    /** @param knowledge loaded knowledge; shared, not copied */
    public MedicationChecker(MedicationKnowledge knowledge) {
        this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
    }

    /** @return the knowledge this checker uses */
    public MedicationKnowledge knowledge() {
        return knowledge;
    }

    private record Item(int input, Ingredient ingredient) {
    }

    private static final class Draft {
        final AlertKind kind;
        Severity severity;
        final LinkedHashSet<IngredientKey> keys = new LinkedHashSet<>();
        final LinkedHashSet<Integer> inputs = new LinkedHashSet<>();
        Bilingual message;
        Bilingual mechanism;
        Bilingual management;
        final LinkedHashSet<String> sources = new LinkedHashSet<>();
        final String ruleId;
        boolean highPriority;
        boolean nonInterruptive;
        /** Typed medicine index → the ingredient the rule's advice says to replace; with what. */
        final LinkedHashMap<Integer, IngredientKey> replace = new LinkedHashMap<>();
        IngredientKey replaceWith;

        Draft(AlertKind kind, Severity severity, String ruleId) {
            this.kind = kind;
            this.severity = severity;
            this.ruleId = ruleId;
        }
    }

    /**
     * Checks the medications of a request against each other and against the patient's allergies,
     * conditions and eGFR.
     *
     * @throws InvalidClinicalInputException when an entry is {@code null} or the eGFR is out of range
     */
    public MedicationCheckResult check(MedicationCheckRequest request) {
        Language lang = request.language();
        List<String> meds = request.medications();
        List<MedicationMatch> matches = new ArrayList<>(meds.size());
        List<String> unknown = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < meds.size(); i++) {
            String m = meds.get(i);
            if (m == null) {
                throw new InvalidClinicalInputException("medications[" + i + "]", "must not be null");
            }
            MedicationMatch match = knowledge.dictionary().match(m);
            matches.add(match);
            if (!match.matched()) {
                unknown.add(m);
            }
            for (Ingredient ing : match.ingredients()) {
                items.add(new Item(i, ing));
            }
        }
        List<Draft> drafts = new ArrayList<>();
        drugDrug(items, drafts);
        duplicates(items, drafts, lang);
        List<String> unrecognisedAllergies = allergies(request.allergies(), items, drafts, lang);
        List<String> unrecognisedConditions = conditions(request, items, drafts, lang);
        List<Alert> alerts = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            alerts.add(render(d, meds, lang));
        }
        alerts.sort(Comparator.comparing(Alert::severity).thenComparing(a -> !a.interrupt())
                .thenComparing(Alert::kind));
        return new MedicationCheckResult(matches, unknown, alerts, unrecognisedAllergies, unrecognisedConditions,
                knowledge.version());
    }

    private Alert render(Draft d, List<String> meds, Language lang) {
        List<String> names = new ArrayList<>();
        for (IngredientKey k : d.keys) {
            names.add(knowledge.dictionary().ingredient(k).map(i -> i.name(lang)).orElse(k.value()));
        }
        List<String> inputs = new ArrayList<>();
        for (int i : d.inputs) {
            inputs.add(meds.get(i));
        }
        boolean interrupt = d.severity.interruptsByDefault();
        if (d.kind == AlertKind.DRUG_DRUG) {
            if (d.highPriority) {
                interrupt = true;
            } else if (d.nonInterruptive) {
                interrupt = false;
            }
        }
        List<Replacement> replacements = new ArrayList<>();
        d.replace.forEach((input, key) -> replacements.add(
                new Replacement(meds.get(input), name(key, lang), name(d.replaceWith, lang))));
        return new Alert(d.kind, d.severity, interrupt, names, inputs, d.message.in(lang), d.mechanism.in(lang),
                d.management.in(lang),
                String.join("; ", d.sources), d.ruleId, replacements);
    }

    private String name(IngredientKey k, Language lang) {
        return knowledge.dictionary().ingredient(k).map(i -> i.name(lang)).orElse(k.value());
    }

    private String names(Set<IngredientKey> keys, Language lang) {
        List<String> out = new ArrayList<>();
        for (IngredientKey k : keys) {
            out.add(name(k, lang));
        }
        return String.join(" + ", out);
    }

    // ---- drug–drug ---------------------------------------------------------------------------------

    private void drugDrug(List<Item> items, List<Draft> drafts) {
        List<Draft> ruleDrafts = new ArrayList<>();
        for (DrugDrugRule rule : knowledge.drugDrugRules()) {
            List<Term> slots = new ArrayList<>();
            for (Term t : rule.terms()) {
                for (int c = 0; c < t.count(); c++) {
                    slots.add(t);
                }
            }
            if (!assign(slots, 0, items, new ArrayList<>())) {
                continue;
            }
            Draft d = new Draft(AlertKind.DRUG_DRUG, rule.severity(), rule.id());
            for (Item it : items) {
                for (Term t : rule.terms()) {
                    if (t.members().contains(it.ingredient().key())) {
                        d.keys.add(it.ingredient().key());
                        d.inputs.add(it.input());
                    }
                }
            }
            rule.replace().ifPresent(swap -> {
                d.replaceWith = swap.with();
                for (Item it : items) {
                    if (swap.members().contains(it.ingredient().key()) && !it.ingredient().key().equals(swap.with())) {
                        d.replace.putIfAbsent(it.input(), it.ingredient().key());
                    }
                }
            });
            d.mechanism = rule.mechanism();
            d.message = new Bilingual(names(d.keys, Language.ES) + ": " + rule.mechanism().es(),
                    names(d.keys, Language.EN) + ": " + rule.mechanism().en());
            d.management = rule.management();
            d.sources.add(rule.source());
            ruleDrafts.add(d);
        }
        Map<String, List<Pair>> found = new LinkedHashMap<>();
        Map<String, Item[]> foundItems = new HashMap<>();
        Map<String, IngredientKey> proxied = new HashMap<>();
        for (Item[] ab : crossInputPairs(items)) {
            Item a = ab[0];
            Item b = ab[1];
            IngredientKey ka = a.ingredient().key();
            IngredientKey kb = b.ingredient().key();
            List<Pair> direct = knowledge.pairs(ka, kb);
            boolean proxyable = !knowledge.proxies(ka).isEmpty() || !knowledge.proxies(kb).isEmpty();
            if (direct.isEmpty() && !proxyable) {
                continue;
            }
            String key = MedicationKnowledge.pairKey(ka, kb);
            List<Pair> rows = new ArrayList<>(direct);
            if (rows.isEmpty()) {
                for (IngredientKey pa : withProxies(ka)) {
                    for (IngredientKey pb : withProxies(kb)) {
                        List<Pair> pr = knowledge.pairs(pa, pb);
                        if (!pr.isEmpty() && rows.isEmpty()) {
                            rows.addAll(pr);
                            proxied.put(key, !pa.equals(ka) ? ka : kb);
                        }
                    }
                }
            }
            if (!rows.isEmpty() && !found.containsKey(key)) {
                found.put(key, rows);
                foundItems.put(key, new Item[] {a, b});
            }
        }
        for (Map.Entry<String, List<Pair>> e : found.entrySet()) {
            Item[] ab = foundItems.get(e.getKey());
            IngredientKey ka = ab[0].ingredient().key();
            IngredientKey kb = ab[1].ingredient().key();
            boolean high = false;
            boolean nonInt = false;
            Severity sev = Severity.MINOR;
            LinkedHashSet<String> cites = new LinkedHashSet<>();
            for (Pair p : e.getValue()) {
                cites.add(p.source().citation());
                switch (p.source()) {
                    case ONC_HIGH_PRIORITY -> {
                        high = true;
                        sev = sev.max(Severity.MAJOR);
                    }
                    case ONC_NON_INTERRUPTIVE -> {
                        nonInt = true;
                        sev = sev.max(Severity.MODERATE);
                    }
                    case NDFRT -> sev = sev.max("Critical".equalsIgnoreCase(p.severity()) ? Severity.MAJOR
                            : Severity.MODERATE);
                }
            }
            IngredientKey proxy = proxied.get(e.getKey());
            if (proxy != null) {
                cites.add(knowledge.proxySource(proxy));
            }
            Draft target = null;
            for (Draft d : ruleDrafts) {
                if (d.keys.contains(ka) && d.keys.contains(kb)) {
                    target = d;
                    d.severity = d.severity.max(sev);
                    d.sources.addAll(cites);
                    d.highPriority |= high;
                    if (nonInt && !high && d.keys.size() == 2) {
                        d.nonInterruptive = true;
                    }
                }
            }
            if (target != null) {
                continue;
            }
            Draft d = new Draft(AlertKind.DRUG_DRUG, sev, high ? PairSource.ONC_HIGH_PRIORITY.code()
                    : e.getValue().get(0).source().code());
            d.keys.add(ka);
            d.keys.add(kb);
            d.inputs.add(ab[0].input());
            d.inputs.add(ab[1].input());
            d.sources.addAll(cites);
            d.highPriority = high;
            d.nonInterruptive = nonInt && !high;
            String listEs;
            String listEn;
            if (high) {
                listEs = "interacción de alta prioridad (lista ONC)";
                listEn = "high-priority interaction (ONC list)";
            } else if (sev == Severity.MAJOR) {
                listEs = "interacción crítica (NDF-RT)";
                listEn = "critical interaction (NDF-RT)";
            } else if (e.getValue().stream().anyMatch(p -> p.source() == PairSource.NDFRT)) {
                listEs = "interacción significativa (NDF-RT)";
                listEn = "significant interaction (NDF-RT)";
            } else {
                listEs = "interacción conocida que no requiere interrumpir (lista ONC de no interruptivas)";
                listEn = "known interaction that need not interrupt (ONC non-interruptive list)";
            }
            if (proxy != null) {
                IngredientKey behaves = knowledge.proxies(proxy).get(0);
                listEs += "; descrita para " + name(behaves, Language.ES) + " y aplicable a "
                        + name(proxy, Language.ES);
                listEn += "; described for " + name(behaves, Language.EN) + " and applicable to "
                        + name(proxy, Language.EN);
            }
            d.message = new Bilingual(listEs, listEn);
            d.mechanism = TABLE_MECHANISM;
            Bilingual manage = sev.interruptsByDefault() ? MANAGE_SEVERE : MANAGE_MODERATE;
            d.management = manage;
            drafts.add(d);
        }
        mechanisms(items, ruleDrafts, drafts);
        drafts.addAll(0, ruleDrafts);
    }

    /**
     * The pharmacokinetic layer: a pair linked by an inhibitor or inducer of a pathway and one of its
     * substrates. A pair already alerted by a class rule or the interaction table gets the mechanism's
     * severity (if higher) and source, and the table alert gets the mechanism in words; any other pair
     * gets its own alert.
     */
    private void mechanisms(List<Item> items, List<Draft> ruleDrafts, List<Draft> tableDrafts) {
        Set<String> seen = new java.util.HashSet<>();
        for (Item[] ab : crossInputPairs(items)) {
            Item a = ab[0];
            Item b = ab[1];
            IngredientKey ka = a.ingredient().key();
            IngredientKey kb = b.ingredient().key();
            List<MechanismTable.Finding> fs = knowledge.mechanisms().between(ka, kb);
            if (fs.isEmpty() || !seen.add(MedicationKnowledge.pairKey(ka, kb))) {
                continue;
            }
            MechanismTable.Finding top = fs.get(0);
            StringBuilder es = new StringBuilder();
            StringBuilder en = new StringBuilder();
            LinkedHashSet<String> sources = new LinkedHashSet<>();
            for (MechanismTable.Finding f : fs) {
                es.append(es.length() == 0 ? "" : " ").append(f.mechanism().es());
                en.append(en.length() == 0 ? "" : " ").append(f.mechanism().en());
                sources.add(f.source());
            }
            Bilingual mechanism = new Bilingual(es.toString(), en.toString());
            boolean merged = false;
            for (List<Draft> list : List.of(ruleDrafts, tableDrafts)) {
                for (Draft d : list) {
                    if (d.kind != AlertKind.DRUG_DRUG || !d.keys.contains(ka) || !d.keys.contains(kb)) {
                        continue;
                    }
                    merged = true;
                    d.severity = d.severity.max(top.severity());
                    d.sources.addAll(sources);
                    if (d.mechanism == TABLE_MECHANISM) {
                        d.mechanism = mechanism;
                        d.management = top.management();
                    } else if (!d.mechanism.en().contains(top.pathway())) {
                        d.mechanism = new Bilingual(d.mechanism.es() + " " + mechanism.es(),
                                d.mechanism.en() + " " + mechanism.en());
                    }
                }
            }
            if (merged) {
                continue;
            }
            Draft d = new Draft(AlertKind.DRUG_DRUG, top.severity(), top.ruleId());
            boolean perpetratorFirst = top.perpetrator().equals(ka);
            d.keys.add(perpetratorFirst ? ka : kb);
            d.keys.add(perpetratorFirst ? kb : ka);
            d.inputs.add(perpetratorFirst ? a.input() : b.input());
            d.inputs.add(perpetratorFirst ? b.input() : a.input());
            d.mechanism = mechanism;
            d.message = new Bilingual(names(d.keys, Language.ES) + ": interacción farmacocinética ("
                    + top.pathway() + ")", names(d.keys, Language.EN) + ": pharmacokinetic interaction ("
                    + top.pathway() + ")");
            d.management = top.management();
            d.sources.addAll(sources);
            tableDrafts.add(d);
        }
    }

    /** Every pair of distinct ingredients that come from two different inputs, in input order. */
    private static List<Item[]> crossInputPairs(List<Item> items) {
        List<Item[]> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            for (int j = i + 1; j < items.size(); j++) {
                Item a = items.get(i);
                Item b = items.get(j);
                if (a.input() != b.input() && !a.ingredient().key().equals(b.ingredient().key())) {
                    out.add(new Item[] {a, b});
                }
            }
        }
        return out;
    }

    private List<IngredientKey> withProxies(IngredientKey k) {
        List<IngredientKey> out = new ArrayList<>();
        out.add(k);
        out.addAll(knowledge.proxies(k));
        return out;
    }

    /** Finds distinct ingredients for every slot, spanning at least two inputs. */
    private static boolean assign(List<Term> slots, int slot, List<Item> items, List<Item> chosen) {
        if (slot == slots.size()) {
            int first = chosen.get(0).input();
            for (Item c : chosen) {
                if (c.input() != first) {
                    return true;
                }
            }
            return false;
        }
        Term t = slots.get(slot);
        for (Item it : items) {
            if (!t.members().contains(it.ingredient().key())) {
                continue;
            }
            boolean used = false;
            for (Item c : chosen) {
                used |= c.ingredient().key().equals(it.ingredient().key());
            }
            if (used) {
                continue;
            }
            chosen.add(it);
            if (assign(slots, slot + 1, items, chosen)) {
                return true;
            }
            chosen.remove(chosen.size() - 1);
        }
        return false;
    }

    // ---- duplicates -------------------------------------------------------------------------------

    private void duplicates(List<Item> items, List<Draft> drafts, Language lang) {
        Map<IngredientKey, LinkedHashSet<Integer>> byIngredient = new LinkedHashMap<>();
        for (Item it : items) {
            byIngredient.computeIfAbsent(it.ingredient().key(), k -> new LinkedHashSet<>()).add(it.input());
        }
        for (Map.Entry<IngredientKey, LinkedHashSet<Integer>> e : byIngredient.entrySet()) {
            if (e.getValue().size() < 2) {
                continue;
            }
            Draft d = new Draft(AlertKind.DUPLICATE, Severity.MODERATE, "duplicate-ingredient");
            d.keys.add(e.getKey());
            d.inputs.addAll(e.getValue());
            String es = name(e.getKey(), Language.ES);
            String en = name(e.getKey(), Language.EN);
            d.message = new Bilingual("Duplicidad: " + es + " aparece en " + e.getValue().size() + " medicamentos.", ""
                    + "Duplication: " + en + " appears in " + e.getValue().size() + " medicines.");
            d.mechanism = new Bilingual("Dosis acumulada del mismo principio activo: riesgo de sobredosis.", ""
                    + "Cumulative dose of the same ingredient: overdose risk.");
            d.management = new Bilingual("Mantener un solo medicamento con este principio activo y revisar la dosis total diaria."
                    + "", "Keep one medicine with this ingredient and check the total daily dose.");
            d.sources.add("STOPP/START v3 (2023); ISMP list of error-prone duplications");
            drafts.add(d);
        }
        for (DrugClass c : knowledge.classes().values()) {
            if (c.duplicateSeverity().isEmpty()) {
                continue;
            }
            int hits = 0;
            for (Item it : items) {
                if (c.contains(it.ingredient().key())) {
                    hits++;
                }
            }
            if (hits < 2) {
                continue;
            }
            LinkedHashSet<IngredientKey> keys = new LinkedHashSet<>();
            LinkedHashSet<Integer> inputs = new LinkedHashSet<>();
            for (Item it : items) {
                if (c.contains(it.ingredient().key())) {
                    keys.add(it.ingredient().key());
                    inputs.add(it.input());
                }
            }
            if (keys.size() < 2 || inputs.size() < 2) {
                continue;
            }
            Draft d = new Draft(AlertKind.DUPLICATE, c.duplicateSeverity().get(), "duplicate-" + c.key());
            d.keys.addAll(keys);
            d.inputs.addAll(inputs);
            d.message = new Bilingual("Duplicidad terapéutica: " + keys.size() + " " + c.name().es() + " (" + names(keys, Language.ES)
                    + ").", "Therapeutic duplication: " + keys.size() + " " + c.name().en() + " ("
                    + names(keys, Language.EN) + ").");
            d.mechanism = new Bilingual("Mismo mecanismo de acción: más efectos adversos sin más beneficio.", ""
                    + "Same mechanism of action: more adverse effects without more benefit.");
            d.management = new Bilingual("Mantener uno solo salvo indicación expresa (p. ej. cambio planificado).", ""
                    + "Keep only one unless specifically indicated (e.g. a planned switch).");
            d.sources.add(c.source());
            d.sources.add("STOPP/START v3 (2023)");
            drafts.add(d);
        }
    }

    // ---- allergies --------------------------------------------------------------------------------

    private List<String> allergies(List<String> allergies, List<Item> items, List<Draft> drafts, Language lang) {
        List<String> unrecognised = new ArrayList<>();
        Set<String> allergyClasses = new LinkedHashSet<>();
        for (AllergyRule r : knowledge.allergyRules()) {
            allergyClasses.add(r.allergyClass());
        }
        Map<String, Draft> byKey = new LinkedHashMap<>();
        for (int a = 0; a < allergies.size(); a++) {
            String text = allergies.get(a);
            if (text == null) {
                throw new InvalidClinicalInputException("allergies[" + a + "]", "must not be null");
            }
            String norm = " " + TextFold.normaliseWords(text) + " ";
            Set<String> classes = new LinkedHashSet<>();
            for (DrugClass c : knowledge.classes().values()) {
                for (String term : c.allergyTerms()) {
                    if (norm.contains(" " + term + " ")) {
                        classes.add(c.key());
                    }
                }
            }
            Set<IngredientKey> allergens = new LinkedHashSet<>();
            for (MedicationMention m : knowledge.dictionary().findMentions(text)) {
                allergens.addAll(m.match().keys());
            }
            if (classes.isEmpty() && allergens.isEmpty()) {
                unrecognised.add(text);
                continue;
            }
            for (IngredientKey k : allergens) {
                for (String ac : allergyClasses) {
                    DrugClass c = knowledge.classes().get(ac);
                    if (c != null && c.contains(k)) {
                        classes.add(ac);
                    }
                }
            }
            for (Item it : items) {
                IngredientKey k = it.ingredient().key();
                String key = k.value() + "#" + a;
                Draft existing = byKey.get(key);
                if (existing != null) {
                    existing.inputs.add(it.input());
                    continue;
                }
                Draft d = null;
                if (allergens.contains(k)) {
                    d = new Draft(AlertKind.DRUG_ALLERGY, Severity.CONTRAINDICATED, "allergy-same-ingredient");
                    d.message = new Bilingual("Alergia registrada (" + text + "): " + name(k, Language.ES)
                            + " es el mismo principio activo.", "Recorded allergy (" + text + "): "
                            + name(k, Language.EN) + " is the same ingredient.");
                    d.mechanism = new Bilingual("Reexposición al alérgeno.", "Re-exposure to the allergen.");
                    d.management = new Bilingual("No administrar; elegir un fármaco de otro grupo.", ""
                            + "Do not give; choose a drug from another class.");
                    d.sources.add(PATIENT_ALLERGY_SOURCE);
                } else {
                    AllergyRule best = null;
                    for (AllergyRule r : knowledge.allergyRules()) {
                        if (classes.contains(r.allergyClass()) && r.drugs().contains(k)
                                && (best == null || r.severity().ordinal() < best.severity().ordinal())) {
                            best = r;
                        }
                    }
                    if (best != null) {
                        d = new Draft(AlertKind.DRUG_ALLERGY, best.severity(), "allergy-" + best.allergyClass() + "-"
                                + best.drugClass());
                        d.message = new Bilingual(best.message().es().replace("{drug}", name(k, Language.ES)) + " ("
                                + text + ")", "" + best.message().en().replace("{drug}", name(k, Language.EN))
                                + " (" + text + ")");
                        d.mechanism = new Bilingual("Reactividad cruzada entre fármacos del mismo grupo o de estructura similar.", ""
                                + "Cross-reactivity between drugs of the same group or similar structure.");
                        d.management = best.management();
                        d.sources.add(PATIENT_ALLERGY_SOURCE);
                        d.sources.add(best.source());
                    }
                }
                if (d != null) {
                    d.keys.add(k);
                    d.inputs.add(it.input());
                    byKey.put(key, d);
                    drafts.add(d);
                }
            }
        }
        return unrecognised;
    }

    // ---- conditions -------------------------------------------------------------------------------

    private List<String> conditions(MedicationCheckRequest request, List<Item> items, List<Draft> drafts,
                                    Language lang) {
        List<String> unrecognised = new ArrayList<>();
        Set<String> concepts = new LinkedHashSet<>();
        List<String> conditions = request.conditions();
        ConditionCatalog catalog = knowledge.conditions();
        for (int c = 0; c < conditions.size(); c++) {
            String text = conditions.get(c);
            if (text == null) {
                throw new InvalidClinicalInputException("conditions[" + c + "]", "must not be null");
            }
            ConditionCatalog.Resolution r = catalog.resolve(text);
            if (r.recognised()) {
                concepts.addAll(r.concepts());
            } else {
                unrecognised.add(text);
            }
        }
        if (request.egfr() != null) {
            concepts.addAll(ConditionCatalog.egfrConcepts(request.egfr()));
        }
        if (concepts.isEmpty()) {
            return unrecognised;
        }
        Map<String, Draft> best = new LinkedHashMap<>();
        for (Item it : items) {
            IngredientKey k = it.ingredient().key();
            for (ConditionRule r : knowledge.conditionRules()) {
                if (!concepts.contains(r.condition()) || !r.drugs().contains(k)) {
                    continue;
                }
                String key = k.value() + "#" + r.group();
                Draft d = best.get(key);
                if (d != null) {
                    d.inputs.add(it.input());
                    if (r.severity().ordinal() >= d.severity.ordinal()) {
                        continue;
                    }
                    drafts.remove(d);
                }
                Draft n = new Draft(AlertKind.DRUG_CONDITION, r.severity(), r.id());
                n.keys.add(k);
                if (d != null) {
                    n.inputs.addAll(d.inputs);
                }
                n.inputs.add(it.input());
                n.message = new Bilingual(name(k, Language.ES) + ": " + r.message().es() + "", "" + name(k, Language.EN) + ": "
                        + r.message().en());
                String condEs = conditionName(r.condition(), Language.ES);
                String condEn = conditionName(r.condition(), Language.EN);
                n.mechanism = new Bilingual("Contraindicación o precaución por " + condEs + ".", "Contraindication or caution because of "
                        + condEn + ".");
                n.management = r.management();
                n.sources.add(r.source());
                best.put(key, n);
                drafts.add(n);
            }
        }
        return unrecognised;
    }

    private String conditionName(String concept, Language lang) {
        return switch (concept) {
            case "egfr-lt-60" -> lang == Language.EN ? "eGFR below 60 mL/min/1.73 m²" : "FG inferior a 60 mL/min/1,73 m²";
            case "egfr-lt-45" -> lang == Language.EN ? "eGFR below 45 mL/min/1.73 m²" : "FG inferior a 45 mL/min/1,73 m²";
            case "egfr-lt-30" -> lang == Language.EN ? "eGFR below 30 mL/min/1.73 m²" : "FG inferior a 30 mL/min/1,73 m²";
            case "egfr-lt-15" -> lang == Language.EN ? "eGFR below 15 mL/min/1.73 m²" : "FG inferior a 15 mL/min/1,73 m²";
            default -> knowledge.conditions().concept(concept).map(c -> c.name().in(lang)).orElse(concept);
        };
    }
}
