package com.mediassist.core.deid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A verified de-identification bundle: the CRF weights ({@value #MODEL_FILE}), the gazetteers
 * ({@value #GAZETTEER_FILE}) and {@value #MANIFEST} with their SHA-256 hashes, the decoding setting
 * ({@code decoding.outsidePenalty}, default 0), the provenance
 * (training data, trainer settings, date), the scores measured on the development split and the
 * recall gate a clinic's note upload depends on.
 *
 * @param id                 bundle id, e.g. {@code meddocan-deid}
 * @param version            bundle version
 * @param measuredSpanRecall share of development-split identifier spans masked by any type
 * @param gateSpanRecall     the least span recall at which scrubbed notes may leave the box
 * @param manifest           the whole manifest, for display
 * @param deidentifier       the ready de-identifier
 */
public record DeidBundle(String id, String version, double measuredSpanRecall, double gateSpanRecall, JsonNode manifest,
        Deidentifier deidentifier) {

    public static final String FORMAT = "mediassist-deid-bundle-1";
    public static final String MANIFEST = "manifest.json";
    public static final String MODEL_FILE = "model.crf.gz";
    public static final String GAZETTEER_FILE = "gazetteers.tsv";
    /** Where the shipped bundle lives on the class path. */
    public static final String SHIPPED = "/deid/meddocan/";

    /** Whether the measured recall meets the bundle's own gate. */
    public boolean meetsGate() {
        return measuredSpanRecall >= gateSpanRecall;
    }

    /** Source of a bundle's files by name. */
    @FunctionalInterface
    private interface Files2 {
        byte[] read(String name) throws IOException;
    }

    /**
     * Loads and verifies a bundle directory.
     *
     * @throws DeidException.InvalidBundleException when a file is missing or unreadable, the manifest
     *                                              malformed, or a hash differs
     */
    public static DeidBundle load(Path dir) {
        return load(dir.toString(), name -> {
            try {
                return Files.readAllBytes(dir.resolve(name));
            } catch (NoSuchFileException e) {
                throw new DeidException.InvalidBundleException("bundle " + dir + " lacks " + name, e);
            }
        });
    }

    /** Loads and verifies the bundle shipped in this module ({@value #SHIPPED}). */
    public static DeidBundle shipped() {
        return load("classpath:" + SHIPPED, name -> {
            try (InputStream in = DeidBundle.class.getResourceAsStream(SHIPPED + name)) {
                if (in == null) {
                    throw new DeidException.InvalidBundleException("the shipped de-identification bundle lacks " + name);
                }
                return in.readAllBytes();
            }
        });
    }

    private static DeidBundle load(String where, Files2 files) {
        try {
            JsonNode m = new ObjectMapper().readTree(files.read(MANIFEST));
            if (!FORMAT.equals(m.path("format").asText())) {
                throw new DeidException.InvalidBundleException("bundle " + where + ": expected format " + FORMAT + ", found '"
                        + m.path("format").asText() + "'");
            }
            byte[] model = verified(where, m, MODEL_FILE, files.read(MODEL_FILE));
            byte[] gazetteers = verified(where, m, GAZETTEER_FILE, files.read(GAZETTEER_FILE));
            JsonNode recall = m.path("dev").path("leak").path("spanRecall");
            JsonNode gate = m.path("gate").path("spanRecall");
            if (!recall.isNumber() || !gate.isNumber()) {
                throw new DeidException.InvalidBundleException("bundle " + where
                        + ": the manifest must state dev.leak.spanRecall and gate.spanRecall as numbers");
            }
            Deidentifier d = new Deidentifier(CrfModel.read(new ByteArrayInputStream(model)),
                    Gazetteers.read(new ByteArrayInputStream(gazetteers)), m.path("decoding").path("outsidePenalty").asDouble(0));
            return new DeidBundle(m.path("id").asText(), m.path("version").asText(), recall.asDouble(), gate.asDouble(), m, d);
        } catch (IOException e) {
            throw new DeidException.InvalidBundleException("bundle " + where + " could not be read: " + e.getMessage(), e);
        }
    }

    private static byte[] verified(String where, JsonNode manifest, String name, byte[] bytes) {
        String expected = manifest.path("files").path(name).path("sha256").asText("");
        String found = sha256(bytes);
        if (!expected.equals(found)) {
            throw new DeidException.InvalidBundleException("bundle " + where + ": " + name + " expected sha256 " + expected
                    + ", found " + found);
        }
        return bytes;
    }

    /** Lower-case hex SHA-256. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
