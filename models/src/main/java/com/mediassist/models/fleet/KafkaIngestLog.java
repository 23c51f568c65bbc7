package com.mediassist.models.fleet;

import com.mediassist.models.fleet.FleetException.StorageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The ingest log at fleet scale: a Kafka topic keyed (so partitioned) by clinic id, written by an
 * idempotent producer with {@code acks=all}; {@link #append} returns once the broker acknowledged.
 * The trainer reads the whole topic from the beginning ({@link #readAll}); the topic keeps the
 * batches (retention is the operator's choice, docs/fleet.md).
 */
public final class KafkaIngestLog implements IngestLog {

    /** The topic of accepted batches. */
    public static final String TOPIC = "mediassist.fleet.batches";
    /** Partitions the topic is created with when missing (clinics hash onto them). */
    public static final int DEFAULT_PARTITIONS = 12;

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrap;
    private final KafkaProducer<String, byte[]> producer;

    /**
     * Connects and creates the topic when missing.
     *
     * @param bootstrap  {@code host:port[,host:port]}
     * @param partitions partitions of a newly created topic
     * @param replicas   replication factor of a newly created topic (1 for a single broker)
     */
    public KafkaIngestLog(String bootstrap, int partitions, short replicas) {
        this.bootstrap = bootstrap;
        Properties a = new Properties();
        a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(a)) {
            Set<String> topics = admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!topics.contains(TOPIC)) {
                try {
                    admin.createTopics(List.of(new NewTopic(TOPIC, partitions, replicas)))
                            .all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new StorageException("cannot reach Kafka at " + bootstrap + " or create topic " + TOPIC + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while connecting to Kafka at " + bootstrap, e);
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(p);
    }

    @Override
    public void append(StoredBatch batch) {
        try {
            producer.send(new ProducerRecord<>(TOPIC, batch.clinicId(), batch.line())).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new StorageException("Kafka did not acknowledge batch " + batch.contentAddress() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while storing batch " + batch.contentAddress(), e);
        }
    }

    @Override
    public List<StoredBatch> readAll() {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<StoredBatch> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c)) {
            List<TopicPartition> parts = consumer.partitionsFor(TOPIC, TIMEOUT).stream()
                    .map(pi -> new TopicPartition(pi.topic(), pi.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts, TIMEOUT);
            long deadline = System.nanoTime() + TIMEOUT.toNanos() * 4;
            while (parts.stream().anyMatch(tp -> consumer.position(tp, TIMEOUT) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new StorageException("Kafka at " + bootstrap + " did not deliver topic " + TOPIC + " to its end offsets "
                            + end + " in time", null);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    out.add(LogLines.parse(r.value(), TOPIC + "-" + r.partition() + "@" + r.offset()));
                }
            }
        }
        return out;
    }

    @Override
    public String describe() {
        return "kafka:" + bootstrap + "/" + TOPIC;
    }

    @Override
    public void close() {
        producer.close(TIMEOUT);
    }
}
