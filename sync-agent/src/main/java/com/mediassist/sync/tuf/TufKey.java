package com.mediassist.sync.tuf;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A public key as TUF metadata lists it ({@code keytype}, {@code scheme}, {@code keyval.public}).
 * Supported: {@code ed25519/ed25519} (hex), {@code ecdsa/ecdsa-sha2-nistp256} (PEM), {@code
 * rsa/rsassa-pss-sha256} and {@code rsa/rsa-pkcs1v15-sha256} (PEM), all on the JDK's providers. A key of
 * another type or scheme verifies nothing (it can never count towards a threshold).
 *
 * @param keyId       the id the metadata gives the key
 * @param keyType     e.g. {@code ed25519}
 * @param scheme      e.g. {@code ed25519}
 * @param publicValue the {@code keyval.public} text
 */
public record TufKey(String keyId, String keyType, String scheme, String publicValue) {

    /** DER prefix of an Ed25519 SubjectPublicKeyInfo before the 32 raw key bytes (RFC 8410). */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    /**
     * Whether {@code signatureHex} is this key's valid signature over {@code data}. A malformed key or
     * signature is simply not a valid signature: the caller counts valid ones against a threshold and
     * throws {@link TufException.SignatureThresholdException} when they are too few.
     */
    boolean verifies(String signatureHex, byte[] data) {
        try {
            byte[] sig = HexFormat.of().parseHex(signatureHex.toLowerCase(Locale.ROOT));
            String kind = keyType + "/" + scheme;
            return switch (kind) {
                case "ed25519/ed25519" -> verify("Ed25519", ed25519(), sig, data);
                case "ecdsa/ecdsa-sha2-nistp256", "ecdsa-sha2-nistp256/ecdsa-sha2-nistp256" ->
                        verify("SHA256withECDSA", p256(), sig, data);
                case "rsa/rsa-pkcs1v15-sha256" -> verify("SHA256withRSA", pem("RSA"), sig, data);
                case "rsa/rsassa-pss-sha256" -> verifyPss(pem("RSA"), sig, data);
                default -> false;
            };
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean verify(String algorithm, PublicKey key, byte[] sig, byte[] data)
            throws GeneralSecurityException {
        Signature s = Signature.getInstance(algorithm);
        s.initVerify(key);
        s.update(data);
        return s.verify(sig);
    }

    /** securesystemslib signs PSS with a salt as long as the digest and verifies any salt length. */
    private static boolean verifyPss(PublicKey key, byte[] sig, byte[] data) throws GeneralSecurityException {
        int modulusBytes = (((java.security.interfaces.RSAPublicKey) key).getModulus().bitLength() + 7) / 8;
        for (int salt : new int[] {32, modulusBytes - 32 - 2, 0}) {
            if (salt < 0) {
                continue;
            }
            Signature s = Signature.getInstance("RSASSA-PSS");
            s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, salt, 1));
            s.initVerify(key);
            s.update(data);
            if (s.verify(sig)) {
                return true;
            }
        }
        return false;
    }

    private PublicKey ed25519() throws GeneralSecurityException {
        byte[] raw = HexFormat.of().parseHex(publicValue.toLowerCase(Locale.ROOT));
        if (raw.length != 32) {
            throw new GeneralSecurityException("an Ed25519 public key has 32 bytes, found " + raw.length);
        }
        byte[] spki = new byte[ED25519_SPKI_PREFIX.length + raw.length];
        System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
        System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    }

    private PublicKey p256() throws GeneralSecurityException {
        PublicKey key = pem("EC");
        AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
        p.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec p256 = p.getParameterSpec(ECParameterSpec.class);
        if (!(key instanceof ECPublicKey ec) || !ec.getParams().getCurve().equals(p256.getCurve())
                || !ec.getParams().getOrder().equals(p256.getOrder())) {
            throw new GeneralSecurityException("not a NIST P-256 key");
        }
        return key;
    }

    private PublicKey pem(String algorithm) throws GeneralSecurityException {
        String body = publicValue.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
    }
}
