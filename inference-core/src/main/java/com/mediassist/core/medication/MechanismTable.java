package com.mediassist.core.medication;

import com.mediassist.core.knowledge.Bilingual;
import com.mediassist.core.knowledge.CsvTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The pharmacokinetic mechanism layer: which ingredients inhibit or induce CYP3A4, CYP2D6, CYP2C9,
 * CYP2C19, CYP1A2 and P-gp (and how strongly), which are sensitive, narrow-therapeutic-range or prodrug
 * substrates, and the severity each perpetrator-class × substrate-class combination carries. Built from
 * {@code pk-profiles.csv} and {@code pk-severity.csv}; every finding is precomputed at load time so a
 * check costs one map lookup per pair of ingredients. A matrix cell whose severity reads {@code label}
 * (e.g. weak inhibitor × narrow-range substrate) links only the substrates whose label names a severity for
 * that perpetrator class. Immutable and thread-safe.
 */
public final class MechanismTable {

    /**
     * One mechanism that links two ingredients.
     *
     * @param pathway     enzyme or transporter, e.g. {@code CYP3A4}
     * @param perpetrator the inhibitor or inducer
     * @param substrate   the affected drug
     * @param ruleId      stable id, e.g. {@code pk-cyp3a4-strong-inhibitor-sensitive}
     * @param severity    from the class matrix or the substrate's labelled override
     * @param mechanism   the mechanism in words, both drugs named
     * @param management  what to do
     * @param source      the sources of the perpetrator row, the substrate row and the severity class
     */
    public record Finding(String pathway, IngredientKey perpetrator, IngredientKey substrate, String ruleId,
                          Severity severity, Bilingual mechanism, Bilingual management, String source) {
    }

    private record Profile(String pathway, IngredientKey ingredient, String role, String cls,
                           Map<String, Severity> overrides, String source) {
    }

    /**
     * One cell of the class matrix; {@code severity} is {@code null} for a {@value #LABEL_ONLY} cell, which
     * links a pair only when the substrate's own row names a severity for that perpetrator class (a label
     * that warns even about weak inhibitors), so the class alone never alerts.
     */
    private record Grade(Severity severity, Bilingual mechanism, Bilingual management, String source) {
    }

    /** The severity cell that applies only through a substrate's labelled override. */
    static final String LABEL_ONLY = "label";

    private static final Set<String> PERPETRATOR_CLASSES = Set.of("strong", "moderate", "weak");
    private static final Set<String> SUBSTRATE_CLASSES = Set.of("sensitive", "moderate", "nti", "prodrug",
            "inducer-sensitive");

    private final Map<String, List<Finding>> byPair;
    private final int profileRows;

    private MechanismTable(Map<String, List<Finding>> byPair, int profileRows) {
        this.byPair = byPair;
        this.profileRows = profileRows;
    }

