package com.mediassist.core.knowledge;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mediassist.core.knowledge.KnowledgeException.InvalidFindingException;
import com.mediassist.core.knowledge.KnowledgeException.MalformedKnowledgeException;
import com.mediassist.core.text.TextFold;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The DDXPlus knowledge: every evidence and pathology, in the order of the knowledge file (which is
 * also the order of the model's labels). Immutable and thread-safe.
 */
public final class Knowledge {

    /** Oldest accepted age in years. */
    public static final int MAX_AGE = 120;

    /**
     * The knowledge file as stored in a bundle ({@code knowledge.json}).
     *
     * @param source      where it was derived from
     * @param license     the licence of the source
     * @param evidences   every evidence
     * @param pathologies every pathology, in label order
     */
    public record Document(String source, String license, List<Evidence> evidences, List<Pathology> pathologies) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Document document;
    private final Map<EvidenceCode, Evidence> evidences;
    private final Map<String, Pathology> byName;
    private final Map<PathologyCode, Pathology> byCode;

    /**
     * @throws MalformedKnowledgeException when codes repeat or a pathology names an unknown evidence
     */
    public Knowledge(Document document) {
        this.document = document;
        if (document.evidences() == null || document.evidences().isEmpty()
                || document.pathologies() == null || document.pathologies().isEmpty()) {
            throw new MalformedKnowledgeException("knowledge must list evidences and pathologies");
        }
        Map<EvidenceCode, Evidence> ev = new LinkedHashMap<>();
        for (Evidence e : document.evidences()) {
            if (ev.put(e.code(), e) != null) {
                throw new MalformedKnowledgeException("evidence " + e.code() + " appears twice");
            }
            if (e.isBinary() != e.values().isEmpty()) {
                throw new MalformedKnowledgeException("evidence " + e.code() + " of type " + e.type()
                        + " has " + e.values().size() + " values");
            }
        }
        Map<String, Pathology> names = new LinkedHashMap<>();
        Map<PathologyCode, Pathology> codes = new LinkedHashMap<>();
        for (Pathology p : document.pathologies()) {
            if (names.put(p.ddxplusName(), p) != null || codes.put(p.code(), p) != null) {
                throw new MalformedKnowledgeException("pathology " + p.code() + " appears twice");
            }
            for (EvidenceCode c : concat(p.symptoms(), p.antecedents())) {
                if (!ev.containsKey(c)) {
                    throw new MalformedKnowledgeException("pathology " + p.code() + " names unknown evidence " + c);
                }
            }
        }
        this.evidences = Collections.unmodifiableMap(ev);
        this.byName = Collections.unmodifiableMap(names);
        this.byCode = Collections.unmodifiableMap(codes);
    }

    private static List<EvidenceCode> concat(List<EvidenceCode> a, List<EvidenceCode> b) {
        List<EvidenceCode> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * Reads a knowledge file.
     *
     * @throws MalformedKnowledgeException when it is missing, unreadable or inconsistent
     */
    public static Knowledge read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new MalformedKnowledgeException("cannot read knowledge file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a knowledge file from a stream, which the caller closes. */
    public static Knowledge read(InputStream in) {
        try {
            return new Knowledge(JSON.readValue(in, Document.class));
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedKnowledgeException("knowledge file is not valid: " + e.getMessage(), e);
        }
    }

    /** Writes the knowledge file (UTF-8 JSON, stable order). */
    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), document);
    }

    public Document document() {
        return document;
    }

    /** Every evidence in knowledge order. */
    public List<Evidence> evidences() {
        return document.evidences();
    }

    /** Every pathology in label order. */
    public List<Pathology> pathologies() {
        return document.pathologies();
    }

    public Optional<Evidence> evidence(EvidenceCode code) {
        return Optional.ofNullable(evidences.get(code));
    }

    public Optional<Pathology> pathologyByName(String ddxplusName) {
        return Optional.ofNullable(byName.get(ddxplusName));
    }

    public Optional<Pathology> pathology(PathologyCode code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /**
     * Parses one finding in DDXPlus notation ({@code E_53}, {@code E_54_@_V_161}, {@code E_56_@_7}).
     *
     * @param item the name of the input item, used in the error ({@code evidences[2]})
     * @throws InvalidFindingException when the code is unknown, a value is missing or not one of the
     *                                 evidence's values, or a binary evidence is given a value
     */
    public Finding parseFinding(String item, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidFindingException(item, "an evidence code is required");
        }
        String t = text.trim();
        int sep = t.indexOf(Finding.VALUE_SEPARATOR);
        String code = sep < 0 ? t : t.substring(0, sep);
        String value = sep < 0 ? null : t.substring(sep + Finding.VALUE_SEPARATOR.length());
        Evidence e = known(item, code);
        if (e.isBinary()) {
            if (value != null) {
                throw new InvalidFindingException(item, "evidence " + code + " is yes/no and takes no value, found '" + value + "'");
            }
            return Finding.of(e.code());
        }
        if (value == null) {
            throw new InvalidFindingException(item, "evidence " + code + " needs a value, e.g. " + code
                    + Finding.VALUE_SEPARATOR + e.values().get(0).code());
        }
        if (e.value(value).isEmpty()) {
            throw new InvalidFindingException(item, "'" + value + "' is not a value of evidence " + code);
        }
        return new Finding(e.code(), value);
    }

    private Evidence known(String item, String code) {
        if (!EvidenceCode.isWellFormed(code)) {
            throw new InvalidFindingException(item, "'" + code + "' is not an evidence code (expected E_<number>)");
        }
        Evidence e = evidences.get(new EvidenceCode(code));
        if (e == null) {
            throw new InvalidFindingException(item, "unknown evidence code " + code);
        }
        return e;
    }

    /**
     * Validates and builds a patient's findings.
     *
     * @param age       years, 0–{@value #MAX_AGE}
     * @param sex       {@code M} or {@code F} (any case)
     * @param evidences positive findings in DDXPlus notation
     * @param absent    evidence codes asked and denied (no values)
     * @throws InvalidFindingException naming the offending item ({@code age}, {@code sex},
     *                                 {@code evidences[i]}, {@code absent[i]})
     */
    public PatientFindings findings(Integer age, String sex, List<String> evidences, List<String> absent) {
        if (age == null) {
            throw new InvalidFindingException("age", "age is required (years, 0-" + MAX_AGE + ")");
        }
        if (age < 0 || age > MAX_AGE) {
            throw new InvalidFindingException("age", "age must be between 0 and " + MAX_AGE + " years, found " + age);
        }
        if (sex == null) {
            throw new InvalidFindingException("sex", "sex is required ('M' or 'F')");
        }
        Sex s;
        try {
            s = Sex.fromModelCode(sex);
        } catch (InvalidClinicalInputException e) {
            throw new InvalidFindingException("sex", "sex must be 'M' or 'F', found '" + sex + "'");
        }
        List<Finding> present = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<String> ev = evidences == null ? List.of() : evidences;
        for (int i = 0; i < ev.size(); i++) {
            Finding f = parseFinding("evidences[" + i + "]", ev.get(i));
            if (seen.add(f.toString())) {
                present.add(f);
            }
        }
        Set<EvidenceCode> denied = new LinkedHashSet<>();
        List<String> ab = absent == null ? List.of() : absent;
        for (int i = 0; i < ab.size(); i++) {
            String item = "absent[" + i + "]";
            String code = ab.get(i) == null ? "" : ab.get(i).trim();
            if (code.contains(Finding.VALUE_SEPARATOR)) {
                throw new InvalidFindingException(item, "absent evidences are codes without values, found '" + code + "'");
            }
            Evidence e = known(item, code);
            if (present.stream().anyMatch(f -> f.evidence().equals(e.code()))) {
                throw new InvalidFindingException(item, "evidence " + code + " is listed both as present and absent");
            }
            denied.add(e.code());
        }
        return new PatientFindings(age, s, present, denied);
    }

    /**
     * Searches evidences by their question, accent- and case-insensitively, for a symptom picker.
     * Every word of the query must start a word of the question (or be within one typo of one, for
     * words of five letters or more); an evidence code matches itself.
     *
     * @param query    the words typed; blank gives no results
     * @param language the language of the questions searched
     * @param limit    the maximum number of results
     */
    public List<Evidence> search(String query, Language language, int limit) {
        String q = TextFold.fold(query == null ? "" : query.trim());
        if (q.isEmpty()) {
            return List.of();
        }
        String[] terms = q.split("[^a-z0-9_]+");
        record Hit(Evidence evidence, int score, int length) {
        }
        List<Hit> hits = new ArrayList<>();
        for (Evidence e : evidences.values()) {
            if (TextFold.fold(e.code().value()).equals(q)) {
                hits.add(new Hit(e, 0, 0));
                continue;
            }
            String[] words = TextFold.fold(e.question().in(language)).split("[^a-z0-9]+");
            int score = 0;
            boolean all = true;
            for (String term : terms) {
                if (term.isEmpty()) {
                    continue;
                }
                int best = Integer.MAX_VALUE;
                for (String w : words) {
                    if (w.startsWith(term)) {
                        best = Math.min(best, w.length() == term.length() ? 1 : 2);
                    } else if (term.length() >= 5 && TextFold.editDistance(term,
                            w.substring(0, Math.min(w.length(), term.length() + 1)), 1) <= 1) {
                        best = Math.min(best, 4);
                    }
                }
                if (best == Integer.MAX_VALUE) {
                    all = false;
                    break;
                }
                score += best;
            }
            if (all) {
                hits.add(new Hit(e, score, words.length));
            }
        }
        // Best-matching words first; among equals, the shortest question (the one most about the
        // words typed: "tos" finds "¿Tiene tos?" before "¿… alguien que haya tenido tos ferina?").
        hits.sort(Comparator.comparingInt(Hit::score).thenComparingInt(Hit::length)
                .thenComparing(h -> h.evidence().code()));
        return hits.stream().limit(Math.max(0, limit)).map(Hit::evidence).toList();
    }
}
