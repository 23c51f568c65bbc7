package com.mediassist.models.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mediassist.core.bundle.BundleLoader;
import com.mediassist.core.bundle.BundleManifest;
import com.mediassist.core.bundle.VerifiedBundle;
import com.mediassist.core.knowledge.bundle.KnowledgeManifest;
import com.mediassist.core.knowledge.set.KnowledgeGoldenCases;
import com.mediassist.models.json.CanonicalJson;
import com.mediassist.models.tuf.TufException.GateNotPassedException;
import com.mediassist.models.tuf.TufException.KeysException;
import com.mediassist.models.tuf.TufException.TargetExistsException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The signed update repository the boxes pull from: TUF 1.0 metadata (root, targets, snapshot,
 * timestamp; Ed25519; consistent snapshots) under {@code repository/} of the vendor data directory,
 * laid out as {@code docs/sync-protocol.md} says. Every metadata file is the canonical JSON of
 * {@code {"signed":…,"signatures":[…]}}; a signature is hex Ed25519 over the canonical JSON of
 * {@code signed}. Keys: the root key in a separate directory (offline-capable; only {@code keys init}
 * needs it), the online targets, snapshot and timestamp keys under {@code keys/online/}. Time comes
 * from the injected clock.
 */
public final class TufRepository {

    /** The TUF specification version written in every metadata file. */
    public static final String SPEC_VERSION = "1.0.31";
    /** Validity of root metadata. */
    public static final Duration ROOT_EXPIRY = Duration.ofDays(365);
    /** Validity of targets metadata. */
    public static final Duration TARGETS_EXPIRY = Duration.ofDays(90);
    /** Validity of snapshot metadata. */
    public static final Duration SNAPSHOT_EXPIRY = Duration.ofDays(7);
    /** Validity of timestamp metadata (re-sign with {@code publish} or a new timestamp at least daily). */
    public static final Duration TIMESTAMP_EXPIRY = Duration.ofDays(1);
    /** The gate report {@code models gate} writes into a candidate bundle directory. */
    public static final String GATE_FILE = "gate.json";
    /** Roles in the order TUF lists them. */
    public static final List<String> ROLES = List.of("root", "targets", "snapshot", "timestamp");

    private static final Pattern VERSIONED = Pattern.compile("(\\d+)\\.(targets|snapshot|root)\\.json");

    private final Path dataDir;
    private final Path metadata;
    private final Path targets;
    private final Clock clock;

    /** The repository of a vendor data directory. */
    public TufRepository(Path dataDir, Clock clock) {
        this.dataDir = dataDir;
        this.metadata = repository(dataDir).resolve("metadata");
        this.targets = repository(dataDir).resolve("targets");
        this.clock = clock;
    }

    /** {@code repository/} of the data directory (what {@code /repository/} serves). */
    public static Path repository(Path dataDir) {
        return dataDir.resolve("repository");
    }

    /** The default directory of the root key: {@code keys/root-offline/} (move it off the machine after init). */
    public static Path defaultRootKeyDir(Path dataDir) {
        return dataDir.resolve("keys").resolve("root-offline");
    }

    private static Path onlineKey(Path dataDir, String role) {
        return dataDir.resolve("keys").resolve("online").resolve(role + ".key.json");
    }

    /**
     * Creates the four role keys and the first metadata (1.root.json = root.json, 1.targets.json with
     * no targets, 1.snapshot.json, timestamp.json).
     *
     * @param rootKeyDir where the root key goes (a separate, removable directory)
     * @return the root metadata written (what a box pins as its trusted root)
     * @throws KeysException when keys already exist
     */
    public JsonNode initKeys(Path rootKeyDir) throws IOException {
        Path rootFile = rootKeyDir.resolve("root.key.json");
        for (Path p : List.of(rootFile, onlineKey(dataDir, "targets"), metadata.resolve("root.json"))) {
            if (Files.exists(p)) {
                throw new KeysException(p + " already exists: the repository has keys (rotation is not implemented)");
            }
        }
        RoleKey root = RoleKey.generate("root");
        List<RoleKey> online = new ArrayList<>();
        for (String role : ROLES.subList(1, 4)) {
            online.add(RoleKey.generate(role));
        }
        root.write(rootFile);
        for (RoleKey k : online) {
            k.write(onlineKey(dataDir, k.role()));
        }
        Instant now = now();
        ObjectNode signed = header("root", 1, now.plus(ROOT_EXPIRY));
        signed.put("consistent_snapshot", true);
        ObjectNode keys = signed.putObject("keys");
        ObjectNode roles = signed.putObject("roles");
        List<RoleKey> all = new ArrayList<>(List.of(root));
        all.addAll(online);
        for (RoleKey k : all) {
            keys.set(k.keyId(), k.keyObject());
            ObjectNode r = roles.putObject(k.role());
            r.putArray("keyids").add(k.keyId());
            r.put("threshold", 1);
        }
        byte[] rootBytes = envelope(signed, root);
        Files.createDirectories(metadata);
        Files.createDirectories(targets);
        write(metadata.resolve("1.root.json"), rootBytes);
        write(metadata.resolve("root.json"), rootBytes);
        ObjectNode t = header("targets", 1, now.plus(TARGETS_EXPIRY));
        t.putObject("targets");
        writeSnapshotAndTimestamp(t, now);
        return RoleKey.JSON.readTree(rootBytes);
    }

