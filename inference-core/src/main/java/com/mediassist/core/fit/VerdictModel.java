package com.mediassist.core.fit;

import com.mediassist.core.summary.KnowledgeFileException;
import com.mediassist.core.summary.lexicon.TsvResource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small logistic model of "the 49 conditions do not explain these findings" over six signals of the fit
 * assessment ({@link Signal}), with the two probabilities from which the verdict is low fit and out of scope. Its
 * coefficients are data ({@code fit/verdict-model.tsv}), fitted on the tuning vignettes only by
 * {@code bin/models fit-verdict} (documented in BENCHMARKS.md with its cross-validated trade-off curve).
 *
 * @param intercept    the log-odds with every signal at zero
 * @param coefficients the weight of each signal, one per {@link Signal}
 * @param lowFitFrom   probability of "not explained" from which the verdict is low fit
 * @param outOfScopeFrom probability from which it is out of scope (at least {@code lowFitFrom})
 */
public record VerdictModel(double intercept, Map<Signal, Double> coefficients, double lowFitFrom, double outOfScopeFrom) {

    /** The shipped model's class-path resource. */
    public static final String RESOURCE = "fit/verdict-model.tsv";

    /** The signals the model weighs; each is computed by {@link FitAssessor} from one answer. */
    public enum Signal {
        /** Summed weight of the uncoded findings from outside the model (each 1, free text 0.5), at most 2. */
        OUTSIDE_LOAD("outside-load"),
        /** Share of the best candidate's characteristic symptoms the findings name (frequency-weighted). */
        COVERAGE("coverage"),
        /** The same share for whichever of the three best candidates the findings cover best. */
        COVERAGE_TOP3("coverage-top3"),
        /** {@code ln(1 + n)}, n the distinct coded current symptoms (antecedents not counted). */
        LOG_SYMPTOMS("log-symptoms"),
        /** 1 when the note's own assessment names a condition outside the model ({@link StatedAssessment}), else 0. */
        ASSESSED_OUTSIDE("assessed-outside"),
        /** 1 when the note's own assessment names one of the 49 conditions and none outside them, else 0. */
        ASSESSED_IN_SCOPE("assessed-in-scope");

        private final String code;

        Signal(String code) {
            this.code = code;
        }

        /** The signal's name in the model file. */
        public String code() {
            return code;
        }

        static Signal of(String code, String where) {
            for (Signal s : values()) {
                if (s.code.equals(code)) {
                    return s;
                }
            }
            throw new KnowledgeFileException(where + ": unknown signal \"" + code + "\"");
        }
    }

    public VerdictModel {
        coefficients = Map.copyOf(coefficients);
        for (Signal s : Signal.values()) {
            if (!coefficients.containsKey(s)) {
                throw new KnowledgeFileException("verdict model: no coefficient for " + s.code());
            }
        }
        if (!(lowFitFrom > 0 && lowFitFrom <= outOfScopeFrom && outOfScopeFrom < 1)) {
            throw new KnowledgeFileException(String.format(Locale.ROOT,
                    "verdict model: thresholds must satisfy 0 < low-fit (%s) <= out-of-scope (%s) < 1", lowFitFrom, outOfScopeFrom));
        }
    }

    /** The shipped model. */
    public static VerdictModel loadDefault() {
        return parse(TsvResource.read(RESOURCE, 2), RESOURCE);
    }

    /** Reads a model file written by {@link #write}. */
    public static VerdictModel read(Path file) {
        List<TsvResource.Row> rows = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int n = 0; n < lines.size(); n++) {
                String line = lines.get(n);
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(new TsvResource.Row(n + 1, line.split("\t", -1)));
                }
            }
        } catch (IOException e) {
            throw new KnowledgeFileException("cannot read verdict model " + file + ": " + e.getMessage(), e);
        }
        return parse(rows, file.toString());
    }

    private static VerdictModel parse(List<TsvResource.Row> rows, String source) {
        Double intercept = null;
        Double low = null;
        Double out = null;
        Map<Signal, Double> coef = new EnumMap<>(Signal.class);
        for (TsvResource.Row row : rows) {
            String where = source + " line " + row.line();
            if (row.cells().length < 2) {
                throw new KnowledgeFileException(where + ": expected a name and a number");
            }
            String name = row.cells()[0].strip();
            double value;
            try {
                value = Double.parseDouble(row.cells()[1].strip());
            } catch (NumberFormatException e) {
                throw new KnowledgeFileException(where + ": \"" + row.cells()[1] + "\" is not a number", e);
            }
            switch (name) {
                case "intercept" -> intercept = value;
                case "low-fit-from" -> low = value;
                case "out-of-scope-from" -> out = value;
                default -> {
                    if (coef.put(Signal.of(name, where), value) != null) {
                        throw new KnowledgeFileException(where + ": " + name + " is given twice");
                    }
                }
            }
        }
        if (intercept == null || low == null || out == null) {
            throw new KnowledgeFileException(source + ": needs intercept, low-fit-from and out-of-scope-from");
        }
        return new VerdictModel(intercept, coef, low, out);
    }

    /** Writes the model with a comment header (how it was fitted). */
    public void write(Path file, List<String> comments) throws IOException {
        List<String> lines = new ArrayList<>();
        comments.forEach(c -> lines.add("# " + c));
        lines.add(String.format(Locale.ROOT, "intercept\t%.4f", intercept));
        for (Signal s : Signal.values()) {
            lines.add(String.format(Locale.ROOT, "%s\t%.4f", s.code(), coefficients.get(s)));
        }
        lines.add(String.format(Locale.ROOT, "low-fit-from\t%.3f", lowFitFrom));
        lines.add(String.format(Locale.ROOT, "out-of-scope-from\t%.3f", outOfScopeFrom));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** The probability that the findings are not explained by the 49 conditions, given the signals. */
    public double notExplained(Map<Signal, Double> signals) {
        double z = intercept;
        for (Signal s : Signal.values()) {
            z += coefficients.get(s) * signals.get(s);
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** The verdict for a probability of "not explained". */
    public FitVerdict verdict(double notExplained) {
        if (notExplained >= outOfScopeFrom) {
            return FitVerdict.OUT_OF_SCOPE;
        }
        return notExplained >= lowFitFrom ? FitVerdict.LOW_FIT : FitVerdict.IN_SCOPE;
    }
}
