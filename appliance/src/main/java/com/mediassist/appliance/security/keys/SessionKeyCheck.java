package com.mediassist.appliance.security.keys;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start when the session-cookie key, however it was supplied, is missing or shorter than
 * {@value #MIN_BYTES} bytes: a short key can be guessed, and a missing one makes Quarkus log a
 * temporary key. The message names the property, never the value.
 */
@ApplicationScoped
public class SessionKeyCheck {

    /** Shortest key accepted, in UTF-8 bytes. */
    public static final int MIN_BYTES = 32;

    private final Optional<String> key;

    public SessionKeyCheck(@ConfigProperty(name = SessionKeyConfigSourceFactory.KEY_PROPERTY) Optional<String> key) {
        this.key = key;
    }

    void onStart(@Observes StartupEvent start) {
        check(key);
    }

    /**
     * @throws IllegalStateException when the key is missing or too short
     */
    static void check(Optional<String> key) {
        int length = key.map(k -> k.getBytes(StandardCharsets.UTF_8).length).orElse(0);
        if (length < MIN_BYTES) {
            throw new IllegalStateException(SessionKeyConfigSourceFactory.KEY_PROPERTY + " has " + length
                    + " bytes; at least " + MIN_BYTES + " are required. Remove it to use the key file "
                    + SessionKeyConfigSourceFactory.FILE_NAME + " of the data directory, made on the first start.");
        }
    }
}
