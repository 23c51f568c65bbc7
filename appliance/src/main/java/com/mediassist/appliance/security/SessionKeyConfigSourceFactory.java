package com.mediassist.appliance.security;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies the key that encrypts the session cookie from {@code session.key} in the data directory,
 * creating it (256 random bits, readable by the owner only) on first start. Without it Quarkus would
 * make a new key at every start, logging it, and every restart would log all doctors out.
 * An explicitly configured {@code quarkus.http.auth.session.encryption-key} wins.
 */
public class SessionKeyConfigSourceFactory implements ConfigSourceFactory {

    static final String KEY_PROPERTY = "quarkus.http.auth.session.encryption-key";
    static final String KEY_FILE = "session.key";
    /** Below application.properties (250) and environment variables (300). */
    private static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue explicit = context.getValue(KEY_PROPERTY);
        ConfigValue dataDir = context.getValue("mediassist.data-dir");
        if ((explicit != null && explicit.getValue() != null) || dataDir == null || dataDir.getValue() == null) {
            return List.of();
        }
        String key = readOrCreate(Path.of(dataDir.getValue()).resolve(KEY_FILE));
        return List.of(new PropertiesConfigSource(Map.of(KEY_PROPERTY, key), "mediassist-session-key", ORDINAL));
    }

    static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] bytes = new byte[32];
                new SecureRandom().nextBytes(bytes);
                String fresh = Base64.getEncoder().encodeToString(bytes);
                try {
                    Files.writeString(file, fresh, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE);
                    restrictToOwner(file);
                } catch (FileAlreadyExistsException raced) {
                    // Another process created it first: use theirs.
                }
            }
            String key = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (key.length() < 32) {
                throw new IllegalStateException("Session key file " + file + " holds " + key.length()
                        + " characters; expected at least 32 (delete it to have a new one made)");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the session key file " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Non-POSIX file systems keep their default permissions.
        }
    }
}