    /**
     * What {@link #publish} did.
     *
     * @param target         the target name
     * @param sha256         the zip's SHA-256
     * @param length         the zip's length in bytes
     * @param targetsVersion the new targets metadata version
     * @param gate           {@code passed} or {@code forced: <reason>}
     */
    public record Published(String target, String sha256, long length, int targetsVersion, String gate) {
    }

    /**
     * Zips a verified bundle into the repository as {@code bundles/<id>-<version>.zip}, then signs new
     * targets, snapshot and timestamp metadata. The zip holds the manifest and the files it lists,
     * entries at its root, with fixed times (reproducible).
     *
     * @param bundleDir   a bundle directory (verified with {@link BundleLoader})
     * @param minAppliance the appliance version the bundle loader checks against
     * @param forceReason null unless publishing without a passing gate report, then the recorded reason
     * @throws GateNotPassedException when there is no passing {@value #GATE_FILE} for this manifest and no reason
     * @throws TargetExistsException  when this target name is already published with other bytes
     */
    public Published publish(Path bundleDir, String minAppliance, String forceReason) throws IOException {
        VerifiedBundle vb = new BundleLoader(minAppliance).load(bundleDir);
        BundleManifest m = vb.manifest();
        String gate = gateStatus(bundleDir, forceReason);
        List<String> names = new ArrayList<>();
        names.add(BundleManifest.FILE_NAME);
        m.files().forEach(f -> names.add(f.path()));
        ObjectNode custom = RoleKey.JSON.createObjectNode();
        custom.put("bundleId", m.id());
        custom.put("version", m.version());
        custom.put("kind", m.model() != null ? "diagnosis" : "knowledge");
        custom.put("minApplianceVersion", m.minApplianceVersion());
        if (m.model() != null && m.model().encoding() != null) {
            custom.put("encoding", m.model().encoding());
        }
        return sign(bundleDir, names, custom, gate);
    }

    /**
     * Zips a knowledge bundle ({@code models knowledge-bundle} wrote it; every file verified against its
     * manifest, golden cases included) into the repository as {@code bundles/<id>-<version>.zip} with
     * {@code custom.kind} {@code knowledge}, its {@code format} and {@code minApplianceVersion}, then signs new
     * targets, snapshot and timestamp metadata.
     *
     * @throws TargetExistsException when this target name is already published with other bytes
     * @throws com.mediassist.core.knowledge.bundle.KnowledgeBundleException when a file differs from the manifest
     * @throws IllegalArgumentException when the bundle ships no golden cases
     */
    public Published publishKnowledge(Path bundleDir) throws IOException {
        KnowledgeManifest m = KnowledgeManifest.fromDirectory(bundleDir);
        m.verifyAll();
        if (!m.files().containsKey(KnowledgeGoldenCases.FILE_NAME)) {
            throw new IllegalArgumentException("knowledge bundle " + bundleDir + " has no " + KnowledgeGoldenCases.FILE_NAME
                    + " in its manifest: a box refuses it");
        }
        List<String> names = new ArrayList<>(m.files().keySet());
        names.add("manifest.json");
        ObjectNode custom = RoleKey.JSON.createObjectNode();
        custom.put("bundleId", m.bundleId());
        custom.put("version", m.bundleVersion());
        custom.put("kind", "knowledge");
        custom.put("minApplianceVersion", m.minApplianceVersion());
        custom.put("format", m.format());
        return sign(bundleDir, names, custom, "knowledge: golden cases recorded by the build");
    }

