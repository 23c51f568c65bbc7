package com.mediassist.models.fleet;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Where accepted batches go: an append-only log of {@link StoredBatch}es, keyed by clinic. The
 * embedded default is a file under the data directory ({@link FileIngestLog}); at fleet scale it is a
 * Kafka topic partitioned by clinic ({@link KafkaIngestLog}). Implementations are thread-safe.
 */
public interface IngestLog extends AutoCloseable {

    /**
     * One accepted batch as logged: the canonical payload bytes exactly as signed.
     *
     * @param clinicId       the sender's id (the Kafka record key)
     * @param contentAddress {@code sha256:<hex>} of the payload bytes
     * @param payload        the canonical (RFC 8785) payload, UTF-8 JSON
     */
    record StoredBatch(String clinicId, String contentAddress, String payload) {

        /** The log line / Kafka record value: {@code {"clinicId":…,"contentAddress":…,"payload":{…}}}. */
        public byte[] line() {
            return ("{\"clinicId\":\"" + clinicId + "\",\"contentAddress\":\"" + contentAddress + "\",\"payload\":"
                    + payload + "}").getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * Appends durably; returns only once the batch is stored (fsync, or acknowledged by all in-sync replicas).
     *
     * @throws FleetException.StorageException when it could not be stored
     */
    void append(StoredBatch batch);

    /** Every stored batch, in log order (per clinic, the order of arrival). */
    List<StoredBatch> readAll();

    /** A short description for logs and stats ({@code file:…}, {@code kafka:…}). */
    String describe();

    @Override
    void close();
}
