package com.mediassist.core.knowledge.bundle;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mediassist.core.knowledge.CsvTable;
import com.mediassist.core.knowledge.KnowledgeFormatException;
import com.mediassist.core.knowledge.bundle.KnowledgeBundleException.InvalidKnowledgeManifestException;
import com.mediassist.core.knowledge.bundle.KnowledgeBundleException.KnowledgeHashMismatchException;
import com.mediassist.core.knowledge.bundle.KnowledgeBundleException.MissingKnowledgeFileException;
import com.mediassist.core.knowledge.bundle.KnowledgeBundleException.UnlistedKnowledgeFileException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one loader of clinical knowledge files. A knowledge bundle is a folder with {@code manifest.json}
 * (knowledge version, provenance, and every file with its SHA-256 and source) and the files it lists. The
 * manifest is read once; each file is hashed when it is opened and refused if it differs, so the
 * knowledge a check reports is exactly the knowledge it ran. The shipped bundle is {@code knowledge/} in the
 * class path; an over-the-air bundle is a folder ({@link #fromDirectory}). Immutable and thread-safe.
 */
public final class KnowledgeManifest {

    /** The knowledge format this code reads: the tables, columns and rule shapes of the shipped bundle. */
    public static final String FORMAT = "mediassist-knowledge/1";
    /** Root of the shipped bundle in the class path. */
    public static final String CLASSPATH_ROOT = "knowledge/";
    private static final String MANIFEST = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static volatile KnowledgeManifest shipped;

    /** Reads raw bytes of a bundle path; throws {@link NoSuchFileException} when absent. */
    @FunctionalInterface
    interface Source {
        byte[] read(String path) throws IOException;
    }

    /**
     * One listed file.
     *
     * @param path   relative to the bundle root, e.g. {@code medication/pk-profiles.csv}
     * @param sha256 lower-case hex
     * @param source where its content comes from
     */
    public record Entry(String path, String sha256, String source) {
    }

    private final String version;
    private final String provenance;
    private final String format;
    private final String minApplianceVersion;
    private final Map<String, Entry> files;
    private final Source source;
    private final String location;

    private KnowledgeManifest(String version, String provenance, String format, String minApplianceVersion,
                              Map<String, Entry> files, Source source, String location) {
        this.version = version;
        this.provenance = provenance;
        this.format = format;
        this.minApplianceVersion = minApplianceVersion;
        this.files = files;
        this.source = source;
        this.location = location;
    }

    /**
     * @return the shipped bundle ({@code knowledge/} in the class path), read once per process
     * @throws KnowledgeBundleException when its manifest is missing or malformed
     */
    public static KnowledgeManifest shipped() {
        KnowledgeManifest m = shipped;
        if (m == null) {
            synchronized (KnowledgeManifest.class) {
                m = shipped;
                if (m == null) {
                    m = read(path -> {
                        try (InputStream in = KnowledgeManifest.class.getClassLoader()
                                .getResourceAsStream(CLASSPATH_ROOT + path)) {
                            if (in == null) {
                                throw new NoSuchFileException(CLASSPATH_ROOT + path);
                            }
                            return in.readAllBytes();
                        }
                    }, "class path " + CLASSPATH_ROOT);
                    shipped = m;
                }
            }
        }
        return m;
    }

    /**
     * Opens a bundle folder (for example one delivered over the air).
     *
     * @throws KnowledgeBundleException when its manifest is missing or malformed
     */
    public static KnowledgeManifest fromDirectory(Path root) {
        Objects.requireNonNull(root, "root");
        return read(path -> Files.readAllBytes(root.resolve(path).normalize()), root.toString());
    }

    static KnowledgeManifest read(Source source, String location) {
        JsonNode root;
        try {
            root = JSON.readTree(source.read(MANIFEST));
        } catch (IOException e) {
            throw new InvalidKnowledgeManifestException("cannot read " + MANIFEST + " from " + location + ": "
                    + e.getMessage(), e);
        }
        String version = text(root, "knowledgeVersion");
        String provenance = text(root, "provenance");
        if (!version.trim().contains(" ")) {
            throw new InvalidKnowledgeManifestException("\"knowledgeVersion\" must be '<bundle id> <version>', found '"
                    + version + "'", null);
        }
        String format = root.has("format") ? text(root, "format") : FORMAT;
        String minAppliance = root.has("minApplianceVersion") ? text(root, "minApplianceVersion") : "0";
        JsonNode list = root.get("files");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new InvalidKnowledgeManifestException("\"files\" must be a non-empty array", null);
        }
        Map<String, Entry> files = new LinkedHashMap<>();
        for (JsonNode f : list) {
            String path = text(f, "path");
            String sha = text(f, "sha256");
            if (path.contains("..") || path.startsWith("/")) {
                throw new InvalidKnowledgeManifestException("path must stay inside the bundle: " + path, null);
            }
            if (!sha.matches("[0-9a-f]{64}")) {
                throw new InvalidKnowledgeManifestException("sha256 of " + path + " must be 64 lower-case hex digits",
                        null);
            }
            if (files.put(path, new Entry(path, sha, text(f, "source"))) != null) {
                throw new InvalidKnowledgeManifestException("file listed twice: " + path, null);
            }
        }
        return new KnowledgeManifest(version, provenance, format, minAppliance, Map.copyOf(files), source, location);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new InvalidKnowledgeManifestException("missing text field \"" + field + "\" in " + n, null);
        }
        return v.asText();
    }

    /**
     * Reads a listed file and verifies its hash.
     *
     * @param path relative to the bundle root
     * @return the verified bytes
     * @throws UnlistedKnowledgeFileException  when the manifest does not list it
     * @throws MissingKnowledgeFileException   when it is absent
     * @throws KnowledgeHashMismatchException  when its SHA-256 differs from the manifest's
     */
    public byte[] bytes(String path) {
        Entry e = files.get(path);
        if (e == null) {
            throw new UnlistedKnowledgeFileException(path);
        }
        byte[] data;
        try {
            data = source.read(path);
        } catch (NoSuchFileException ex) {
            throw new MissingKnowledgeFileException(path, ex);
        } catch (IOException ex) {
            throw new KnowledgeFormatException(location + "/" + path, 0, "cannot be read", ex);
        }
        String found = sha256(data);
        if (!found.equals(e.sha256())) {
            throw new KnowledgeHashMismatchException(path, e.sha256(), found);
        }
        return data;
    }

    /** @return a verified stream of a listed file (see {@link #bytes}) */
    public InputStream open(String path) {
        return new ByteArrayInputStream(bytes(path));
    }

    /** @return a verified listed CSV file as a table (see {@link #bytes}) */
    public CsvTable csv(String path) {
        return CsvTable.read(CLASSPATH_ROOT + path, open(path));
    }

    /** @return a verified listed JSON file (see {@link #bytes}); malformed JSON is a {@link KnowledgeFormatException} */
    public JsonNode json(String path) {
        try {
            return JSON.readTree(bytes(path));
        } catch (IOException e) {
            throw new KnowledgeFormatException(CLASSPATH_ROOT + path, 0, "cannot be read as JSON", e);
        }
    }

    /** @return the knowledge version, e.g. {@code mediassist-knowledge 2026.11.28-1}; reported with every result */
    public String version() {
        return version;
    }

    /** @return the bundle id, the first word of the knowledge version ({@code mediassist-knowledge}) */
    public String bundleId() {
        return version.trim().substring(0, version.trim().lastIndexOf(' '));
    }

    /** @return the bundle's version, the last word of the knowledge version ({@code 2026.11.28-1}) */
    public String bundleVersion() {
        return version.trim().substring(version.trim().lastIndexOf(' ') + 1);
    }

    /** @return the knowledge format the bundle is written in (default {@value #FORMAT}) */
    public String format() {
        return format;
    }

    /** @return the oldest appliance version that can run the bundle (default {@code 0}) */
    public String minApplianceVersion() {
        return minApplianceVersion;
    }

    /**
     * Reads and verifies every listed file at once, as a bundle delivered over the air is checked before
     * it is opened.
     *
     * @throws MissingKnowledgeFileException  when a file is absent
     * @throws KnowledgeHashMismatchException when a file differs from the manifest
     */
    public void verifyAll() {
        files.keySet().forEach(this::bytes);
    }

    /** @return where the bundle is read from (a folder, or the class path) */
    public String location() {
        return location;
    }

    /** @return who assembled the bundle and from what */
    public String provenance() {
        return provenance;
    }

    /** @return every listed file, by path */
    public Map<String, Entry> files() {
        return files;
    }

    /** @return the lower-case hex SHA-256 of {@code data}, as manifests list it */
    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
