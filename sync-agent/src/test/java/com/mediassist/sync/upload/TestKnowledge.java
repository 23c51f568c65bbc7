package com.mediassist.sync.upload;

import com.mediassist.core.knowledge.Evidence;
import com.mediassist.core.knowledge.EvidenceCode;
import com.mediassist.core.knowledge.EvidenceType;
import com.mediassist.core.knowledge.EvidenceValue;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.Pathology;
import com.mediassist.core.knowledge.PathologyCode;
import com.mediassist.core.knowledge.Text;
import java.util.List;

/** A small knowledge for the sync tests: four evidences, five pathologies over every category. */
public final class TestKnowledge {

    private TestKnowledge() {
    }

    public static Knowledge knowledge() {
        EvidenceCode pain = new EvidenceCode("E_53");
        EvidenceCode where = new EvidenceCode("E_55");
        EvidenceCode fever = new EvidenceCode("E_91");
        EvidenceCode cough = new EvidenceCode("E_201");
        List<Evidence> ev = List.of(
                new Evidence(pain, EvidenceType.BINARY, null, false, new Text("¿Dolor?", "Pain?"), null, List.of()),
                new Evidence(where, EvidenceType.MULTI, pain, false, new Text("¿Dónde?", "Where?"), "V_123",
                        List.of(new EvidenceValue("V_123", new Text("ninguna", "nowhere")),
                                new EvidenceValue("V_101", new Text("tórax", "chest")),
                                new EvidenceValue("V_148", new Text("faringe", "pharynx")))),
                new Evidence(fever, EvidenceType.BINARY, null, false, new Text("¿Fiebre?", "Fever?"), null, List.of()),
                new Evidence(cough, EvidenceType.BINARY, null, false, new Text("¿Tos?", "Cough?"), null, List.of()));
        List<Pathology> p = List.of(
                pathology("Pneumonia", "J17", fever, cough),
                pathology("URTI", "J06", fever, cough),
                pathology("Bronchitis", "J40", cough),
                pathology("Possible NSTEMI / STEMI", "I21", pain, where),
                pathology("Panic attack", "F41.0", pain));
        return new Knowledge(new Knowledge.Document("sync-test", "CC BY 4.0", ev, p));
    }

    private static Pathology pathology(String name, String icd10, EvidenceCode... symptoms) {
        return new Pathology(PathologyCode.fromName(name), name, new Text(name, name), icd10, 3, List.of(symptoms), List.of());
    }
}
