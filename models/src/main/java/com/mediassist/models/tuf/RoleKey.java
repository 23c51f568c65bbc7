package com.mediassist.models.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mediassist.models.crypto.Ed25519;
import com.mediassist.models.json.CanonicalJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.HexFormat;

/**
 * One TUF role's Ed25519 key: the public key object
 * {@code {"keytype":"ed25519","scheme":"ed25519","keyval":{"public":"<hex>"}}}, its key id (SHA-256 hex
 * of that object's canonical JSON) and the private key. Stored as a JSON file readable by its owner only.
 *
 * @param role      root, targets, snapshot or timestamp
 * @param publicHex the raw 32-byte public key in lower-case hex
 * @param secret    the private key
 */
public record RoleKey(String role, String publicHex, PrivateKey secret) {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A new random key for a role. */
    public static RoleKey generate(String role) {
        KeyPair kp = Ed25519.generate();
        return new RoleKey(role, HexFormat.of().formatHex(Ed25519.raw(kp.getPublic())), kp.getPrivate());
    }

    /** The TUF key object. */
    public ObjectNode keyObject() {
        ObjectNode k = JSON.createObjectNode();
        k.put("keytype", "ed25519");
        k.put("scheme", "ed25519");
        k.putObject("keyval").put("public", publicHex);
        return k;
    }

    /** SHA-256 hex of the key object's canonical JSON. */
    public String keyId() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(CanonicalJson.bytes(keyObject(), "key")));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hex signature over the canonical JSON of {@code signed}. */
    public String signHex(JsonNode signed) {
        return HexFormat.of().formatHex(Ed25519.sign(secret, CanonicalJson.bytes(signed, "signed")));
    }

    /** Writes the key file ({@code rw-------} where the file system supports it); refuses to overwrite. */
    public void write(Path file) throws IOException {
        ObjectNode n = keyObject();
        n.put("role", role);
        n.put("private", Base64.getEncoder().encodeToString(secret.getEncoded()));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.createFile(file);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the operator protects the directory
        }
        Files.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
    }

    /**
     * Reads a key file.
     *
     * @throws TufException.KeysException when it is missing or unreadable
     */
    public static RoleKey read(Path file) {
        try {
            JsonNode n = JSON.readTree(file.toFile());
            return new RoleKey(n.get("role").textValue(), n.get("keyval").get("public").textValue(),
                    Ed25519.privateKey(Base64.getDecoder().decode(n.get("private").textValue())));
        } catch (IOException | RuntimeException e) {
            throw new TufException.KeysException("cannot read the key " + file + " (run 'models keys init'): " + e.getMessage(), e);
        }
    }
}
