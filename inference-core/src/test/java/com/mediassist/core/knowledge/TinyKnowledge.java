package com.mediassist.core.knowledge;

import java.util.List;

/** A four-evidence, two-pathology knowledge for unit tests, with hand-set frequencies. */
public final class TinyKnowledge {

    private TinyKnowledge() {
    }

    public static Knowledge knowledge() {
        EvidenceCode fever = new EvidenceCode("E_91");
        EvidenceCode cough = new EvidenceCode("E_201");
        EvidenceCode pain = new EvidenceCode("E_53");
        EvidenceCode where = new EvidenceCode("E_55");
        List<Evidence> ev = List.of(
                new Evidence(pain, EvidenceType.BINARY, null, false, new Text("¿Tiene dolor?", "Do you have pain?"), null, List.of()),
                new Evidence(where, EvidenceType.MULTI, pain, false, new Text("¿Dónde le duele?", "Where is the pain?"), "V_123",
                        List.of(new EvidenceValue("V_123", new Text("en ninguna parte", "nowhere")),
                                new EvidenceValue("V_101", new Text("parte alta del tórax", "upper chest")),
                                new EvidenceValue("V_148", new Text("faringe", "pharynx")))),
                new Evidence(fever, EvidenceType.BINARY, null, false,
                        new Text("¿Tiene fiebre (notada o medida con un termómetro)?", "Do you have a fever?"), null, List.of()),
                new Evidence(cough, EvidenceType.BINARY, null, false, new Text("¿Tiene tos?", "Do you have a cough?"), null, List.of()));
        List<Pathology> p = List.of(
                new Pathology(PathologyCode.fromName("Viral pharyngitis"), "Viral pharyngitis",
                        new Text("Faringitis vírica", "Viral pharyngitis"), "J02.9", 4, List.of(pain, where, fever), List.of()),
                new Pathology(PathologyCode.fromName("Possible NSTEMI / STEMI"), "Possible NSTEMI / STEMI",
                        new Text("Posible IAMSEST / IAMCEST", "Possible NSTEMI / STEMI"), "I21", 1, List.of(pain, where), List.of()));
        return new Knowledge(new Knowledge.Document("test", "CC BY 4.0", ev, p));
    }

    /** Pharyngitis: fever and throat pain; infarction: chest pain, no fever. Features: E_53, E_55=*, E_91, E_201. */
    public static EvidenceFrequencies frequencies(Knowledge k) {
        FeatureSpace s = new FeatureSpace(k);
        List<String> features = s.names().subList(0, s.evidenceFeatureCount());
        double[][] present = {
                {0.9, 0.05, 0.05, 0.85, 0.9, 0.3},
                {0.95, 0.05, 0.9, 0.02, 0.05, 0.1}};
        double[][] ages = new double[2][s.ageBucketCount()];
        for (double[] a : ages) {
            java.util.Arrays.fill(a, 1.0 / s.ageBucketCount());
        }
        return new EvidenceFrequencies(k.pathologies().stream().map(Pathology::code).toList(), features,
                new double[]{0.7, 0.3}, present, ages, new double[]{0.5, 0.6}, "hand-set for tests");
    }
}
