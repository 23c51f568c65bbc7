package com.mediassist.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mediassist.core.knowledge.Evidence;
import com.mediassist.core.knowledge.EvidenceCode;
import com.mediassist.core.knowledge.EvidenceType;
import com.mediassist.core.knowledge.EvidenceValue;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.Pathology;
import com.mediassist.core.knowledge.PathologyCode;
import com.mediassist.core.knowledge.Sex;
import com.mediassist.core.knowledge.Text;
import com.mediassist.models.ModelsException.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the DDXPlus release files and the project's Spanish wording, and DDXPlus patient CSVs.
 * The data folder holds {@code release_evidences.json}, {@code release_conditions.json},
 * {@code spanish-questions.tsv}, {@code spanish-values.tsv} and {@code spanish-pathologies.tsv}.
 */
public final class DdxplusData {

    /** Files of the data folder that the knowledge is built from, in provenance order. */
    public static final List<String> KNOWLEDGE_FILES = List.of("release_evidences.json", "release_conditions.json",
            "spanish-questions.tsv", "spanish-values.tsv", "spanish-pathologies.tsv");

    static final String SOURCE = "DDXPlus (Fansi Tchango et al., NeurIPS 2022 Datasets and Benchmarks), English release;"
            + " Spanish wording by MediAssist";

    private DdxplusData() {
    }

    /**
     * Builds the bilingual knowledge.
     *
     * @throws BadInputException naming the file and item that is missing or malformed
     */
    public static Knowledge buildKnowledge(Path dataDir) {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> qEs = readTsv(dataDir.resolve("spanish-questions.tsv"));
        Map<String, String> vEs = readTsv(dataDir.resolve("spanish-values.tsv"));
        Map<String, String> pEs = readTsv(dataDir.resolve("spanish-pathologies.tsv"));
        List<Evidence> evidences = new ArrayList<>();
        JsonNode ev = readJson(json, dataDir.resolve("release_evidences.json"));
        List<String> names = new ArrayList<>();
        ev.fieldNames().forEachRemaining(names::add);
        names.sort((a, b) -> Integer.compare(Integer.parseInt(a.substring(2)), Integer.parseInt(b.substring(2))));
        for (String name : names) {
            JsonNode e = ev.get(name);
            EvidenceType type = switch (e.path("data_type").asText()) {
                case "B" -> EvidenceType.BINARY;
                case "C" -> EvidenceType.CATEGORICAL;
                case "M" -> EvidenceType.MULTI;
                default -> throw new BadInputException("release_evidences.json: " + name + " has unknown data_type "
                        + e.path("data_type"));
            };
            String es = qEs.get(name);
            if (es == null) {
                throw new BadInputException("spanish-questions.tsv lacks evidence " + name);
            }
            List<EvidenceValue> values = new ArrayList<>();
            JsonNode meanings = e.path("value_meaning");
            for (JsonNode v : e.path("possible-values")) {
                String code = v.asText();
                if (meanings.has(code)) {
                    String vEn = meanings.get(code).path("en").asText();
                    String vSp = vEs.get(code);
                    if (vSp == null) {
                        throw new BadInputException("spanish-values.tsv lacks value " + code + " of " + name);
                    }
                    values.add(new EvidenceValue(code, new Text(vSp, vEn)));
                } else {
                    values.add(new EvidenceValue(code, new Text(code, code)));
                }
            }
            String parent = e.path("code_question").asText(name);
            EvidenceCode parentCode = parent.equals(name) || !ev.has(parent) ? null : new EvidenceCode(parent);
            String def = type == EvidenceType.BINARY ? null : e.path("default_value").asText();
            evidences.add(new Evidence(new EvidenceCode(name), type, parentCode, e.path("is_antecedent").asBoolean(),
                    new Text(es, e.path("question_en").asText()), def, values));
        }
        List<Pathology> pathologies = new ArrayList<>();
        JsonNode conds = readJson(json, dataDir.resolve("release_conditions.json"));
        for (Iterator<Map.Entry<String, JsonNode>> it = conds.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> c = it.next();
            String name = c.getValue().path("condition_name").asText(c.getKey());
            String es = pEs.get(name);
            if (es == null) {
                throw new BadInputException("spanish-pathologies.tsv lacks pathology '" + name + "'");
            }
            pathologies.add(new Pathology(PathologyCode.fromName(name), name,
                    new Text(es, c.getValue().path("cond-name-eng").asText(name)),
                    c.getValue().path("icd10-id").asText().toUpperCase(java.util.Locale.ROOT),
                    c.getValue().path("severity").asInt(), codes(c.getValue().path("symptoms")),
                    codes(c.getValue().path("antecedents"))));
        }
        return new Knowledge(new Knowledge.Document(SOURCE, "CC BY 4.0", evidences, pathologies));
    }

