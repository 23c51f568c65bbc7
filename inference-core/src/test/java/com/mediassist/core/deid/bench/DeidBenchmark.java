package com.mediassist.core.deid.bench;

import com.mediassist.core.deid.DeidBundle;
import com.mediassist.core.deid.Deidentifier;
import com.mediassist.core.knowledge.Language;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of scrubbing one 400-word Spanish clinical note (MEDDOCAN-style header, free text with
 * names, dates, places, IDs): tokenise, features, CRF Viterbi per line, patterns, surrogates.
 * Target: p99 under 20 ms. Run with {@code bin/bench inference-core DeidBenchmark -bm sample -tu ms}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DeidBenchmark {

    static final String HEADER = "Datos del paciente.\nNombre:  Rogelio.\nApellidos: Urrutia Solana.\nNHC: 5512093.\n"
            + "NASS: 28 71234509 33.\nDomicilio:  Calle Arganzuela 14, 3º B.\nLocalidad/ Provincia: Toledo.\nCP: 45004.\n"
            + "Datos asistenciales.\nFecha de nacimiento: 11/09/1951.\nPaís: España.\nEdad: 74 años Sexo: H.\n"
            + "Fecha de Ingreso: 02/03/2026.\nMédico:  Beatriz Llorente Pardo  NºCol: 45 45 81234.\n";
    static final String PARAGRAPH = "Informe clínico del paciente: varón de 74 años, agricultor jubilado, sin alergias "
            + "medicamentosas conocidas, que acude a urgencias del Hospital Virgen de la Salud el 3 de marzo de 2026 por "
            + "disnea de esfuerzo progresiva de dos semanas de evolución, tos con expectoración blanquecina y edemas en "
            + "miembros inferiores. Su hija refiere ortopnea de dos almohadas. En la exploración presenta crepitantes "
            + "bibasales y soplo sistólico en foco aórtico. La analítica muestra una creatinina de 1,4 mg/dl y un NT-proBNP "
            + "de 3.200 pg/ml. La radiografía de tórax objetiva cardiomegalia y derrame pleural bilateral. ";
    static final String FOOTER = "Remitido por: Beatriz Llorente Pardo Hospital Virgen de la Salud Avda. de Barber 30 45004 "
            + "Toledo. España Correo electrónico: bllorente@example.es\n";
    static final String NOTE;

    static {
        StringBuilder b = new StringBuilder(HEADER);
        while (b.toString().split("\\s+").length < 400 - FOOTER.split("\\s+").length) {
            b.append(PARAGRAPH);
        }
        b.append('\n').append(FOOTER);
        NOTE = b.toString();
    }

    private Deidentifier deid;
    private SplittableRandom random;

    @Setup
    public void setUp() {
        deid = DeidBundle.shipped().deidentifier();
        random = new SplittableRandom(1);
        int words = NOTE.split("\\s+").length;
        if (words < 400 || words > 440) {
            throw new IllegalStateException("the benchmark note must have about 400 words, has " + words);
        }
        if (deid.scrub(NOTE, Language.ES, random).text().contains("Urrutia")) {
            throw new IllegalStateException("the benchmark note must be scrubbed");
        }
    }

    @Benchmark
    public String scrub400WordNote() {
        return deid.scrub(NOTE, Language.ES, random).text();
    }
}
