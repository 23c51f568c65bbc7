package com.mediassist.sync.tuf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TUF repository the tests sign themselves (Ed25519, consistent snapshots), written to a directory
 * in the layout of {@code docs/sync-protocol.md}: {@code metadata/N.root.json}, {@code timestamp.json},
 * {@code N.snapshot.json}, {@code N.targets.json} and {@code targets/<sha256>.<name>}. Each role's
 * metadata is rebuilt from the fields below by {@link #publish()}; tests then tamper with files or
 * fields to stage an attack.
 */
public final class TestRepository {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** An Ed25519 key with its TUF key id. */
    public record Key(KeyPair pair, String id, ObjectNode json) {
        public byte[] sign(byte[] data) {
            try {
                Signature s = Signature.getInstance("Ed25519");
                s.initSign(pair.getPrivate());
                s.update(data);
                return s.sign();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public final Path dir;
    public final Path metadata;
    public final Path targetsDir;
    public final Instant now;
    private final SecureRandom random;

    public final Map<String, List<Key>> roleKeys = new LinkedHashMap<>();
    public final Map<String, Integer> thresholds = new LinkedHashMap<>();
    /** Keys that sign a role's metadata (normally its own keys). */
    public final Map<String, List<Key>> signers = new LinkedHashMap<>();
    public final Map<String, Long> versions = new LinkedHashMap<>();
    public final Map<String, Instant> expiries = new LinkedHashMap<>();
    public final Map<String, ObjectNode> targets = new LinkedHashMap<>();
    /** Root keys that must also sign the next root (the previous root's keys during a rotation). */
    public final List<Key> extraRootSigners = new ArrayList<>();

    public TestRepository(Path dir, Instant now, long seed) throws IOException {
        this.dir = dir;
        this.metadata = Files.createDirectories(dir.resolve("metadata"));
        this.targetsDir = Files.createDirectories(dir.resolve("targets"));
        this.now = now;
        this.random = seeded(seed);
        for (String role : List.of("root", "timestamp", "snapshot", "targets")) {
            Key k = newKey();
            roleKeys.put(role, new ArrayList<>(List.of(k)));
            signers.put(role, new ArrayList<>(List.of(k)));
            thresholds.put(role, 1);
            versions.put(role, 1L);
            expiries.put(role, now.plus(30, ChronoUnit.DAYS));
        }
    }

    private static SecureRandom seeded(long seed) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(seed);
            return r;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Key newKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
            g.initialize(255, random);
            KeyPair kp = g.generateKeyPair();
            byte[] spki = kp.getPublic().getEncoded();
            byte[] raw = java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length);
            ObjectNode json = JSON.createObjectNode();
            json.put("keytype", "ed25519");
            json.put("scheme", "ed25519");
            json.putObject("keyval").put("public", HexFormat.of().formatHex(raw));
            String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(CanonicalJson.encode(json)));
            return new Key(kp, id, json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds (or replaces) a target file with the given bytes and {@code custom} object. */
    public void addTarget(String name, byte[] content, ObjectNode custom) throws IOException {
        ObjectNode t = JSON.createObjectNode();
        t.put("length", content.length);
        String sha = sha256(content);
        t.putObject("hashes").put("sha256", sha);
        if (custom != null) {
            t.set("custom", custom);
        }
        targets.put(name, t);
        Path file = targetsDir.resolve(consistentName(name, sha));
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    public static String consistentName(String name, String sha) {
        int slash = name.lastIndexOf('/');
        return name.substring(0, slash + 1) + sha + "." + name.substring(slash + 1);
    }

    byte[] root() {
        ObjectNode s = common("root");
        s.put("consistent_snapshot", true);
        ObjectNode keys = s.putObject("keys");
        ObjectNode roles = s.putObject("roles");
        for (Map.Entry<String, List<Key>> e : roleKeys.entrySet()) {
            ArrayNode ids = roles.putObject(e.getKey()).putArray("keyids");
            roles.with(e.getKey()).put("threshold", thresholds.get(e.getKey()));
            for (Key k : e.getValue()) {
                keys.set(k.id(), k.json());
                ids.add(k.id());
            }
        }
        List<Key> by = new ArrayList<>(signers.get("root"));
        for (Key k : extraRootSigners) {
            if (!by.contains(k)) {
                by.add(k);
            }
        }
        return envelope(s, by);
    }

    byte[] targetsMetadata() {
        ObjectNode s = common("targets");
        ObjectNode t = s.putObject("targets");
        targets.forEach(t::set);
        return envelope(s, signers.get("targets"));
    }

    byte[] snapshot(byte[] targetsBytes) {
        return index("snapshot", "targets", targetsBytes);
    }

    byte[] timestamp(byte[] snapshotBytes) {
        return index("timestamp", "snapshot", snapshotBytes);
    }

    /** Metadata of {@code type} vouching for {@code listed}'s file by version, length and SHA-256. */
    private byte[] index(String type, String listed, byte[] listedBytes) {
        ObjectNode s = common(type);
        ObjectNode meta = s.putObject("meta").putObject(listed + ".json");
        meta.put("version", versions.get(listed));
        meta.put("length", listedBytes.length);
        meta.putObject("hashes").put("sha256", sha256(listedBytes));
        return envelope(s, signers.get(type));
    }

    /** Writes root (versioned and plain), targets, snapshot and timestamp for the current fields. */
    public void publish() throws IOException {
        byte[] root = root();
        Files.write(metadata.resolve(versions.get("root") + ".root.json"), root);
        Files.write(metadata.resolve("root.json"), root);
        publishTopLevel();
    }

    /** Writes targets, snapshot and timestamp only. */
    public void publishTopLevel() throws IOException {
        byte[] targetsBytes = targetsMetadata();
        Files.write(metadata.resolve(versions.get("targets") + ".targets.json"), targetsBytes);
        byte[] snapshotBytes = snapshot(targetsBytes);
        Files.write(metadata.resolve(versions.get("snapshot") + ".snapshot.json"), snapshotBytes);
        Files.write(metadata.resolve("timestamp.json"), timestamp(snapshotBytes));
    }

    /** Next versions of targets, snapshot and timestamp, published. */
    public void bumpAndPublish() throws IOException {
        for (String r : List.of("targets", "snapshot", "timestamp")) {
            versions.merge(r, 1L, Long::sum);
        }
        publishTopLevel();
    }

    public String metadataUrl() {
        return metadata.toUri().toString();
    }

    public String targetsUrl() {
        return targetsDir.toUri().toString();
    }

    private ObjectNode common(String type) {
        ObjectNode s = JSON.createObjectNode();
        s.put("_type", type);
        s.put("spec_version", "1.0.31");
        s.put("version", versions.get(type));
        s.put("expires", expiries.get(type).truncatedTo(ChronoUnit.SECONDS).toString());
        return s;
    }

    private static byte[] envelope(ObjectNode signed, List<Key> by) {
        byte[] canonical = CanonicalJson.encode(signed);
        ObjectNode env = JSON.createObjectNode();
        ArrayNode sigs = env.putArray("signatures");
        for (Key k : by) {
            sigs.addObject().put("keyid", k.id()).put("sig", HexFormat.of().formatHex(k.sign(canonical)));
        }
        env.set("signed", signed);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(env);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
