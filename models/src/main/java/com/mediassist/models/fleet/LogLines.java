package com.mediassist.models.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.mediassist.models.fleet.FleetException.StorageException;
import com.mediassist.models.json.CanonicalJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Reads a {@link IngestLog.StoredBatch} back from its log line. */
final class LogLines {

    private LogLines() {
    }

    static IngestLog.StoredBatch parse(byte[] line, String where) {
        try {
            JsonNode n = BatchValidator.JSON.readTree(line);
            return new IngestLog.StoredBatch(n.get("clinicId").textValue(), n.get("contentAddress").textValue(),
                    new String(CanonicalJson.bytes(n.get("payload"), "payload"), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new StorageException("unreadable ingest record at " + where + ": " + e.getMessage(), e);
        }
    }
}
