package com.mediassist.sync.upload.bench;

import com.mediassist.core.diagnosis.DiagnosisResult;
import com.mediassist.core.knowledge.Sex;
import com.mediassist.sync.upload.SyncOptions;
import com.mediassist.sync.upload.TestKnowledge;
import com.mediassist.sync.upload.batch.BatchBuilder;
import com.mediassist.sync.upload.batch.Candidate;
import com.mediassist.sync.upload.batch.Plan;
import com.mediassist.sync.upload.batch.Planner;
import com.mediassist.sync.upload.batch.PreparedBatch;
import com.mediassist.sync.upload.crypto.ClinicKey;
import com.mediassist.sync.upload.event.EventCodec;
import com.mediassist.sync.upload.event.EventFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Preparing and signing one batch of 10,000 signed-off consultations, as a run does after reading
 * the outbox: parse the stored events, plan (delay, k-anonymity), shuffle, give random ids, RFC 8785
 * canonicalise, SHA-256 and Ed25519-sign. The database read and the upload are not included.
 *
 * <p>Run: {@code bin/bench sync-agent BatchPrepareBenchmark -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BatchPrepareBenchmark {

    static final int EVENTS = 10_000;

    private List<String> stored;
    private List<Instant> created;
    private Instant now;
    private ClinicKey key;
    private Planner planner;

    @Setup
    public void setUp() throws IOException {
        Path dir = Files.createTempDirectory("sync-bench");
        key = ClinicKey.create(dir, new SecureRandom());
        EventFactory factory = new EventFactory(Optional.of(TestKnowledge.knowledge()), ZoneOffset.UTC);
        Random random = new Random(1);
        Instant signed = Instant.parse("2026-11-23T10:00:00Z");
        List<String> dx = List.of("pneumonia", "urti", "bronchitis", "possible-nstemi-stemi", "panic-attack");
        List<DiagnosisResult.Candidate> differential = new ArrayList<>();
        for (int r = 0; r < 5; r++) {
            differential.add(new DiagnosisResult.Candidate(dx.get(r), dx.get(r), "J00", 0.9 - r * 0.2, 3, List.of(), List.of(), List.of()));
        }
        DiagnosisResult answer = new DiagnosisResult(differential, List.of(), List.of(),
                new DiagnosisResult.ModelInfo("ddxplus-diagnosis", "2.0.0", "naive-bayes", "ddxplus"), false, null);
        stored = new ArrayList<>(EVENTS);
        created = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            stored.add(EventCodec.write(factory.signedOff(new EventFactory.SignOffFacts(
                    Optional.of(LocalDate.of(1950 + random.nextInt(4) * 10, 1, 1)), Optional.of(random.nextBoolean() ? Sex.FEMALE : Sex.MALE),
                    signed, List.of("E_91", "E_201", "E_55_@_V_101"), List.of("E_53"), Optional.of(dx.get(random.nextInt(5))),
                    Optional.of(answer), List.of()))));
            created.add(signed);
        }
        now = signed.plus(Duration.ofDays(4));
        planner = new Planner(SyncOptions.defaults().withMaxEventsPerBatch(EVENTS));
    }

    @Benchmark
    public PreparedBatch prepareAndSign10k() {
        List<Candidate> candidates = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            candidates.add(new Candidate(i, EventCodec.readQueued(stored.get(i)), created.get(i)));
        }
        Plan plan = planner.plan(candidates, now);
        return new BatchBuilder(key, new SecureRandom()).build(plan.releases(), "2026-W48", "0".repeat(64));
    }
}
