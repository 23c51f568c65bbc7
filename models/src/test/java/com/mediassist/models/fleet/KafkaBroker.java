package com.mediassist.models.fleet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) started in this JVM on
 * 127.0.0.1, its log under {@code target/} (swept by {@code mvn clean} should a fork die). Owns the
 * server and its directory: {@link #close()} stops it and deletes the directory.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path dir;
    private final KafkaRaftServer server;
    private final int port;

    /** Formats storage and starts the broker; returns once it accepts clients. */
    public KafkaBroker() throws IOException {
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("Kafka asked to exit(" + status + "): " + message);
        });
        Exit.setHaltProcedure((status, message) -> {
            throw new IllegalStateException("Kafka asked to halt(" + status + "): " + message);
        });
        Files.createDirectories(Path.of("target"));
        dir = Files.createTempDirectory(Path.of("target"), "kafka-");
        try {
            port = freePort();
            int controller = freePort();
            Map<String, Object> c = new HashMap<>();
            c.put("process.roles", "broker,controller");
            c.put("node.id", "1");
            c.put("controller.quorum.voters", "1@127.0.0.1:" + controller);
            c.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller);
            c.put("controller.listener.names", "CONTROLLER");
            c.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            c.put("log.dirs", dir.toString());
            c.put("offsets.topic.replication.factor", "1");
            c.put("transaction.state.log.replication.factor", "1");
            c.put("transaction.state.log.min.isr", "1");
            c.put("group.initial.rebalance.delay.ms", "0");
            c.put("log.cleaner.dedupe.buffer.size", "2097152");
            new Formatter().setNodeId(1).setClusterId(Uuid.randomUuid().toString()).setDirectories(List.of(dir.toString()))
                    .setMetadataLogDirectory(dir.toString()).setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream())).run();
            server = new KafkaRaftServer(new KafkaConfig(c, false), Time.SYSTEM);
            server.startup();
        } catch (Exception e) {
            delete(dir);
            throw new IOException("the in-process Kafka broker did not start: " + e.getMessage(), e);
        }
    }

    /** {@code 127.0.0.1:port}. */
    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void delete(Path p) throws IOException {
        if (Files.exists(p)) {
            try (var s = Files.walk(p)) {
                for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(x);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            delete(dir);
            Exit.resetExitProcedure();
            Exit.resetHaltProcedure();
        }
    }
}
