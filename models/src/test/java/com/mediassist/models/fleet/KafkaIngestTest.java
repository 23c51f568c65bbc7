package com.mediassist.models.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.models.DdxplusData;
import com.mediassist.models.PatientRecord;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kafka mode against a real in-process single-node KRaft broker: batches keyed by clinic, read back by the trainer. */
class KafkaIngestTest {

    static final Path DATA = Path.of("src/main/data/ddxplus");
    static KafkaBroker broker;
    static Knowledge knowledge;
    static List<PatientRecord> patients;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        broker = new KafkaBroker();
        knowledge = DdxplusData.buildKnowledge(DATA);
        patients = DdxplusData.readPatients(DATA.resolve("patients-dev.csv"));
    }

    @AfterAll
    static void stop() throws Exception {
        broker.close();
    }

    @Test
    void storesBatchesOnTheTopicPartitionedByClinicAndTheTrainerReadsThemBack() throws Exception {
        List<ProtocolClinic> clinics = List.of(new ProtocolClinic(11), new ProtocolClinic(12), new ProtocolClinic(13));
        List<String> addresses = new ArrayList<>();
        try (FleetService service = new FleetService(dir, knowledge, new KafkaIngestLog(broker.bootstrap(), 3, (short) 1));
             FleetHttpServer server = new FleetHttpServer("127.0.0.1", 0, service, dir.resolve("repository"), 4)) {
            for (int i = 0; i < clinics.size(); i++) {
                service.clinics().add("clinic " + i, clinics.get(i).publicKey());
            }
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            for (int b = 0; b < 12; b++) {
                ProtocolClinic c = clinics.get(b % 3);
                PatientRecord p = patients.get(b);
                byte[] env = c.envelope(c.payload("2026-W48", List.of(c.signedOff(p, knowledge, "2026-W47", "2.0.0", List.of()))));
                HttpResponse<String> r = ProtocolClinic.post(http, base, env);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                addresses.add(ProtocolClinic.JSON.readTree(r.body()).get("contentAddress").asText());
                if (b == 0) {
                    assertThat(ProtocolClinic.post(http, base, env).body()).contains("\"duplicate\"");
                }
            }
            List<Batch> read = service.batches();
            assertThat(read).extracting(Batch::contentAddress).containsExactlyInAnyOrderElementsOf(addresses);
            assertThat(service.stats().replays()).isEqualTo(1);
        }
        // The records are keyed by clinic id, so each clinic's batches sit in one partition, in order.
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "kafka-ingest-test");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        Map<String, java.util.Set<Integer>> partitions = new HashMap<>();
        int records = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(KafkaIngestLog.TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records < 12 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    partitions.computeIfAbsent(r.key(), k -> new java.util.HashSet<>()).add(r.partition());
                    records++;
                }
            }
        }
        assertThat(records).isEqualTo(12);
        assertThat(partitions).hasSize(3);
        assertThat(partitions.values()).allSatisfy(s -> assertThat(s).hasSize(1));
        // A trainer process that only knows the bootstrap servers reads the same batches.
        assertThat(com.mediassist.models.fleet.FleetCommand.readBatches(dir, broker.bootstrap(), knowledge)).hasSize(12);
    }
}
