package com.mediassist.store.users;

import com.mediassist.store.InvalidValueException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * bcrypt password hashing through BouncyCastle, in the portable {@code $2y$} form with a 16-byte
 * random salt. {@link OpenBSDBCrypt#checkPassword} compares in constant time.
 */
public final class PasswordHasher {

    /** Shortest password accepted, in characters. */
    public static final int MIN_LENGTH = 8;
    /** bcrypt reads at most 72 bytes; longer passwords would be silently cut, so they are refused. */
    public static final int MAX_BYTES = 72;

    private final int cost;
    private final SecureRandom random;

    /**
     * @param cost bcrypt cost, log2 of the rounds (4..31)
     * @param random salt source
     */
    public PasswordHasher(int cost, SecureRandom random) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be between 4 and 31, got " + cost);
        }
        this.cost = cost;
        this.random = random;
    }

    /**
     * Hashes a password after checking its length.
     *
     * @throws InvalidValueException naming {@code password} when shorter than {@value #MIN_LENGTH}
     *     characters or longer than {@value #MAX_BYTES} bytes of UTF-8
     */
    public String hash(char[] password) {
        validate(password);
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate("2y", password, salt, cost);
    }

    /** Whether {@code password} matches {@code hash}; constant time in the password's content. */
    public boolean matches(char[] password, String hash) {
        if (password == null || password.length == 0 || utf8Length(password) > MAX_BYTES) {
            return false;
        }
        return OpenBSDBCrypt.checkPassword(hash, password);
    }

    /**
     * Checks a password against the length rules without hashing it.
     *
     * @throws InvalidValueException naming {@code password} when it breaks them
     */
    public static void validate(char[] password) {
        if (password == null || password.length < MIN_LENGTH) {
            throw new InvalidValueException("password", "must be at least " + MIN_LENGTH + " characters");
        }
        if (utf8Length(password) > MAX_BYTES) {
            throw new InvalidValueException("password", "must be at most " + MAX_BYTES + " bytes in UTF-8");
        }
    }

    private static int utf8Length(char[] password) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        int length = bytes.remaining();
        if (bytes.hasArray()) {
            Arrays.fill(bytes.array(), (byte) 0);
        }
        return length;
    }
}