    private Published sign(Path bundleDir, List<String> entries, ObjectNode custom, String gate) throws IOException {
        String id = custom.get("bundleId").asText();
        String bundleVersion = custom.get("version").asText();
        RoleKey targetsKey = RoleKey.read(onlineKey(dataDir, "targets"));
        String name = "bundles/" + id + "-" + bundleVersion + ".zip";
        Path tmp = Files.createTempFile(dataDir, "publish", ".zip");
        try {
            zip(bundleDir, entries, tmp);
            String sha = sha256(Files.readAllBytes(tmp));
            long length = Files.size(tmp);
            ObjectNode previous = latest("targets").map(n -> (ObjectNode) n.get("signed"))
                    .orElseThrow(() -> new KeysException("the repository has no targets metadata: run 'models keys init'"));
            JsonNode existing = previous.get("targets").get(name);
            if (existing != null) {
                String was = existing.get("hashes").get("sha256").textValue();
                if (!was.equals(sha)) {
                    throw new TargetExistsException(name, was, sha);
                }
            }
            // TUF consistent snapshots: the target file is <dir>/<sha256>.<filename>.
            Path spec = targets.resolve("bundles").resolve(sha + "." + id + "-" + bundleVersion + ".zip");
            Files.createDirectories(spec.getParent());
            if (!Files.exists(spec)) {
                Files.move(tmp, spec, StandardCopyOption.ATOMIC_MOVE);
            }
            int version = previous.get("version").intValue() + 1;
            Instant now = now();
            ObjectNode t = header("targets", version, now.plus(TARGETS_EXPIRY));
            ObjectNode list = t.putObject("targets");
            previous.get("targets").properties().forEach(e -> list.set(e.getKey(), e.getValue()));
            ObjectNode entry = RoleKey.JSON.createObjectNode();
            entry.put("length", length);
            entry.putObject("hashes").put("sha256", sha);
            entry.set("custom", custom);
            list.set(name, entry);
            writeSnapshotAndTimestamp(t, now, targetsKey);
            ObjectNode record = RoleKey.JSON.createObjectNode();
            record.put("at", now.toString());
            record.put("target", name);
            record.put("sha256", sha);
            record.put("targetsVersion", version);
            record.put("gate", gate);
            Files.writeString(dataDir.resolve("publish-log.jsonl"), RoleKey.JSON.writeValueAsString(record) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return new Published(name, sha, length, version, gate);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The highest version published of a bundle id, from the current targets metadata. */
    public Optional<String> latestVersion(String bundleId) {
        Optional<JsonNode> t = latest("targets");
        if (t.isEmpty()) {
            return Optional.empty();
        }
        String best = null;
        for (JsonNode e : t.get().get("signed").get("targets")) {
            JsonNode c = e.get("custom");
            if (c != null && bundleId.equals(c.path("bundleId").asText())) {
                String v = c.get("version").asText();
                if (best == null || SemVer.compare(v, best) > 0) {
                    best = v;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private String gateStatus(Path bundleDir, String forceReason) throws IOException {
        if (forceReason != null) {
            if (forceReason.isBlank()) {
                throw new GateNotPassedException(bundleDir.toString(), "--force-without-gate needs a non-blank --reason");
            }
            return "forced: " + forceReason.strip();
        }
        Path report = bundleDir.resolve(GATE_FILE);
        if (!Files.exists(report)) {
            throw new GateNotPassedException(bundleDir.toString(), "it has no " + GATE_FILE);
        }
        JsonNode g = RoleKey.JSON.readTree(report.toFile());
        String manifestSha = sha256(Files.readAllBytes(bundleDir.resolve(BundleManifest.FILE_NAME)));
        if (!manifestSha.equals(g.path("candidate").path("manifestSha256").asText())) {
            throw new GateNotPassedException(bundleDir.toString(), GATE_FILE + " was written for another manifest");
        }
        if (!g.path("passed").asBoolean(false)) {
            throw new GateNotPassedException(bundleDir.toString(), "the gate refused it: " + g.path("failures"));
        }
        return "passed";
    }

    private void writeSnapshotAndTimestamp(ObjectNode targetsSigned, Instant now) throws IOException {
        writeSnapshotAndTimestamp(targetsSigned, now, RoleKey.read(onlineKey(dataDir, "targets")));
    }

    private void writeSnapshotAndTimestamp(ObjectNode targetsSigned, Instant now, RoleKey targetsKey) throws IOException {
        int tv = targetsSigned.get("version").intValue();
        byte[] tBytes = envelope(targetsSigned, targetsKey);
        write(metadata.resolve(tv + ".targets.json"), tBytes);
        writeSnapshotAndTimestamp(tv, tBytes, now);
    }

    private void writeSnapshotAndTimestamp(int targetsVersion, byte[] targetsBytes, Instant now) throws IOException {
        RoleKey snapshotKey = RoleKey.read(onlineKey(dataDir, "snapshot"));
        RoleKey timestampKey = RoleKey.read(onlineKey(dataDir, "timestamp"));
        int sv = latest("snapshot").map(n -> n.get("signed").get("version").intValue() + 1).orElse(1);
        ObjectNode s = header("snapshot", sv, now.plus(SNAPSHOT_EXPIRY));
        s.putObject("meta").set("targets.json", meta(targetsVersion, targetsBytes));
        byte[] sBytes = envelope(s, snapshotKey);
        write(metadata.resolve(sv + ".snapshot.json"), sBytes);
        int tsv = Files.exists(metadata.resolve("timestamp.json"))
                ? RoleKey.JSON.readTree(metadata.resolve("timestamp.json").toFile()).get("signed").get("version").intValue() + 1 : 1;
        ObjectNode ts = header("timestamp", tsv, now.plus(TIMESTAMP_EXPIRY));
        ts.putObject("meta").set("snapshot.json", meta(sv, sBytes));
        write(metadata.resolve("timestamp.json"), envelope(ts, timestampKey));
    }

    /**
     * Re-signs a new snapshot (of the current, unchanged targets metadata) and timestamp, so that the
     * repository stays valid without a new bundle: run at least daily ({@link #TIMESTAMP_EXPIRY}).
     * Targets metadata expire after {@link #TARGETS_EXPIRY}; a {@code publish} renews them.
     *
     * @return the new timestamp version
     * @throws KeysException when the repository has no metadata or keys
     */
    public int refresh() throws IOException {
        int tv = latest("targets").map(n -> n.get("signed").get("version").intValue())
                .orElseThrow(() -> new KeysException("the repository has no targets metadata: run 'models keys init'"));
        writeSnapshotAndTimestamp(tv, Files.readAllBytes(metadata.resolve(tv + ".targets.json")), now());
        return RoleKey.JSON.readTree(metadata.resolve("timestamp.json").toFile()).get("signed").get("version").intValue();
    }

    private static ObjectNode meta(int version, byte[] bytes) {
        ObjectNode m = RoleKey.JSON.createObjectNode();
        m.put("version", version);
        m.put("length", bytes.length);
        m.putObject("hashes").put("sha256", sha256(bytes));
        return m;
    }

    private Optional<JsonNode> latest(String role) {
        int best = 0;
        try (var s = Files.exists(metadata) ? Files.list(metadata) : java.util.stream.Stream.<Path>empty()) {
            for (Path p : s.toList()) {
                Matcher mt = VERSIONED.matcher(p.getFileName().toString());
                if (mt.matches() && mt.group(2).equals(role)) {
                    best = Math.max(best, Integer.parseInt(mt.group(1)));
                }
            }
            return best == 0 ? Optional.empty() : Optional.of(RoleKey.JSON.readTree(metadata.resolve(best + "." + role + ".json").toFile()));
        } catch (IOException e) {
            throw new KeysException("cannot read the repository metadata under " + metadata + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode header(String type, int version, Instant expires) {
        ObjectNode n = RoleKey.JSON.createObjectNode();
        n.put("_type", type);
        n.put("spec_version", SPEC_VERSION);
        n.put("version", version);
        n.put("expires", expires.truncatedTo(ChronoUnit.SECONDS).toString());
        return n;
    }

    private static byte[] envelope(ObjectNode signed, RoleKey key) {
        ObjectNode env = RoleKey.JSON.createObjectNode();
        env.set("signed", signed);
        ArrayNode sigs = env.putArray("signatures");
        sigs.addObject().put("keyid", key.keyId()).put("sig", key.signHex(signed));
        return CanonicalJson.bytes(env, "metadata");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void zip(Path bundleDir, List<String> entries, Path zip) throws IOException {
        List<String> names = new ArrayList<>(entries);
        names.sort(null);
        FileTime time = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os)) {
            for (String n : names) {
                ZipEntry e = new ZipEntry(n);
                e.setLastModifiedTime(time);
                z.putNextEntry(e);
                Files.copy(bundleDir.resolve(n), z);
                z.closeEntry();
            }
        }
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
