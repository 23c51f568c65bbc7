package com.mediassist.core.medication.bench;

import com.mediassist.core.knowledge.Language;
import com.mediassist.core.medication.MedicationCheckRequest;
import com.mediassist.core.medication.MedicationChecker;
import com.mediassist.core.medication.MedicationKnowledge;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Companion of {@link MedicationCheckBenchmark} for shared machines: measures the thread CPU time of
 * each check (not wall time), so that other processes competing for the cores do not inflate the
 * tail. Prints p50/p90/p99/max in microseconds. Run with
 * {@code java -cp <test classpath> com.mediassist.core.medication.bench.MedicationCheckCpuProbe [samples]}.
 */
public final class MedicationCheckCpuProbe {

    private MedicationCheckCpuProbe() {
    }

    public static void main(String[] args) {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        MedicationChecker checker = new MedicationChecker(MedicationKnowledge.loadDefault());
        MedicationCheckRequest request = new MedicationCheckRequest(MedicationCheckBenchmark.MEDICATIONS,
                List.of("penicilina"), MedicationCheckBenchmark.CONDITIONS, 40.0, Language.ES);
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 5_000; i++) {
            checker.check(request);
        }
        long[] cpu = new long[samples];
        int alerts = 0;
        for (int i = 0; i < samples; i++) {
            long t0 = bean.getCurrentThreadCpuTime();
            alerts += checker.check(request).alerts().size();
            cpu[i] = bean.getCurrentThreadCpuTime() - t0;
        }
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "samples=%d alerts/check=%d cpu us: p50=%.1f p90=%.1f p99=%.1f max=%.1f%n",
                samples, alerts / samples, cpu[samples / 2] / 1e3, cpu[(int) (samples * 0.9)] / 1e3,
                cpu[(int) (samples * 0.99)] / 1e3, cpu[samples - 1] / 1e3);
    }
}
