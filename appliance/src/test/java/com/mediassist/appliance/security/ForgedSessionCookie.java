package com.mediassist.appliance.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What an attacker who learnt the session-cookie key can make: a Quarkus form-login cookie for any
 * user ({@code base64(ivLength, iv, AES-GCM(SHA-256(key), "<expiry millis>:<user>"))}).
 */
final class ForgedSessionCookie {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ForgedSessionCookie() {
    }

    static String forge(String key, String user, Duration validFor) {
        try {
            byte[] aesKey = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new GCMParameterSpec(128, iv));
            String plain = (System.currentTimeMillis() + validFor.toMillis()) + ":" + user;
            byte[] encrypted = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(1 + iv.length + encrypted.length);
            out.put((byte) iv.length).put(iv).put(encrypted);
            return Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
