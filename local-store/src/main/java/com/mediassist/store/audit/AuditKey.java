package com.mediassist.store.audit;

import com.mediassist.store.files.SecretFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key of the audit chain's HMAC: {@value #FILE_NAME} in the data directory (32 random bytes,
 * 0600), kept apart from the database so that someone who can write the database cannot recompute
 * the chain after rewriting a row. Loaded once per data directory and process.
 */
public final class AuditKey {

    /** Name of the key file in the data directory. */
    public static final String FILE_NAME = "audit.key";

    private static final Map<Path, AuditKey> LOADED = new ConcurrentHashMap<>();

    private final SecretKeySpec key;
    private final java.util.concurrent.atomic.AtomicBoolean createdNow;

    private AuditKey(byte[] bytes, boolean createdNow) {
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
        this.createdNow = new java.util.concurrent.atomic.AtomicBoolean(createdNow);
    }

    /**
     * The key of a data directory, made on first use.
     *
     * @throws com.mediassist.store.files.KeyTooShortException when the file holds a short key
     */
    public static AuditKey of(Path dataDir) {
        return LOADED.computeIfAbsent(dataDir.toAbsolutePath().normalize(), dir -> {
            Path file = dir.resolve(FILE_NAME);
            boolean existed = file.toFile().exists();
            return new AuditKey(SecretFile.readOrCreate(file, new SecureRandom()).bytes(), !existed);
        });
    }

    /** Drops the loaded key of a data directory (tests that replace the key file). */
    static void forget(Path dataDir) {
        LOADED.remove(dataDir.toAbsolutePath().normalize());
    }

    /**
     * Whether this process made the key file (a new installation, or the first start with keyed
     * chains); answers {@code true} once only.
     */
    boolean createdNow() {
        return createdNow.getAndSet(false);
    }

    /** HMAC-SHA256 of the text, hex. */
    String mac(byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime provides HmacSHA256", e);
        }
    }

    String mac(String text) {
        return mac(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "AuditKey[(hidden)]";
    }
}