    private static List<EvidenceCode> codes(JsonNode obj) {
        List<EvidenceCode> out = new ArrayList<>();
        obj.fieldNames().forEachRemaining(n -> out.add(new EvidenceCode(n)));
        return out;
    }

    private static JsonNode readJson(ObjectMapper json, Path file) {
        try {
            return json.readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static Map<String, String> readTsv(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            int n = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", -1);
                if (parts.length != 2 || parts[1].isBlank()) {
                    throw new BadInputException(file.getFileName() + " line " + n + ": expected 'code<TAB>text'");
                }
                out.put(parts[0].trim(), parts[1].trim());
            }
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Reads a DDXPlus patients CSV with the columns AGE, SEX, PATHOLOGY, EVIDENCES, INITIAL_EVIDENCE.
     *
     * @throws BadInputException naming the line and column that cannot be read
     */
    public static List<PatientRecord> readPatients(Path csv) {
        List<PatientRecord> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                throw new BadInputException(csv + " is empty");
            }
            List<String> cols = splitCsv(header.replace("\uFEFF", ""));
            int age = col(cols, "AGE", csv), sex = col(cols, "SEX", csv), path = col(cols, "PATHOLOGY", csv),
                    evs = col(cols, "EVIDENCES", csv), init = col(cols, "INITIAL_EVIDENCE", csv);
            String line;
            int n = 1;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = splitCsv(line);
                if (f.size() < cols.size()) {
                    throw new BadInputException(csv.getFileName() + " line " + n + ": expected " + cols.size()
                            + " columns, found " + f.size());
                }
                int a;
                try {
                    a = (int) Math.round(Double.parseDouble(f.get(age).trim()));
                } catch (NumberFormatException e) {
                    throw new BadInputException(csv.getFileName() + " line " + n + ": AGE '" + f.get(age) + "' is not a number");
                }
                Sex s = switch (f.get(sex).trim()) {
                    case "M" -> Sex.MALE;
                    case "F" -> Sex.FEMALE;
                    default -> throw new BadInputException(csv.getFileName() + " line " + n + ": SEX must be M or F, found '"
                            + f.get(sex) + "'");
                };
                out.add(new PatientRecord(a, s, f.get(path).trim(), parseList(f.get(evs)), f.get(init).trim()));
            }
        } catch (IOException e) {
            throw new BadInputException("cannot read " + csv + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static int col(List<String> cols, String name, Path csv) {
        int i = cols.indexOf(name);
        if (i < 0) {
            throw new BadInputException(csv.getFileName() + " lacks the column " + name + " (has " + cols + ")");
        }
        return i;
    }

    private static List<String> parseList(String s) {
        String t = s.trim();
        if (t.startsWith("[")) {
            t = t.substring(1, t.length() - 1);
        }
        List<String> out = new ArrayList<>();
        for (String part : t.split(",")) {
            String v = part.trim().replace("'", "").replace("\"", "");
            if (!v.isEmpty()) {
                out.add(v);
            }
        }
        return out;
    }

    static List<String> splitCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
