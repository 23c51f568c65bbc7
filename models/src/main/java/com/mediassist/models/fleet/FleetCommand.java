package com.mediassist.models.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.models.DdxplusData;
import com.mediassist.models.ModelsCli;
import com.mediassist.models.tuf.TufRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code models fleet …}: the fleet service, the clinic registry, ingest counters and the weekly report. */
@Command(name = "fleet", mixinStandardHelpOptions = true, description = "Fleet ingest: serve, add-clinic, stats, report.",
        subcommands = {FleetCommand.Serve.class, FleetCommand.AddClinic.class, FleetCommand.StatsCommand.class,
                FleetReport.Command.class})
public final class FleetCommand implements Callable<Integer> {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** Every stored batch of the embedded log, or of Kafka when {@code bootstrap} is set, re-checked against the protocol. */
    public static List<Batch> readBatches(Path dataDir, String bootstrap, Knowledge knowledge) {
        try (IngestLog log = openLog(dataDir, bootstrap, KafkaIngestLog.DEFAULT_PARTITIONS, (short) 1)) {
            return FleetService.readBatches(log, new BatchValidator(knowledge));
        }
    }

    /** Opens the ingest log a command names: Kafka when {@code bootstrap} is set, else the data directory's file. */
    public static IngestLog openLog(Path dataDir, String bootstrap, int partitions, short replicas) {
        return bootstrap == null ? new FileIngestLog(dataDir) : new KafkaIngestLog(bootstrap, partitions, replicas);
    }

    @Command(name = "serve", description = "Accepts batches from registered clinics (POST /api/v1/batches) and serves"
            + " the signed repository (GET /repository/). Runs until stopped.")
    static final class Serve implements Callable<Integer> {
        @Option(names = "--data-dir", required = true, description = "vendor data directory")
        Path dataDir;
        @Option(names = "--port", required = true, description = "HTTP port (0: any free port)")
        int port;
        @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address to bind; default: ${DEFAULT-VALUE}")
        String bind;
        @Option(names = "--kafka", description = "Kafka bootstrap servers: append batches to topic "
                + KafkaIngestLog.TOPIC + " (keyed by clinic) instead of the embedded log")
        String kafka;
        @Option(names = "--partitions", defaultValue = "12", description = "partitions of a newly created topic; default: ${DEFAULT-VALUE}")
        int partitions;
        @Option(names = "--replicas", defaultValue = "1", description = "replication factor of a newly created topic; default: ${DEFAULT-VALUE}")
        short replicas;
        @Option(names = "--threads", defaultValue = "16", description = "request threads; default: ${DEFAULT-VALUE}")
        int threads;
        @CommandLine.Mixin
        ModelsCli.DataOption data = new ModelsCli.DataOption();

        @Override
        public Integer call() throws IOException, InterruptedException {
            Knowledge k = DdxplusData.buildKnowledge(data.data);
            Files.createDirectories(dataDir);
            FleetService service = new FleetService(dataDir, k, openLog(dataDir, kafka, partitions, replicas));
            Files.writeString(dataDir.resolve("ingest").resolve("storage.txt"), service.log().describe() + "\n", StandardCharsets.UTF_8);
            FleetHttpServer server = new FleetHttpServer(bind, port, service, TufRepository.repository(dataDir), threads);
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                service.close();
                stop.countDown();
            }, "fleet-shutdown"));
            System.out.printf("fleet service listening on http://%s:%d (batches: %s; repository: %s)%n", bind, server.port(),
                    service.log().describe(), TufRepository.repository(dataDir));
            System.out.flush();
            stop.await();
            return 0;
        }
    }

    @Command(name = "add-clinic", description = "Registers a clinic's public key (the line its box's 'sync init' printed).")
    static final class AddClinic implements Callable<Integer> {
        @Option(names = "--data-dir", required = true, description = "vendor data directory")
        Path dataDir;
        @Option(names = "--name", required = true, description = "the clinic's name (vendor side only)")
        String name;
        @Option(names = "--public-key", required = true, description = "base64 of the raw 32-byte Ed25519 key")
        String key;

        @Override
        public Integer call() throws IOException {
            Files.createDirectories(dataDir);
            ClinicRegistry.Clinic c = new ClinicRegistry(dataDir).add(name, key);
            System.out.println(JSON.writeValueAsString(c));
            return 0;
        }
    }

    @Command(name = "stats", description = "Prints JSON: clinics, batches, events, replays, refusals by reason.")
    static final class StatsCommand implements Callable<Integer> {
        @Option(names = "--data-dir", required = true, description = "vendor data directory")
        Path dataDir;

        @Override
        public Integer call() throws IOException {
            Path storage = dataDir.resolve("ingest").resolve("storage.txt");
            String where = Files.exists(storage) ? Files.readString(storage, StandardCharsets.UTF_8).strip() : "file:" + dataDir.resolve("ingest");
            System.out.println(JSON.writeValueAsString(FleetService.stats(dataDir, where)));
            return 0;
        }
    }
}
