package com.mediassist.models.fleet;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mediassist.models.crypto.Ed25519;
import com.mediassist.models.fleet.FleetException.RegistryException;
import com.mediassist.models.fleet.FleetException.StorageException;
import com.mediassist.models.fleet.FleetException.UnknownClinicException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The clinics allowed to upload: {@code clinics.json} under the data directory, written atomically.
 * A running service sees clinics added by {@code fleet add-clinic} (it reloads the file when it
 * changed). Thread-safe.
 */
public final class ClinicRegistry {

    /** File name under the data directory. */
    public static final String FILE = "clinics.json";

    /**
     * A registered clinic.
     *
     * @param id        {@code clinic-} and the first 16 hex digits of the SHA-256 of its raw key (the Kafka key)
     * @param name      the operator's name for it (vendor side only)
     * @param publicKey base64 of its raw Ed25519 public key
     */
    public record Clinic(String id, String name, String publicKey) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private Map<String, Clinic> byKey = Map.of();
    private FileTime loaded;

    /** Opens (or starts) the registry of a data directory. */
    public ClinicRegistry(Path dataDir) {
        this.file = dataDir.resolve(FILE);
        reloadIfChanged();
    }

    /**
     * The clinic of a key.
     *
     * @throws UnknownClinicException when the key is not registered
     */
    public synchronized Clinic byKey(String publicKey) {
        Clinic c = byKey.get(publicKey);
        if (c == null && reloadIfChanged()) {
            c = byKey.get(publicKey);
        }
        if (c == null) {
            throw new UnknownClinicException(publicKey);
        }
        return c;
    }

    /** Every registered clinic, in registration order. */
    public synchronized List<Clinic> all() {
        reloadIfChanged();
        return List.copyOf(byKey.values());
    }

    /**
     * Registers a clinic.
     *
     * @param publicKey the line {@code sync init} printed: base64 of the raw 32-byte key
     * @throws RegistryException when the key is malformed or the key or name is already registered
     */
    public synchronized Clinic add(String name, String publicKey) {
        reloadIfChanged();
        String key = publicKey.strip();
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(key);
            Ed25519.publicKey(raw);
        } catch (IllegalArgumentException e) {
            throw new RegistryException("--public-key must be the base64 line 'sync init' printed (32 raw bytes): "
                    + e.getMessage());
        }
        if (name == null || name.isBlank()) {
            throw new RegistryException("--name must not be blank");
        }
        if (byKey.containsKey(key)) {
            throw new RegistryException("this key is already registered as clinic " + byKey.get(key).id()
                    + " (" + byKey.get(key).name() + ")");
        }
        for (Clinic c : byKey.values()) {
            if (c.name().equals(name.strip())) {
                throw new RegistryException("a clinic named '" + name.strip() + "' is already registered (" + c.id() + ")");
            }
        }
        String id = "clinic-" + HexFormat.of().formatHex(sha256(raw)).substring(0, 16);
        Clinic c = new Clinic(id, name.strip(), key);
        Map<String, Clinic> next = new LinkedHashMap<>(byKey);
        next.put(key, c);
        write(new ArrayList<>(next.values()));
        byKey = next;
        return c;
    }

    private boolean reloadIfChanged() {
        try {
            if (!Files.exists(file)) {
                return false;
            }
            FileTime t = Files.getLastModifiedTime(file);
            if (t.equals(loaded)) {
                return false;
            }
            List<Clinic> list = JSON.readValue(file.toFile(), new TypeReference<List<Clinic>>() { });
            Map<String, Clinic> m = new LinkedHashMap<>();
            list.forEach(c -> m.put(c.publicKey(), c));
            byKey = m;
            loaded = t;
            return true;
        } catch (IOException e) {
            throw new StorageException("cannot read the clinic registry " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(List<Clinic> list) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(FILE + ".tmp");
            JSON.writeValue(tmp.toFile(), list);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            loaded = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new StorageException("cannot write the clinic registry " + file + ": " + e.getMessage(), e);
        }
    }

    static byte[] sha256(byte[] b) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
