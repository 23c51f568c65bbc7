package com.mediassist.core.deid.bench;

import com.mediassist.core.deid.DeidBundle;
import com.mediassist.core.deid.Deidentifier;
import com.mediassist.core.knowledge.Language;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Companion of {@link DeidBenchmark} for shared machines: the thread CPU time of scrubbing the same
 * 400-word note (not wall time), so that other processes competing for the cores do not inflate the
 * tail. Prints p50/p90/p99/max in milliseconds. Run with
 * {@code java -cp <test classpath> com.mediassist.core.deid.bench.DeidCpuProbe [samples]}.
 */
public final class DeidCpuProbe {

    private DeidCpuProbe() {
    }

    public static void main(String[] args) {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        Deidentifier deid = DeidBundle.shipped().deidentifier();
        SplittableRandom random = new SplittableRandom(1);
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 300; i++) {
            deid.scrub(DeidBenchmark.NOTE, Language.ES, random);
        }
        long[] cpu = new long[samples];
        long chars = 0;
        for (int i = 0; i < samples; i++) {
            long t0 = bean.getCurrentThreadCpuTime();
            chars += deid.scrub(DeidBenchmark.NOTE, Language.ES, random).text().length();
            cpu[i] = bean.getCurrentThreadCpuTime() - t0;
        }
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "samples=%d chars/note=%d cpu ms: p50=%.2f p90=%.2f p99=%.2f max=%.2f%n", samples,
                chars / samples, cpu[samples / 2] / 1e6, cpu[(int) (samples * 0.9)] / 1e6, cpu[(int) (samples * 0.99)] / 1e6,
                cpu[samples - 1] / 1e6);
    }
}
