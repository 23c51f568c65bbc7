package com.mediassist.core.medication.bench;

import com.mediassist.core.knowledge.Language;
import com.mediassist.core.medication.MedicationCheckRequest;
import com.mediassist.core.medication.MedicationCheckResult;
import com.mediassist.core.medication.MedicationChecker;
import com.mediassist.core.medication.MedicationKnowledge;
import com.mediassist.core.medication.MedicationMention;
import com.mediassist.core.medication.MedicineDictionary;
import java.util.List;
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
 * Latency of a full medication check while a prescription is typed: 15 medicines (brands, typos,
 * combinations, doses) against a history of 10 conditions (text, ICD-10 and SNOMED CT), one allergy
 * and an eGFR. Target: p99 under 2 ms. Run with
 * {@code bin/bench inference-core MedicationCheckBenchmark -bm sample -tu us}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MedicationCheckBenchmark {

    static final List<String> MEDICATIONS = List.of("Sintrom 4 mg", "ibuprofeno 600 mg comp", "omeprazol 20 mg",
            "enalapril 10 mg", "hidroclorotiazida 25", "metformina 850", "atorvastatna 40", "Adiro 100",
            "sertralina 50 mg", "tramadol 50 mg", "Orfidal 1 mg", "amiodarona 200", "Eutirox 100 mcg",
            "amoxicilina/clavulánico 875/125", "Ventolin inhalador");
    static final List<String> CONDITIONS = List.of("insuficiencia renal crónica estadio 3b", "I50.9", "44054006",
            "asma", "hipertensión arterial", "59621000", "úlcera péptica", "EPOC", "gota",
            "http://snomed.info/sct|49436004");
    static final String NOTE = "Paciente de 78 años en tratamiento con Sintrom 4 mg, enalapril 10 mg y "
            + "metformina 850 cada 12 h. Acude por dolor lumbar; se pauta ibuprofeno 600 mg y se inicia "
            + "amoxicilina/clavulánico 875/125 por sinusitis. Alergia a penicilina no confirmada. Toma "
            + "Orfidal por las noches y omeprazol.";

    private MedicationChecker checker;
    private MedicineDictionary dictionary;
    private MedicationCheckRequest request;

    @Setup
    public void setUp() {
        MedicationKnowledge knowledge = MedicationKnowledge.loadDefault();
        checker = new MedicationChecker(knowledge);
        dictionary = knowledge.dictionary();
        request = new MedicationCheckRequest(MEDICATIONS, List.of("penicilina"), CONDITIONS, 40.0, Language.ES);
        if (checker.check(request).alerts().isEmpty()) {
            throw new IllegalStateException("the benchmark request must produce alerts");
        }
    }

    @Benchmark
    public MedicationCheckResult checkFifteenMedicinesTenConditions() {
        return checker.check(request);
    }

    @Benchmark
    public List<MedicationMention> findMentionsInAClinicalNote() {
        return dictionary.findMentions(NOTE);
    }
}
