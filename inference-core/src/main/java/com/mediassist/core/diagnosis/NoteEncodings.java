package com.mediassist.core.diagnosis;

import com.mediassist.core.knowledge.Evidence;
import com.mediassist.core.knowledge.EvidenceType;
import com.mediassist.core.knowledge.EvidenceValue;
import com.mediassist.core.knowledge.FeatureSpace;
import com.mediassist.core.knowledge.Finding;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.PatientFindings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Clinical findings that DDXPlus encodes in more than one way depending on the pathology (a sore throat is
 * {@code E_97} for a cold but pain located in the pharynx for viral pharyngitis). Read from
 * {@code diagnosis/note-encodings.tsv}. Immutable and thread-safe.
 */
public final class NoteEncodings {

    /** The shipped table's resource path. */
    public static final String RESOURCE = "diagnosis/note-encodings.tsv";

    /** One row: the finding as the reader writes it and its alternative encoding. */
    record Alternative(String finding, List<String> instead) {
    }

    private final List<Alternative> rows;

    private NoteEncodings(List<Alternative> rows) {
        this.rows = List.copyOf(rows);
    }

    /** No alternatives: the note path then scores exactly what an answer sheet would. */
    public static NoteEncodings none() {
        return new NoteEncodings(List.of());
    }

    /**
     * The shipped table.
     *
     * @throws DiagnosisException.ModelRunException when the resource is missing or a line is malformed
     */
    public static NoteEncodings loadDefault() {
        List<Alternative> rows = new ArrayList<>();
        try (InputStream in = NoteEncodings.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new DiagnosisException.ModelRunException(RESOURCE + " is missing from the class path", null);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int line = 0;
            for (String s = r.readLine(); s != null; s = r.readLine()) {
                line++;
                if (s.isBlank() || s.startsWith("#")) {
                    continue;
                }
                String[] c = s.split("\t");
                if (c.length < 2 || c[0].isBlank() || c[1].isBlank()) {
                    throw new DiagnosisException.ModelRunException(RESOURCE + " line " + line
                            + ": expected finding<TAB>alternative encoding, found \"" + s + "\"", null);
                }
                rows.add(new Alternative(c[0].strip(), Arrays.stream(c[1].split(",")).map(String::strip).toList()));
            }
        } catch (IOException e) {
            throw new DiagnosisException.ModelRunException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
        return new NoteEncodings(rows);
    }

    /**
     * The patient's findings with one finding re-encoded, one variant per applicable row: a row applies when
     * the finding is present, none of its alternative's evidences is denied and its valued evidences (pain
     * located in the pharynx) are not already present. A yes/no evidence of the alternative that the note
     * already states present (pain, from another phrase of the same complaint) is the same statement, not the
     * alternative encoding: the row still applies and the evidence is kept once.
     *
     * @param knowledge validates the re-encoded findings
     */
    List<PatientFindings> variants(PatientFindings p, Knowledge knowledge) {
        List<PatientFindings> out = new ArrayList<>();
        List<String> present = p.present().stream().map(Finding::toString).toList();
        List<String> absent = p.absent().stream().map(e -> e.value()).toList();
        for (Alternative a : rows) {
            if (!present.contains(a.finding())) {
                continue;
            }
            boolean stated = a.instead().stream().anyMatch(alt -> {
                String code = alt.contains(Finding.VALUE_SEPARATOR) ? alt.substring(0, alt.indexOf(Finding.VALUE_SEPARATOR)) : alt;
                return absent.contains(code) || alt.contains(Finding.VALUE_SEPARATOR) && present.contains(alt);
            });
            if (stated) {
                continue;
            }
            List<String> v = new ArrayList<>(present);
            v.remove(a.finding());
            a.instead().stream().filter(alt -> !v.contains(alt)).forEach(v::add);
            out.add(knowledge.findings(p.age(), p.sex().modelCode().orElse(null), v, absent));
        }
        return out;
    }

    /**
     * The model input of a variant: as {@link FeatureSpace#encode}, except that the other values of a multi-choice
     * evidence the alternative encoding brought in (the pharynx as the place of a "sore throat") are left unknown
     * rather than denied. The note named a sore throat, not "pain in the pharynx and nowhere else": the DDXPlus patients
     * of viral pharyngitis also name the tonsils and the palate, which the note did not deny. The "none" value stays
     * denied. Values the note itself stated keep the answer sheet's encoding.
     */
    static float[] encode(Knowledge knowledge, FeatureSpace space, PatientFindings note, PatientFindings variant) {
        float[] x = space.encode(knowledge, variant);
        for (Finding f : variant.present()) {
            if (!f.hasValue() || note.present().contains(f) || note.isPresent(f.evidence())
                    || variant.absent().contains(f.evidence())) {
                continue;
            }
            Evidence e = knowledge.evidence(f.evidence()).orElseThrow();
            if (e.type() != EvidenceType.MULTI) {
                continue;
            }
            for (EvidenceValue v : e.values()) {
                int i = space.indexOf(FeatureSpace.valueFeature(e.code(), v.code()));
                if (x[i] < 0 && !v.code().equals(e.defaultValue())) {
                    x[i] = 0f;
                }
            }
        }
        return x;
    }
}
