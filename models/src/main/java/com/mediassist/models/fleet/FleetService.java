package com.mediassist.models.fleet;

import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.models.fleet.FleetException.StorageException;
import com.mediassist.models.fleet.FleetException.TooLargeException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Fleet ingest: checks each upload ({@link BatchValidator}), stores it once in the {@link IngestLog}
 * and counts outcomes. Content addresses already stored answer "duplicate" without a second copy
 * (the index {@code ingest/addresses.txt} is appended after the log, so a crash in between at worst
 * logs a batch twice, which readers drop by address). Outcomes are appended to
 * {@code ingest/outcomes.log} for {@code fleet stats}. Thread-safe; owns the log it is given.
 */
public final class FleetService implements AutoCloseable {

    /** The protocol's body limit: 8 MiB. */
    public static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    /**
     * The answer to an accepted upload.
     *
     * @param status         {@code stored} or {@code duplicate}
     * @param contentAddress the batch's address
     */
    public record Receipt(String status, String contentAddress) {
    }

    /**
     * What {@code fleet stats} prints.
     *
     * @param clinics  registered clinics
     * @param batches  batches stored
     * @param events   events in them
     * @param replays  uploads of an already stored batch
     * @param refusals refused uploads by reason ({@code malformed}, {@code bad-signature}, …)
     * @param storage  where batches go
     */
    public record Stats(int clinics, long batches, long events, long replays, Map<String, Long> refusals, String storage) {
    }

    private final Path dataDir;
    private final ClinicRegistry clinics;
    private final BatchValidator validator;
    private final IngestLog log;
    private final Set<String> addresses = new HashSet<>();
    private final BufferedWriter addressIndex;
    private final BufferedWriter outcomes;

    /**
     * @param dataDir   the vendor data directory (registry, index, counters)
     * @param knowledge the codes events may name
     * @param log       where accepted batches go (owned: closed by {@link #close})
     */
    public FleetService(Path dataDir, Knowledge knowledge, IngestLog log) {
        this.dataDir = dataDir;
        this.clinics = new ClinicRegistry(dataDir);
        this.validator = new BatchValidator(knowledge);
        this.log = log;
        Path ingest = dataDir.resolve("ingest");
        try {
            Files.createDirectories(ingest);
            Path idx = ingest.resolve("addresses.txt");
            if (Files.exists(idx)) {
                for (String line : Files.readAllLines(idx, StandardCharsets.UTF_8)) {
                    if (line.startsWith("sha256:") && line.length() == 71) {
                        addresses.add(line);
                    }
                }
            }
            addressIndex = Files.newBufferedWriter(idx, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            outcomes = Files.newBufferedWriter(ingest.resolve("outcomes.log"), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new StorageException("cannot open the ingest index under " + ingest + ": " + e.getMessage(), e);
        }
    }

    /** The clinic registry of the data directory. */
    public ClinicRegistry clinics() {
        return clinics;
    }

    /** The log batches go to. */
    public IngestLog log() {
        return log;
    }

    /**
     * Reads an upload (at most {@link #MAX_BODY_BYTES}) and ingests it.
     *
     * @throws FleetException why it was refused (also counted)
     */
    public Receipt ingest(InputStream body) {
        byte[] bytes;
        try {
            bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw count(new FleetException.MalformedBatchException("body", "could not be read: " + e.getMessage()));
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw count(new TooLargeException(MAX_BODY_BYTES));
        }
        return ingest(bytes);
    }

    /**
     * Ingests one envelope.
     *
     * @throws FleetException why it was refused (also counted)
     */
    public Receipt ingest(byte[] body) {
        if (body.length > MAX_BODY_BYTES) {
            throw count(new TooLargeException(MAX_BODY_BYTES));
        }
        BatchValidator.Checked c;
        try {
            c = validator.check(body, clinics);
        } catch (FleetException e) {
            throw count(e);
        }
        String address = c.batch().contentAddress();
        synchronized (this) {
            if (addresses.contains(address)) {
                outcome("replay");
                return new Receipt("duplicate", address);
            }
        }
        log.append(new IngestLog.StoredBatch(c.batch().clinicId(), address,
                new String(c.canonicalPayload(), StandardCharsets.UTF_8)));
        synchronized (this) {
            if (!addresses.add(address)) {
                outcome("replay");
                return new Receipt("duplicate", address);
            }
            try {
                addressIndex.write(address);
                addressIndex.newLine();
                addressIndex.flush();
            } catch (IOException e) {
                throw new StorageException("cannot append to the ingest index: " + e.getMessage(), e);
            }
            outcome("stored " + c.batch().events().size());
        }
        return new Receipt("stored", address);
    }

    /**
     * Every stored batch, each re-checked against the protocol, once per content address.
     *
     * @throws FleetException.MalformedBatchException when a stored batch no longer checks
     */
    public List<Batch> batches() {
        return readBatches(log, validator);
    }

    /** Reads and re-checks every batch of a log, dropping repeated content addresses. */
    public static List<Batch> readBatches(IngestLog log, BatchValidator validator) {
        Set<String> seen = new HashSet<>();
        return log.readAll().stream().filter(b -> seen.add(b.contentAddress()))
                .map(b -> validator.recheck(b.clinicId(), b.contentAddress(), b.payload().getBytes(StandardCharsets.UTF_8)))
                .toList();
    }

    /** The counters (from {@code ingest/outcomes.log}) and the registry. */
    public synchronized Stats stats() {
        return stats(dataDir, log.describe());
    }

    /** The counters of a data directory, without opening its log. */
    public static Stats stats(Path dataDir, String storage) {
        long batches = 0;
        long events = 0;
        long replays = 0;
        Map<String, Long> refusals = new TreeMap<>();
        Path f = dataDir.resolve("ingest").resolve("outcomes.log");
        try {
            if (Files.exists(f)) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    String[] w = line.split(" ");
                    switch (w[0]) {
                        case "stored" -> {
                            batches++;
                            events += Long.parseLong(w[1]);
                        }
                        case "replay" -> replays++;
                        case "refused" -> refusals.merge(w[1], 1L, Long::sum);
                        default -> { }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new StorageException("cannot read the ingest counters " + f + ": " + e.getMessage(), e);
        }
        return new Stats(new ClinicRegistry(dataDir).all().size(), batches, events, replays,
                new LinkedHashMap<>(refusals), storage);
    }

    /** Counts and returns the refusal of a body announced over the limit (never read). */
    public FleetException refuseTooLarge() {
        return count(new TooLargeException(MAX_BODY_BYTES));
    }

    private FleetException count(FleetException e) {
        synchronized (this) {
            outcome("refused " + e.reason());
        }
        return e;
    }

    private void outcome(String line) {
        try {
            outcomes.write(line);
            outcomes.newLine();
            outcomes.flush();
        } catch (IOException e) {
            throw new StorageException("cannot append to the ingest counters: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            addressIndex.close();
            outcomes.close();
        } catch (IOException e) {
            throw new StorageException("cannot close the ingest index: " + e.getMessage(), e);
        } finally {
            log.close();
        }
    }
}
