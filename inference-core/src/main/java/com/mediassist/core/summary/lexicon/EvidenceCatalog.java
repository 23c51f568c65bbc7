package com.mediassist.core.summary.lexicon;

import com.mediassist.core.knowledge.EvidenceCode;
import com.mediassist.core.knowledge.Finding;
import com.mediassist.core.summary.KnowledgeFileException;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The DDXPlus evidences shipped in {@code summary/evidences.tsv} (derived from the DDXPlus release):
 * which codes exist, which values each accepts, and which are antecedents.
 */
public final class EvidenceCatalog {

    private record Info(String type, boolean antecedent, Set<String> values) {
    }

    private final Map<String, Info> byCode;

    private EvidenceCatalog(Map<String, Info> byCode) {
        this.byCode = Map.copyOf(byCode);
    }

    /** Loads {@code summary/evidences.tsv}. */
    public static EvidenceCatalog loadDefault() {
        Map<String, Info> map = new HashMap<>();
        for (TsvResource.Row row : TsvResource.read("summary/evidences.tsv", 4)) {
            String[] c = row.cells();
            Set<String> values = c[3].isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(c[3].split(",")));
            map.put(c[0], new Info(c[1], Boolean.parseBoolean(c[2]), values));
        }
        return new EvidenceCatalog(map);
    }

    public int size() {
        return byCode.size();
    }

    /** Whether the evidence exists and, when it has a value, the value is one it accepts. */
    public boolean accepts(Finding code) {
        Info info = byCode.get(code.evidence().value());
        if (info == null) {
            return false;
        }
        if (code.value() == null) {
            return "B".equals(info.type());
        }
        return info.values().contains(code.value());
    }

    /**
     * @throws KnowledgeFileException naming the file and line when the code is not accepted
     */
    public void require(Finding code, String where) {
        if (!accepts(code)) {
            throw new KnowledgeFileException(where + ": " + code + " is not a DDXPlus evidence (or value) of the release");
        }
    }

    /** Antecedents (past conditions, habits) stay true when written in the past history. */
    public boolean isAntecedent(EvidenceCode code) {
        Info info = byCode.get(code.value());
        return info != null && info.antecedent();
    }
}
