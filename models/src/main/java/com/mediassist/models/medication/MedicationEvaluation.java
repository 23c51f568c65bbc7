package com.mediassist.models.medication;

import com.mediassist.core.knowledge.CsvTable;
import com.mediassist.core.medication.Alert;
import com.mediassist.core.medication.AlertKind;
import com.mediassist.core.medication.Ingredient;
import com.mediassist.core.medication.IngredientKey;
import com.mediassist.core.medication.MatchKind;
import com.mediassist.core.medication.MedicationCheckRequest;
import com.mediassist.core.medication.MedicationCheckResult;
import com.mediassist.core.medication.MedicationChecker;
import com.mediassist.core.medication.MedicationKnowledge;
import com.mediassist.core.medication.MedicationMatch;
import com.mediassist.core.medication.Severity;
import com.mediassist.models.ModelsException.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Measures the medication check against lists of interaction pairs (recall by source and severity, with
 * and without the shipped pair table), on random pairs of recognised ingredients that no list names
 * (specificity), on realistic polypharmacy lists (interrupting alerts per patient) and on a list of the
 * most prescribed ingredients and their brands (name coverage). Reads only the files it is given.
 */
public final class MedicationEvaluation {

    private final MedicationKnowledge knowledge;
    private final MedicationChecker full;
    private final MedicationChecker withoutTable;

    /** @param knowledge the shipped knowledge; the table-less variant is derived from it */
    public MedicationEvaluation(MedicationKnowledge knowledge) {
        this.knowledge = knowledge;
        this.full = new MedicationChecker(knowledge);
        this.withoutTable = new MedicationChecker(knowledge.withoutInteractionTable());
    }

    /** The strongest alert a pair got, if any. */
    record Verdict(Optional<Severity> severity, boolean interrupt) {
        boolean moderateOrAbove() {
            return severity.isPresent() && severity.get().compareTo(Severity.MODERATE) <= 0;
        }
    }

    /** Counts of one group of pairs. */
    public record Tally(int pairs, int moderateOrAbove, int interrupting) {
        Tally add(Verdict v) {
            return new Tally(pairs + 1, moderateOrAbove + (v.moderateOrAbove() ? 1 : 0),
                    interrupting + (v.interrupt() ? 1 : 0));
        }

        /** @return the share flagged moderate or above, in percent */
        public double moderatePercent() {
            return pairs == 0 ? 0 : 100.0 * moderateOrAbove / pairs;
        }

        /** @return the share that interrupts, in percent */
        public double interruptPercent() {
            return pairs == 0 ? 0 : 100.0 * interrupting / pairs;
        }
    }

    /**
     * Recall on a pair list.
     *
     * @param full         by group ({@code source/severity}), with everything shipped
     * @param withoutTable by group, class rules and mechanism layer only (what would generalise to a
     *                     list the table does not contain)
     * @param unrecognised rows whose two drugs are not both recognised
     * @param missedWithoutTable {@code group: a + b} of every pair the rules and mechanisms alone do not
     *                           flag moderate or above
     */
    public record Recall(Map<String, Tally> full, Map<String, Tally> withoutTable, int unrecognised,
                         List<String> missedWithoutTable) {
    }

    /** Specificity on random unlisted pairs, with the rules that fired most. */
    public record Specificity(Tally tally, Map<String, Integer> firedRules, long seed) {
    }

    /** Interrupting alerts per polypharmacy list. */
    public record Polypharmacy(List<String> patients, List<Integer> interrupting, List<Integer> moderateOrAbove) {
        /** @return mean interrupting alerts per patient */
        public double meanInterrupting() {
            return interrupting.stream().mapToInt(Integer::intValue).average().orElse(0);
        }
    }

    /** Name coverage of a most-prescribed list. */
    public record Coverage(int ingredients, int ingredientsFound, int brands, int brandsFound, List<String> missing) {
    }

