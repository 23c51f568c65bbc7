package com.mediassist.core.diagnosis;

import com.mediassist.core.bundle.BundleLoader;
import com.mediassist.core.bundle.VerifiedBundle;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.knowledge.PatientFindings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One patient through the whole engine (encoding, ONNX behind the time budget, explanations, red
 * flags, next questions by information gain) versus the raw ONNX session on the same input.
 * Needs a built bundle: {@code mvn -pl models -am process-classes}, then
 * {@code bin/bench inference-core DiagnosisEngineBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DiagnosisEngineBenchmark {

    /** The bundle directory, relative to the repository root (where bin/bench runs). */
    @Param("models/target/bundle")
    public String bundle;

    private DiagnosisEngine engine;
    private OnnxScorer raw;
    private PatientFindings patient;
    private float[] input;

    @Setup
    public void open() {
        VerifiedBundle b = new BundleLoader("0.1.0").load(Path.of(bundle));
        engine = DiagnosisEngine.open(b, DiagnosisOptions.defaults().withOnnxTimeout(Duration.ofSeconds(1)));
        raw = new OnnxScorer(b.file(b.manifest().model().file()), b.manifest().model().input(),
                engine.featureSpace().size(), engine.knowledge().pathologies().size());
        patient = engine.knowledge().findings(54, "M",
                List.of("E_53", "E_54_@_V_161", "E_56_@_7", "E_55_@_V_101", "E_57_@_V_123", "E_59_@_5", "E_58_@_4",
                        "E_66", "E_105"),
                List.of("E_91", "E_201"));
        input = engine.featureSpace().encode(engine.knowledge(), patient);
    }

    @TearDown
    public void close() {
        raw.close();
        engine.close();
    }

    @Benchmark
    public DiagnosisResult engine() {
        return engine.diagnose(patient, Language.ES);
    }

    @Benchmark
    public float[] rawOnnxSession() {
        return raw.score(input);
    }
}
