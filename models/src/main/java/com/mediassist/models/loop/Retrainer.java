package com.mediassist.models.loop;

import com.mediassist.core.bundle.BundleManifest;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.models.BundleWriter;
import com.mediassist.models.PatientRecord;
import com.mediassist.models.TrainerSettings;
import com.mediassist.models.TrainingPipeline;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains a new diagnosis bundle from the knowledge, base patients (optionally a seeded, per-pathology
 * stratified fraction of them) and the fleet's confirmed cases, with the fleet's provenance in the
 * manifest. The trainer is the shipped one ({@link TrainerSettings#defaults()}, seed overridable).
 */
public final class Retrainer {

    private Retrainer() {
    }

    /**
     * What was trained.
     *
     * @param manifest     the written manifest
     * @param basePatients base patients used
     * @param fleet        the fleet cases
     */
    public record Result(BundleManifest manifest, int basePatients, FleetCases fleet) {

        /** A JSON-ready summary. */
        public Map<String, Object> summary() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bundle", Map.of("id", manifest.id(), "version", manifest.version()));
            m.put("basePatients", basePatients);
            m.put("fleetBatches", fleet.batches());
            m.put("fleetSignedOff", fleet.signedOff());
            m.put("fleetCases", fleet.rows().size());
            m.put("fleetClinics", fleet.clinics());
            m.put("fleetWeeks", List.copyOf(fleet.weeks()));
            m.put("excluded", fleet.excluded());
            m.put("ageOrSexSuppressed", fleet.demographicsSuppressed());
            m.put("casesDisagreeingWithKnowledge", fleet.disagreeing());
            m.put("disagreements", fleet.disagreements());
            m.put("metrics", manifest.provenance().metrics());
            return m;
        }
    }

    /**
     * A seeded sample of about {@code fraction} of the rows, per pathology (at least one of each
     * pathology present), in the rows' order.
     */
    public static List<PatientRecord> sample(List<PatientRecord> rows, double fraction, long seed) {
        if (fraction <= 0 || fraction > 1) {
            throw new IllegalArgumentException("--base-fraction must be in (0, 1], found " + fraction);
        }
        if (fraction >= 1) {
            return rows;
        }
        Map<String, List<Integer>> by = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            by.computeIfAbsent(rows.get(i).pathology(), k -> new ArrayList<>()).add(i);
        }
        Random rnd = new Random(seed);
        List<Integer> keep = new ArrayList<>();
        for (List<Integer> idx : by.values()) {
            Collections.shuffle(idx, rnd);
            keep.addAll(idx.subList(0, Math.max(1, (int) Math.round(idx.size() * fraction))));
        }
        Collections.sort(keep);
        return keep.stream().map(rows::get).toList();
    }

    /**
     * Trains and writes the bundle.
     *
     * @param dataFiles  the knowledge and base patient files (hashed into the provenance)
     * @param createdAt  the manifest's creation instant
     */
    public static Result retrain(Knowledge knowledge, List<PatientRecord> base, FleetCases fleet, long seed,
                                 List<Path> dataFiles, Path out, String version, String minAppliance, Instant createdAt)
            throws IOException {
        TrainerSettings settings = new TrainerSettings(TrainerSettings.defaults().algorithm(), TrainerSettings.defaults().hidden(),
                seed, TrainerSettings.defaults().epochs(), TrainerSettings.defaults().learningRate(), TrainerSettings.defaults().l2(),
                TrainerSettings.defaults().syntheticPatients(), TrainerSettings.defaults().minSyntheticPerPathology(),
                TrainerSettings.defaults().realVariants(), TrainerSettings.defaults().syntheticVariants(),
                TrainerSettings.defaults().consultations(), TrainerSettings.defaults().calibrationShare());
        TrainingPipeline.Trained t = new TrainingPipeline(knowledge, settings).train(base, fleet.rows());
        Map<String, String> extra = new LinkedHashMap<>(fleet.provenance());
        extra.put("basePatients", Integer.toString(base.size()));
        BundleManifest m = BundleWriter.write(out, knowledge, t, settings, dataFiles, createdAt, version, minAppliance, extra,
                List.of(new BundleManifest.DataFile("fleet-ingest-log", fleet.logDigest(),
                        fleet.batches() + " batches, " + fleet.rows().size() + " confirmed cases from " + fleet.clinics()
                                + " clinics; sha256 over their sorted content addresses")));
        return new Result(m, base.size(), fleet);
    }
}
