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
import com.mediassist.sync.upload.event.ReleasePeriod;
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
 * form (diagnosis with its week, with or without age band and sex; diagnosis with its 4-week period;
 * category and period only), when clinic-periods of four weeks of {@code SIZE} consultations each are
 * drawn (with replacement, seeded) from the DDXPlus development patients and planned once the period is
 * complete. The week stages are the whole of protocol v1's diagnosis release, so their share is what
 * left with a diagnosis before the period stage existed.
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
        Instant periodStart = Instant.parse("2026-11-02T10:00:00Z");
        Planner planner = new Planner(SyncOptions.defaults().withK(k));
        Instant now = Instant.parse("2026-12-03T00:00:00Z");
        Random random = new Random(20261128L);
        long total = 0;
        long withDemographics = 0;
        long withoutDemographics = 0;
        long withPeriod = 0;
        long category = 0;
        long notReleased = 0;
        int periods = Math.max(1, weeks / ReleasePeriod.WEEKS);
        for (int w = 0; w < periods; w++) {
            List<Candidate> candidates = new ArrayList<>();
            for (int i = 0; i < size * ReleasePeriod.WEEKS; i++) {
                String[] p = patients.get(random.nextInt(patients.size()));
                int age = Integer.parseInt(p[0]);
                Optional<String> band = Optional.of(age >= 90 ? "90+" : (age / 5 * 5) + "-" + (age / 5 * 5 + 4));
                Sex sex = "F".equals(p[1]) ? Sex.FEMALE : Sex.MALE;
                int week = i / size;
                Instant signed = periodStart.plus(Duration.ofDays(7L * week + random.nextInt(6)));
                ConsultationSignedOff s = new ConsultationSignedOff("2026-W" + (45 + week), band, Optional.of(sex), List.of(),
                        List.of(), Optional.empty(), List.of(), Optional.of(PathologyCode.fromName(p[2]).value()), List.of(),
                        Optional.empty());
                candidates.add(new Candidate(i + 1, new QueuedEvent(s, Optional.of(categoryByName.get(p[2]))), signed));
            }
            Plan plan = planner.plan(candidates, now);
            total += candidates.size();
            notReleased += plan.held().size() + plan.expired().size();
            for (Plan.Release r : plan.releases()) {
                ConsultationSignedOff s = (ConsultationSignedOff) r.event();
                if (s.finalDiagnosis().orElse("").startsWith("cat:")) {
                    category++;
                } else if (s.period().isPresent()) {
                    withPeriod++;
                } else if (s.ageBand().isPresent() || s.sex().isPresent()) {
                    withDemographics++;
                } else {
                    withoutDemographics++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "k = %d, %d clinic-periods of %d weeks of %d consultations, planned once the period is complete:"
                + " released %.1f %% (diagnosis with its week: with age band and sex %.1f %%, without %.1f %%; diagnosis with its"
                + " period %.1f %%; category and period only %.1f %%), never released %.1f %%%n", k, periods, ReleasePeriod.WEEKS,
                size, pct(withDemographics + withoutDemographics + withPeriod + category, total), pct(withDemographics, total),
                pct(withoutDemographics, total), pct(withPeriod, total), pct(category, total), pct(notReleased, total));
    }

    private static double pct(long part, long total) {
        return 100.0 * part / total;
    }
}