    /**
     * Builds the table.
     *
     * @param profiles  {@code pk-profiles.csv}: pathway, ingredient, role, class, override, source
     * @param severity  {@code pk-severity.csv}: role, perpetrator class, substrate class, severity, templates
     * @param resolve   maps an ingredient key of the file to a dictionary key; throws for unknown ones
     * @param names     names an ingredient in Spanish (index 0) and English (index 1) for the templates
     * @throws com.mediassist.core.knowledge.KnowledgeFormatException for an unknown role, class, severity or
     *                                                                ingredient, or a row without a source
     */
    static MechanismTable load(CsvTable profiles, CsvTable severity, Function<CsvTable.Row, IngredientKey> resolve,
                               Function<IngredientKey, String[]> names) {
        Map<String, Grade> grades = new HashMap<>();
        for (CsvTable.Row r : severity.rows()) {
            String role = role(r);
            String perp = oneOf(r, "perpetrator", PERPETRATOR_CLASSES);
            String sub = oneOf(r, "substrate", SUBSTRATE_CLASSES);
            String sev = r.required("severity");
            Grade g = new Grade(LABEL_ONLY.equalsIgnoreCase(sev) ? null : Severity.parse(severity.resource(), sev),
                    new Bilingual(r.required("mechanism_es"), r.required("mechanism_en")),
                    new Bilingual(r.required("management_es"), r.required("management_en")), r.required("source"));
            if (grades.put(role + "|" + perp + "|" + sub, g) != null) {
                throw r.error("duplicate severity row for " + role + " " + perp + " × " + sub);
            }
        }
        List<Profile> perpetrators = new ArrayList<>();
        List<Profile> substrates = new ArrayList<>();
        int rows = 0;
        for (CsvTable.Row r : profiles.rows()) {
            rows++;
            String role = r.required("role").toLowerCase(Locale.ROOT);
            String pathway = r.required("pathway");
            IngredientKey key = resolve.apply(r);
            Map<String, Severity> overrides = new HashMap<>();
            for (String o : r.get("override").split(";")) {
                if (o.isBlank()) {
                    continue;
                }
                int eq = o.indexOf('=');
                if (eq < 0) {
                    throw r.error("override must read class-role=severity but was \"" + o + "\"");
                }
                overrides.put(o.substring(0, eq).trim(), Severity.parse(profiles.resource(), o.substring(eq + 1)));
            }
            switch (role) {
                case "inhibitor", "inducer" -> perpetrators.add(new Profile(pathway, key, role,
                        oneOf(r, "class", PERPETRATOR_CLASSES), overrides, r.required("source")));
                case "substrate" -> substrates.add(new Profile(pathway, key, role,
                        oneOf(r, "class", SUBSTRATE_CLASSES), overrides, r.required("source")));
                default -> throw r.error("role must be inhibitor, inducer or substrate but was \"" + role + "\"");
            }
        }
        Map<String, List<Finding>> byPair = new HashMap<>();
        for (Profile p : perpetrators) {
            for (Profile s : substrates) {
                if (!p.pathway.equals(s.pathway) || p.ingredient.equals(s.ingredient)) {
                    continue;
                }
                Grade g = grades.get(p.role + "|" + p.cls + "|" + s.cls);
                Severity override = s.overrides.get(p.cls + "-" + p.role);
                if (g == null || (g.severity == null && override == null)) {
                    continue;
                }
                Severity sev = override != null ? override : g.severity;
                String[] pn = names.apply(p.ingredient);
                String[] sn = names.apply(s.ingredient);
                Bilingual mech = new Bilingual(fill(g.mechanism.es(), p.pathway, pn[0], sn[0]),
                        fill(g.mechanism.en(), p.pathway, pn[1], sn[1]));
                Bilingual manage = new Bilingual(fill(g.management.es(), p.pathway, pn[0], sn[0]),
                        fill(g.management.en(), p.pathway, pn[1], sn[1]));
                LinkedHashMap<String, Boolean> sources = new LinkedHashMap<>();
                sources.put(p.source, true);
                sources.put(s.source, true);
                sources.put(g.source, true);
                String id = "pk-" + p.pathway.toLowerCase(Locale.ROOT).replace("-", "") + "-" + p.cls + "-"
                        + p.role + "-" + s.cls;
                Finding f = new Finding(p.pathway, p.ingredient, s.ingredient, id, sev, mech, manage,
                        String.join("; ", sources.keySet()));
                byPair.computeIfAbsent(MedicationKnowledge.pairKey(p.ingredient, s.ingredient),
                        k -> new ArrayList<>()).add(f);
            }
        }
        Map<String, List<Finding>> frozen = new HashMap<>();
        byPair.forEach((k, v) -> {
            v.sort((x, y) -> x.severity().compareTo(y.severity()));
            frozen.put(k, List.copyOf(v));
        });
        return new MechanismTable(Map.copyOf(frozen), rows);
    }

    private static String fill(String template, String pathway, String perpetrator, String substrate) {
        return template.replace("{pathway}", pathway).replace("{perpetrator}", perpetrator)
                .replace("{substrate}", substrate);
    }

    private static String role(CsvTable.Row r) {
        String role = r.required("role").toLowerCase(Locale.ROOT);
        if (!role.equals("inhibitor") && !role.equals("inducer")) {
            throw r.error("role must be inhibitor or inducer but was \"" + role + "\"");
        }
        return role;
    }

    private static String oneOf(CsvTable.Row r, String column, Set<String> allowed) {
        String v = r.required(column).toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw r.error(column + " must be one of " + allowed + " but was \"" + v + "\"");
        }
        return v;
    }

    /**
     * @return the mechanisms linking the two ingredients (in either direction), most severe first; empty
     *         when none is known
     */
    public List<Finding> between(IngredientKey a, IngredientKey b) {
        return byPair.getOrDefault(MedicationKnowledge.pairKey(a, b), List.of());
    }

    /** @return how many profile rows the table was built from */
    public int profileRows() {
        return profileRows;
    }

    /** @return how many ingredient pairs at least one mechanism links */
    public int linkedPairs() {
        return byPair.size();
    }
}
