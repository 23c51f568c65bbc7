package com.mediassist.appliance.security.keys;

import com.mediassist.store.files.SecretFile;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies {@value #KEY_PROPERTY} from {@code <mediassist.data-dir>/session.key}, making the file
 * (32 random bytes, base64, mode 0600) on the first start. Without it Quarkus would make a temporary
 * key at every start and write it to the log, where anyone reading the log could forge a session
 * for any user.
 *
 * <p>Registered through {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}, so it
 * works for {@code java -jar quarkus-run.jar} as well as for {@code bin/run}. A key set explicitly
 * (environment {@code QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY}, a system property or
 * {@code application.properties}) wins: this source has a lower ordinal ({@value #ORDINAL}) than
 * all of them, and then no file is made. A key file holding fewer than 32 bytes stops the start
 * ({@link com.mediassist.store.files.KeyTooShortException}); {@link SessionKeyCheck} refuses a
 * short explicit key.
 *
 * <p>Active only in the packaged application, whose classes Quarkus's runner class loader loads.
 * During the build Quarkus also reads the configuration and records runtime values it finds into
 * the jar: a key supplied then would be baked into every copy of the application. Dev mode and
 * {@code @QuarkusTest} load classes the same way as the build and use the key of their profile.
 */
public class SessionKeyConfigSourceFactory implements ConfigSourceFactory {

    /** The Quarkus property this source supplies. */
    public static final String KEY_PROPERTY = "quarkus.http.auth.session.encryption-key";
    /** Name of the key file in the data directory. */
    public static final String FILE_NAME = "session.key";
    /** Below application.properties (250), environment (300) and system properties (400). */
    static final int ORDINAL = 200;

    /** The class loader of {@code java -jar quarkus-run.jar}; the build, tests and dev mode use another. */
    private static final String PACKAGED_CLASS_LOADER = "io.quarkus.bootstrap.runner.RunnerClassLoader";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!packagedApplication() || isSet(context.getValue(KEY_PROPERTY))) {
            return List.of();
        }
        ConfigValue dataDir = context.getValue("mediassist.data-dir");
        Path dir = Path.of(isSet(dataDir) ? dataDir.getValue() : "./data");
        SecretFile key = SecretFile.readOrCreate(dir.resolve(FILE_NAME), new SecureRandom());
        return List.of(new PropertiesConfigSource(Map.of(KEY_PROPERTY, key.text()), "mediassist session key file "
                + key.file(), ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static boolean packagedApplication() {
        ClassLoader loader = SessionKeyConfigSourceFactory.class.getClassLoader();
        return loader != null && loader.getClass().getName().equals(PACKAGED_CLASS_LOADER);
    }
}
