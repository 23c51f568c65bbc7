package com.mediassist.appliance.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The CSRF token of a logged-in session: HMAC-SHA256 of the session id under a key derived from
 * the installation's session key. Bound to the session (another session's token, or the pre-login
 * token, does not match) and so rotated at every login. Stateless: nothing to store.
 */
@ApplicationScoped
public class SessionCsrf {

    private final byte[] key;

    public SessionCsrf(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") String sessionKey) {
        this.key = hmac(sessionKey.getBytes(StandardCharsets.UTF_8), "mediassist csrf v1");
    }

    /** The token for a session id, URL-safe base64 without padding. */
    public String tokenFor(String sessionId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, sessionId));
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime provides HmacSHA256", e);
        }
    }
}
