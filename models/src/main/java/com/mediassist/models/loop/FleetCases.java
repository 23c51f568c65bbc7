package com.mediassist.models.loop;

import com.mediassist.core.knowledge.EvidenceCode;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.Pathology;
import com.mediassist.core.knowledge.PathologyCode;
import com.mediassist.core.knowledge.Sex;
import com.mediassist.models.PatientRecord;
import com.mediassist.models.fleet.Batch;
import com.mediassist.models.fleet.BatchValidator;
import com.mediassist.models.fleet.FleetEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The confirmed cases in the fleet's batches, as training rows: every {@code consultation-signed-off}
 * whose final diagnosis is a pathology of the knowledge becomes a patient (age = the middle of its
 * band, its sex, its present evidences). A case whose age band and/or sex the clinic's k-anonymity
 * suppressed trains with them unknown (nothing imputed: the trainer leaves it out of the
 * pathology's age or sex distribution) and is counted in {@code demographicsSuppressed}. Nothing is
 * dropped silently: signed-off consultations that cannot train (no final diagnosis, a generalised
 * {@code cat:} diagnosis, no present evidence) are counted by reason, and cases disagreeing with the
 * knowledge (a present evidence the pathology never shows) are kept, counted and listed.
 *
 * @param rows          the trainable cases
 * @param signedOff     signed-off consultations read
 * @param clinics       distinct clinics the trainable cases come from
 * @param weeks         ISO weeks of the trainable cases
 * @param excluded      signed-off consultations not trained on, by reason
 * @param demographicsSuppressed trainable cases whose age band or sex is unknown (suppressed)
 * @param disagreeing   trainable cases with a present evidence the pathology never shows (kept)
 * @param disagreements up to 50 of them: pathology, evidence, clinic, week
 * @param logDigest     SHA-256 over the sorted content addresses of the batches read (provenance)
 * @param batches       batches read
 */
public record FleetCases(List<PatientRecord> rows, int signedOff, int clinics, SortedSet<String> weeks,
                         Map<String, Integer> excluded, int demographicsSuppressed, int disagreeing, List<Map<String, String>> disagreements,
                         String logDigest, int batches) {

    /** Reads the cases of validated batches. */
    public static FleetCases of(List<Batch> batches, Knowledge knowledge) {
        List<PatientRecord> rows = new ArrayList<>();
        TreeSet<String> weeks = new TreeSet<>();
        TreeSet<String> clinics = new TreeSet<>();
        Map<String, Integer> excluded = new LinkedHashMap<>();
        List<Map<String, String>> disagreements = new ArrayList<>();
        int disagreeing = 0;
        int suppressed = 0;
        int signedOff = 0;
        TreeSet<String> addresses = new TreeSet<>();
        for (Batch b : batches) {
            addresses.add(b.contentAddress());
            for (FleetEvent e : b.events()) {
                if (!(e instanceof FleetEvent.ConsultationSignedOff c)) {
                    continue;
                }
                signedOff++;
                String reason = null;
                if (c.finalDiagnosis().isEmpty()) {
                    reason = "no final diagnosis in the knowledge";
                } else if (c.finalDiagnosis().get().startsWith("cat:")) {
                    reason = "diagnosis generalised to a category";
                } else if (c.evidencesPresent().isEmpty()) {
                    reason = "no present evidence";
                }
                if (reason != null) {
                    excluded.merge(reason, 1, Integer::sum);
                    continue;
                }
                Pathology p = knowledge.pathology(PathologyCode.of(c.finalDiagnosis().get())).orElseThrow();
                boolean disagrees = false;
                for (String ev : c.evidencesPresent()) {
                    EvidenceCode base = new EvidenceCode(ev.split("_@_", 2)[0]);
                    if (!p.canPresent(base)) {
                        if (!disagrees) {
                            disagreeing++;
                        }
                        disagrees = true;
                        if (disagreements.size() < 50) {
                            disagreements.add(Map.of("pathology", p.code().value(), "evidence", base.value(),
                                    "clinic", b.clinicId(), "week", c.week()));
                        }
                    }
                }
                if (c.ageBand().isEmpty() || c.sex().isEmpty()) {
                    suppressed++;
                }
                rows.add(PatientRecord.of(c.ageBand().map(FleetCases::ageOf), c.sex().map(Sex::fromModelCode), p.ddxplusName(),
                        c.evidencesPresent(), c.evidencesPresent().get(0).split("_@_", 2)[0]));
                weeks.add(c.week());
                clinics.add(b.clinicId());
            }
        }
        return new FleetCases(rows, signedOff, clinics.size(), weeks, excluded, suppressed, disagreeing, disagreements,
                BatchValidator.contentAddress(String.join("\n", addresses).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .substring("sha256:".length()), batches.size());
    }

    /** The middle of a 5-year band ({@code 40-44 → 42}); {@code 90+ → 92}. */
    static int ageOf(String band) {
        if (band.endsWith("+")) {
            return Integer.parseInt(band.substring(0, band.length() - 1)) + 2;
        }
        String[] lo = band.split("-");
        return (Integer.parseInt(lo[0]) + Integer.parseInt(lo[1])) / 2;
    }

    /** The provenance entries the manifest records. */
    public Map<String, String> provenance() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("fleetCases", Integer.toString(rows.size()));
        m.put("fleetClinics", Integer.toString(clinics));
        m.put("fleetWeeks", weeks.isEmpty() ? "none" : weeks.first() + ".." + weeks.last() + " (" + weeks.size() + " weeks)");
        m.put("fleetBatches", Integer.toString(batches));
        m.put("fleetSignedOff", Integer.toString(signedOff));
        m.put("fleetExcluded", excluded.toString());
        m.put("fleetAgeOrSexSuppressed", Integer.toString(demographicsSuppressed));
        m.put("fleetCasesDisagreeingWithKnowledge", Integer.toString(disagreeing));
        return m;
    }
}
