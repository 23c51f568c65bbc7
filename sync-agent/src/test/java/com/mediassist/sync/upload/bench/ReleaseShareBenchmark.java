package com.mediassist.sync.upload.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mediassist.core.knowledge.Pathology;
import com.mediassist.core.knowledge.PathologyCode;
import com.mediassist.core.knowledge.Sex;
import com.mediassist.core.knowledge.Text;
import com.mediassist.sync.upload.SyncOptions;
import com.mediassist.sync.upload.batch.Candidate;
import com.mediassist.sync.upload.batch.Plan;
import com.mediassist.sync.upload.batch.Planner;
import com.mediassist.sync.upload.event.ConsultationSignedOff;
import com.mediassist.sync.upload.event.EventFactory;
import com.mediassist.sync.upload.event.QueuedEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * What share of a clinic's signed-off consultations the real {@link Planner} lets leave, and in which
 * form (diagnosis with age band and sex, diagnosis without them, category only), when clinic-weeks of
 * {@code SIZE} consultations are drawn (with replacement, seeded) from the DDXPlus development patients.
 * An evaluation command, not a test: the patients are read from the path given.
 *
 * <p>Run: {@code bin/bench-fleet release-share [K] [SIZE] [WEEKS] [PATIENTS_CSV] [CONDITIONS_JSON]}
 */
public final class ReleaseShareBenchmark {

    private ReleaseShareBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int k = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 125;
        int weeks = args.length > 2 ? Integer.parseInt(args[2]) : 400;
        Path csv = Path.of(args.length > 3 ? args[3] : "models/src/main/data/ddxplus/patients-dev.csv");
        Path conditions = Path.of(args.length > 4 ? args[4] : "models/src/main/data/ddxplus/release_conditions.json");
        Map<String, String> categoryByName = new HashMap<>();
        JsonNode all = new ObjectMapper().readTree(conditions.toFile());
        all.fields().forEachRemaining(e -> {
            Pathology p = new Pathology(PathologyCode.fromName(e.getKey()), e.getKey(), new Text(e.getKey(), e.getKey()),
                    e.getValue().path("icd10-id").asText(""), e.getValue().path("severity").asInt(3), List.of(), List.of());
            categoryByName.put(e.getKey(), EventFactory.category(p));
        });
        List<String[]> patients = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", 4);
            patients.add(new String[]{f[0], f[1], f[2]});
        }
        Instant signed = Instant.parse("2026-11-23T10:00:00Z");
        Planner planner = new Planner(SyncOptions.defaults().withK(k));
        Instant now = signed.plus(Duration.ofDays(4));
        Random random = new Random(20261128L);
        long total = 0;
        long withDemographics = 0;
        long withoutDemographics = 0;
        long category = 0;
        long held = 0;
        for (int w = 0; w < weeks; w++) {
            List<Candidate> candidates = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                String[] p = patients.get(random.nextInt(patients.size()));
                int age = Integer.parseInt(p[0]);
                Optional<String> band = Optional.of(age >= 90 ? "90+" : (age / 5 * 5) + "-" + (age / 5 * 5 + 4));
                Sex sex = "F".equals(p[1]) ? Sex.FEMALE : Sex.MALE;
                ConsultationSignedOff s = new ConsultationSignedOff("2026-W48", band, Optional.of(sex), List.of(), List.of(),
                        Optional.empty(), List.of(), Optional.of(PathologyCode.fromName(p[2]).value()), List.of(), Optional.empty());
                candidates.add(new Candidate(i + 1, new QueuedEvent(s, Optional.of(categoryByName.get(p[2]))), signed));
            }
            Plan plan = planner.plan(candidates, now);
            total += size;
            held += plan.held().size() + plan.expired().size();
            for (Plan.Release r : plan.releases()) {
                ConsultationSignedOff s = (ConsultationSignedOff) r.event();
                if (s.finalDiagnosis().orElse("").startsWith("cat:")) {
                    category++;
                } else if (s.ageBand().isPresent() || s.sex().isPresent()) {
                    withDemographics++;
                } else {
                    withoutDemographics++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "k = %d, %d clinic-weeks of %d consultations: released %.1f %% (diagnosis with age band"
                + " and sex %.1f %%, diagnosis without %.1f %%, category only %.1f %%), held %.1f %%%n", k, weeks, size,
                pct(withDemographics + withoutDemographics + category, total), pct(withDemographics, total),
                pct(withoutDemographics, total), pct(category, total), pct(held, total));
    }

    private static double pct(long part, long total) {
        return 100.0 * part / total;
    }
}
