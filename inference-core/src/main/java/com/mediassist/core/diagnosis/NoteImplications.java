package com.mediassist.core.diagnosis;

import com.mediassist.core.knowledge.FeatureSpace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * DDXPlus yes/no evidences of which one implies the other (coughing fits imply a cough, vomiting several times
 * answers "nausea or vomiting", dyspnoea on minimal effort is dyspnoea). A note states one complaint and the reader
 * may code it with both; DDXPlus lists only one of them for a pathology (whooping cough lists the coughing fits, not
 * the cough). Read from {@code diagnosis/note-implications.tsv} ({@code specific<TAB>generic<TAB>why}); used by
 * {@link NoteLikelihood} on the note path only. Immutable and thread-safe.
 */
public final class NoteImplications {

    /** The shipped table's resource path. */
    public static final String RESOURCE = "diagnosis/note-implications.tsv";

    private static final Pattern CODE = Pattern.compile("E_[0-9]+");

    /** One row: a patient with {@code specific} also has {@code generic} (both DDXPlus evidence codes). */
    public record Implication(String specific, String generic) {
    }

    private final List<Implication> rows;

    private NoteImplications(List<Implication> rows) {
        this.rows = List.copyOf(rows);
    }

    /** The rows, in file order. */
    public List<Implication> rows() {
        return rows;
    }

    /** No implications: every coded finding counts on its own, as on an answer sheet. */
    public static NoteImplications none() {
        return new NoteImplications(List.of());
    }

    /**
     * The shipped table.
     *
     * @throws DiagnosisException.ModelRunException when the resource is missing or a line is malformed
     */
    public static NoteImplications loadDefault() {
        try (InputStream in = NoteImplications.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new DiagnosisException.ModelRunException(RESOURCE + " is missing from the class path", null);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new DiagnosisException.ModelRunException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /**
     * A table from its lines ({@code specific<TAB>generic[<TAB>why]}; blank lines and {@code #} comments skipped).
     *
     * @throws DiagnosisException.ModelRunException naming the line when it is not two evidence codes
     */
    static NoteImplications parse(List<String> lines) {
        List<Implication> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String s = lines.get(i);
            if (s.isBlank() || s.startsWith("#")) {
                continue;
            }
            String[] c = s.split("\t");
            if (c.length < 2 || !CODE.matcher(c[0].strip()).matches() || !CODE.matcher(c[1].strip()).matches()
                    || c[0].strip().equals(c[1].strip())) {
                throw new DiagnosisException.ModelRunException(RESOURCE + " line " + (i + 1)
                        + ": expected two different evidence codes specific<TAB>generic, found \"" + s + "\"", null);
            }
            rows.add(new Implication(c[0].strip(), c[1].strip()));
        }
        return new NoteImplications(rows);
    }

    /**
     * The table over a feature space's evidence features: {@code m[g][f]} is true when the yes/no evidence at
     * feature {@code g} implies the one at {@code f}. Rows naming an evidence the space has no yes/no feature for
     * are left out (a smaller knowledge base).
     */
    boolean[][] matrix(FeatureSpace space) {
        int n = space.evidenceFeatureCount();
        boolean[][] m = new boolean[n][];
        for (Implication r : rows) {
            int g = binaryFeature(space, r.specific());
            int f = binaryFeature(space, r.generic());
            if (g < 0 || f < 0) {
                continue;
            }
            if (m[g] == null) {
                m[g] = new boolean[n];
            }
            m[g][f] = true;
        }
        return m;
    }

    private static int binaryFeature(FeatureSpace space, String code) {
        int i = space.names().indexOf(code);
        return i >= 0 && i < space.evidenceFeatureCount() ? i : -1;
    }
}