    /**
     * Scores every row of an interaction list in the shipped format ({@code source, drug_a, drug_b,
     * severity}).
     *
     * @throws BadInputException when the file cannot be read or lacks a column
     */
    public Recall recall(Path pairsCsv) {
        Map<String, Tally> f = new TreeMap<>();
        Map<String, Tally> w = new TreeMap<>();
        int unrecognised = 0;
        List<String> missed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row r : read(pairsCsv).rows()) {
            Optional<Ingredient> a = single(r.required("drug_a"));
            Optional<Ingredient> b = single(r.required("drug_b"));
            if (a.isEmpty() || b.isEmpty() || a.get().key().equals(b.get().key())) {
                unrecognised++;
                continue;
            }
            String group = r.required("source") + (r.get("severity").isEmpty() ? "" : "/" + r.get("severity"));
            if (!seen.add(group + "|" + pairKey(a.get().key(), b.get().key()))) {
                continue;
            }
            f.merge(group, new Tally(0, 0, 0).add(verdict(full, a.get(), b.get())), MedicationEvaluation::sum);
            Verdict alone = verdict(withoutTable, a.get(), b.get());
            w.merge(group, new Tally(0, 0, 0).add(alone), MedicationEvaluation::sum);
            if (!alone.moderateOrAbove()) {
                missed.add(group + ": " + a.get().key().value() + " + " + b.get().key().value());
            }
        }
        return new Recall(f, w, unrecognised, missed);
    }

    /**
     * Checks {@code samples} random pairs of distinct recognised ingredients that neither the shipped
     * table nor {@code extraLists} name.
     */
    public Specificity specificity(int samples, long seed, List<Path> extraLists) {
        Set<String> listed = new HashSet<>();
        for (MedicationKnowledge.Pair p : knowledge.pairRows()) {
            listed.add(pairKey(p.a(), p.b()));
        }
        for (Path list : extraLists) {
            for (CsvTable.Row r : read(list).rows()) {
                Optional<Ingredient> a = single(r.required("drug_a"));
                Optional<Ingredient> b = single(r.required("drug_b"));
                if (a.isPresent() && b.isPresent()) {
                    listed.add(pairKey(a.get().key(), b.get().key()));
                }
            }
        }
        List<Ingredient> all = new ArrayList<>(knowledge.dictionary().ingredients());
        Random random = new Random(seed);
        Tally t = new Tally(0, 0, 0);
        Map<String, Integer> fired = new TreeMap<>();
        Set<String> drawn = new HashSet<>();
        while (t.pairs() < samples) {
            Ingredient a = all.get(random.nextInt(all.size()));
            Ingredient b = all.get(random.nextInt(all.size()));
            String key = pairKey(a.key(), b.key());
            if (a.key().equals(b.key()) || listed.contains(key) || !drawn.add(key)) {
                continue;
            }
            MedicationCheckResult res = full.check(MedicationCheckRequest.of(List.of(a.innEn(), b.innEn())));
            Verdict v = strongest(res);
            t = t.add(v);
            if (v.moderateOrAbove()) {
                for (Alert al : res.alerts()) {
                    if (al.inputs().size() >= 2) {
                        fired.merge(al.ruleId() + (al.interrupt() ? " (interrupts)" : ""), 1, Integer::sum);
                    }
                }
            }
        }
        return new Specificity(t, fired, seed);
    }

    /**
     * Runs each list (one patient a line, medicines separated by {@code ;}, {@code #} comments).
     *
     * @throws BadInputException when the file cannot be read
     */
    public Polypharmacy polypharmacy(Path lists) {
        List<String> names = new ArrayList<>();
        List<Integer> interrupting = new ArrayList<>();
        List<Integer> moderate = new ArrayList<>();
        for (String line : lines(lists)) {
            List<String> meds = new ArrayList<>();
            for (String m : line.split(";")) {
                if (!m.isBlank()) {
                    meds.add(m.trim());
                }
            }
            MedicationCheckResult res = full.check(MedicationCheckRequest.of(meds));
            names.add(line);
            interrupting.add((int) res.alerts().stream().filter(Alert::interrupt).count());
            moderate.add((int) res.alerts().stream()
                    .filter(al -> al.severity().compareTo(Severity.MODERATE) <= 0).count());
        }
        return new Polypharmacy(names, interrupting, moderate);
    }

    /**
     * Name coverage of a list with columns {@code ingredient} and {@code brands} ({@code ;}-separated):
     * an ingredient counts when its name resolves exactly, a brand when it resolves (exactly or as a
     * brand) to a product containing that ingredient.
     */
    public Coverage coverage(Path topList) {
        int ings = 0;
        int ingsFound = 0;
        int brands = 0;
        int brandsFound = 0;
        List<String> missing = new ArrayList<>();
        for (CsvTable.Row r : read(topList).rows()) {
            String name = r.required("ingredient");
            ings++;
            MedicationMatch m = knowledge.dictionary().match(name);
            boolean found = m.matched() && m.how() != MatchKind.TYPO;
            if (found) {
                ingsFound++;
            } else {
                missing.add(name);
            }
            for (String brand : r.get("brands").split(";")) {
                if (brand.isBlank()) {
                    continue;
                }
                brands++;
                MedicationMatch bm = knowledge.dictionary().match(brand.trim());
                boolean ok = bm.matched() && bm.how() != MatchKind.TYPO
                        && (!found || bm.keys().stream().anyMatch(m.keys()::contains));
                if (ok) {
                    brandsFound++;
                } else {
                    missing.add(brand.trim() + " (" + name + ")");
                }
            }
        }
        return new Coverage(ings, ingsFound, brands, brandsFound, missing);
    }

    private Verdict verdict(MedicationChecker checker, Ingredient a, Ingredient b) {
        return strongest(checker.check(MedicationCheckRequest.of(List.of(a.innEn(), b.innEn()))));
    }

    private static Verdict strongest(MedicationCheckResult res) {
        Optional<Severity> best = Optional.empty();
        boolean interrupt = false;
        for (Alert al : res.alerts()) {
            if ((al.kind() != AlertKind.DRUG_DRUG && al.kind() != AlertKind.DUPLICATE) || al.inputs().size() < 2) {
                continue;
            }
            best = Optional.of(best.map(s -> s.max(al.severity())).orElse(al.severity()));
            interrupt |= al.interrupt();
        }
        return new Verdict(best, interrupt);
    }

    private Optional<Ingredient> single(String name) {
        MedicationMatch m = knowledge.dictionary().match(name);
        if (!m.matched() || m.how() == MatchKind.TYPO || m.ingredients().size() != 1) {
            return Optional.empty();
        }
        return Optional.of(m.ingredients().get(0));
    }

    private static String pairKey(IngredientKey a, IngredientKey b) {
        return a.compareTo(b) <= 0 ? a.value() + "|" + b.value() : b.value() + "|" + a.value();
    }

    private static Tally sum(Tally x, Tally y) {
        return new Tally(x.pairs() + y.pairs(), x.moderateOrAbove() + y.moderateOrAbove(),
                x.interrupting() + y.interrupting());
    }

    private static CsvTable read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return CsvTable.read(file.toString(), in);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            List<String> out = new ArrayList<>();
            for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!l.isBlank() && !l.strip().startsWith("#")) {
                    out.add(l.strip());
                }
            }
            return out;
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** @return a plain-text report of all four measures */
    public static String report(Recall recall, Specificity spec, Polypharmacy poly, Coverage coverage) {
        StringBuilder sb = new StringBuilder();
        if (recall != null) {
            sb.append("Recall on the pair list (pairs whose two drugs are recognised; ")
                    .append(recall.unrecognised()).append(" rows not both recognised)\n");
            sb.append(String.format(Locale.ROOT, "%-28s %7s %14s %14s %18s %18s%n", "source/severity", "pairs",
                    "≥moderate", "interrupt", "≥moderate no-table", "interrupt no-table"));
            for (Map.Entry<String, Tally> e : recall.full().entrySet()) {
                Tally t = e.getValue();
                Tally w = recall.withoutTable().get(e.getKey());
                sb.append(String.format(Locale.ROOT, "%-28s %7d %13.1f%% %13.1f%% %17.1f%% %17.1f%%%n", e.getKey(),
                        t.pairs(), t.moderatePercent(), t.interruptPercent(), w.moderatePercent(),
                        w.interruptPercent()));
            }
        }
        if (spec != null) {
            sb.append(String.format(Locale.ROOT, "%nSpecificity: %d random unlisted pairs of recognised ingredients "
                            + "(seed %d): %.2f%% interrupt (limit 3%%), %.2f%% moderate or above (limit 8%%)%n",
                    spec.tally().pairs(), spec.seed(), spec.tally().interruptPercent(),
                    spec.tally().moderatePercent()));
            spec.firedRules().entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(12)
                    .forEach(e -> sb.append(String.format(Locale.ROOT, "  %5d  %s%n", e.getValue(), e.getKey())));
        }
        if (poly != null) {
            sb.append(String.format(Locale.ROOT, "%nPolypharmacy: %d patients, %.2f interrupting alerts per patient "
                            + "(max %d); moderate or above per patient %.2f%n", poly.patients().size(),
                    poly.meanInterrupting(), poly.interrupting().stream().mapToInt(Integer::intValue).max().orElse(0),
                    poly.moderateOrAbove().stream().mapToInt(Integer::intValue).average().orElse(0)));
            for (int i = 0; i < poly.patients().size(); i++) {
                sb.append(String.format(Locale.ROOT, "  %2d interrupting  %s%n", poly.interrupting().get(i),
                        poly.patients().get(i)));
            }
        }
        if (coverage != null) {
            sb.append(String.format(Locale.ROOT, "%nNames: %d/%d ingredients (%.1f%%), %d/%d brands (%.1f%%) recognised%n",
                    coverage.ingredientsFound(), coverage.ingredients(),
                    100.0 * coverage.ingredientsFound() / Math.max(1, coverage.ingredients()), coverage.brandsFound(),
                    coverage.brands(), 100.0 * coverage.brandsFound() / Math.max(1, coverage.brands())));
            if (!coverage.missing().isEmpty()) {
                sb.append("  not recognised: ").append(String.join(", ", coverage.missing())).append('\n');
            }
        }
        return sb.toString();
    }
}
