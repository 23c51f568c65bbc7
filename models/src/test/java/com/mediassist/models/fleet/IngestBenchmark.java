package com.mediassist.models.fleet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.models.DdxplusData;
import com.mediassist.models.PatientRecord;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ingest throughput load generator ({@code bin/bench-fleet ingest [BATCHES] [EVENTS] [THREADS]}): 50
 * registered clinics, batches of signed-off DDXPlus consultations built and signed beforehand, posted
 * over HTTP on 127.0.0.1 by THREADS concurrent senders to the fleet service, first with the embedded
 * log (fsync per batch), then with Kafka (a single-node KRaft broker in this JVM). Prints batches and
 * events per second and the request latency percentiles. Everything (senders, service, broker) shares
 * the one machine.
 */
public final class IngestBenchmark {

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Path data = Path.of("models/src/main/data/ddxplus");
        Knowledge k = DdxplusData.buildKnowledge(data);
        List<PatientRecord> patients = DdxplusData.readPatients(data.resolve("patients-dev.csv"));
        List<ProtocolClinic> clinics = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            clinics.add(new ProtocolClinic(1000 + i));
        }
        System.out.printf(Locale.ROOT, "%d batches x %d events, %d senders, 50 clinics, %d cores%n", batches, events, threads,
                Runtime.getRuntime().availableProcessors());
        run("embedded", null, k, patients, clinics, batches, events, threads);
        try (KafkaBroker broker = new KafkaBroker()) {
            run("kafka", broker.bootstrap(), k, patients, clinics, batches, events, threads);
        }
    }

    static void run(String name, String bootstrap, Knowledge k, List<PatientRecord> patients, List<ProtocolClinic> clinics,
                    int batches, int events, int threads) throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            ProtocolClinic c = clinics.get(b % clinics.size());
            List<ObjectNode> evs = new ArrayList<>();
            for (int e = 0; e < events; e++) {
                evs.add(c.signedOff(patients.get((b * events + e) % patients.size()), k, "2026-W47", "2.0.0",
                        List.of("pneumonia", "bronchitis", "urti")));
            }
            bodies.add(c.envelope(c.payload("2026-W48", evs)));
        }
        long bytes = bodies.stream().mapToLong(x -> x.length).sum();
        Path dir = Files.createTempDirectory("fleet-bench");
        try (FleetService service = new FleetService(dir, k, FleetCommand.openLog(dir, bootstrap, 12, (short) 1));
             FleetHttpServer server = new FleetHttpServer("127.0.0.1", 0, service, dir.resolve("repository"), 16)) {
            for (int i = 0; i < clinics.size(); i++) {
                service.clinics().add("clinic " + i, clinics.get(i).publicKey());
            }
            String base = "http://127.0.0.1:" + server.port();
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
            // Warm-up: 5 % of the batches (JIT, connections), not counted.
            int warm = Math.max(1, batches / 20);
            for (int i = 0; i < warm; i++) {
                ProtocolClinic.post(http, base, bodies.get(i));
            }
            long[] latency = new long[batches - warm];
            AtomicInteger next = new AtomicInteger(warm);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long t0 = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                fs.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < batches) {
                        long s = System.nanoTime();
                        HttpResponse<String> r = ProtocolClinic.post(http, base, bodies.get(i));
                        latency[i - warm] = System.nanoTime() - s;
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException(r.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            Arrays.sort(latency);
            int n = latency.length;
            System.out.printf(Locale.ROOT, "%-8s %7.0f batches/s %9.0f events/s %6.1f MB/s  latency p50 %.1f ms p95 %.1f ms p99 %.1f ms (%d batches, %.1f s; %s)%n",
                    name, n / secs, n * (double) events / secs, bytes * ((double) n / batches) / secs / 1e6,
                    latency[n / 2] / 1e6, latency[(int) (n * 0.95)] / 1e6, latency[(int) (n * 0.99)] / 1e6, n, secs,
                    service.log().describe());
            if (service.stats().batches() != batches) {
                throw new IllegalStateException("stored " + service.stats().batches() + " of " + batches);
            }
        }
    }
}
