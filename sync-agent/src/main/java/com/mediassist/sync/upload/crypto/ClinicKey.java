package com.mediassist.sync.upload.crypto;

import com.mediassist.sync.upload.ClinicKeyException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

/**
 * The clinic's Ed25519 key pair. The private key is stored PKCS#8-encoded in
 * {@code <data-dir>/sync/clinic-ed25519.key} with permissions 0600; the public key X.509-encoded
 * next to it ({@code clinic-ed25519.pub}). Nothing else identifies the clinic to the vendor.
 */
public final class ClinicKey {

    /** Directory inside the data directory holding the sync agent's files. */
    public static final String DIR = "sync";
    public static final String PRIVATE_FILE = "clinic-ed25519.key";
    public static final String PUBLIC_FILE = "clinic-ed25519.pub";
    /** Raw Ed25519 public keys are 32 bytes; the X.509 encoding prefixes 12 bytes of algorithm id. */
    private static final int RAW_PUBLIC_LENGTH = 32;

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private ClinicKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /**
     * Creates a new key pair in {@code dataDir} (private file 0600).
     *
     * @throws ClinicKeyException when a key already exists (never overwritten: the vendor knows it)
     *     or the files cannot be written
     */
    public static ClinicKey create(Path dataDir, SecureRandom random) {
        Path priv = privateFile(dataDir);
        if (Files.exists(priv)) {
            throw new ClinicKeyException(priv, "a clinic key already exists; it is never replaced, because the "
                    + "vendor registered its public key", null);
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(255, random);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(priv.getParent());
            writeOwnerOnly(priv, pair.getPrivate().getEncoded());
            Files.write(publicFile(dataDir), pair.getPublic().getEncoded(), StandardOpenOption.CREATE_NEW);
            return new ClinicKey(pair.getPrivate(), pair.getPublic());
        } catch (FileAlreadyExistsException e) {
            throw new ClinicKeyException(priv, "a clinic key already exists", e);
        } catch (IOException | GeneralSecurityException e) {
            throw new ClinicKeyException(priv, "cannot create the clinic key: " + e.getMessage(), e);
        }
    }

    /**
     * Loads the key pair of {@code dataDir}.
     *
     * @throws ClinicKeyException when it is missing ("run sync init") or unreadable
     */
    public static ClinicKey load(Path dataDir) {
        Path priv = privateFile(dataDir);
        if (!Files.exists(priv)) {
            throw new ClinicKeyException(priv, "no clinic key: run 'bin/mediassist sync init' first", null);
        }
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(priv)));
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(publicFile(dataDir))));
            return new ClinicKey(privateKey, publicKey);
        } catch (IOException | GeneralSecurityException e) {
            throw new ClinicKeyException(priv, "cannot read the clinic key: " + e.getMessage(), e);
        }
    }

    /** Whether {@code dataDir} holds a clinic key. */
    public static boolean exists(Path dataDir) {
        return Files.exists(privateFile(dataDir));
    }

    public static Path privateFile(Path dataDir) {
        return dataDir.resolve(DIR).resolve(PRIVATE_FILE);
    }

    public static Path publicFile(Path dataDir) {
        return dataDir.resolve(DIR).resolve(PUBLIC_FILE);
    }

    /** The raw 32-byte public key, base64 (standard, padded): the protocol's {@code clinicKey}. */
    public String publicKeyBase64() {
        byte[] encoded = publicKey.getEncoded();
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(encoded, encoded.length - RAW_PUBLIC_LENGTH,
                encoded.length));
    }

    /** The Ed25519 signature of {@code message}. */
    public byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    private static void writeOwnerOnly(Path file, byte[] bytes) throws IOException {
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.write(file, bytes, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
