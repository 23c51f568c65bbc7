package com.mediassist.installer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The appliance's TLS certificate, found the way the appliance finds it: from Quarkus's own settings
 * in the environment ({@code /etc/mediassist/mediassist.env} on an installed box). Either PEM files
 * ({@value #PEM_FILES}, the clinic's own certificate) or a PKCS#12 key store ({@value #KEY_STORE},
 * the self-signed certificate the package makes) with its password ({@value #KEY_STORE_PASSWORD}).
 *
 * @param source the file it was read from
 * @param certificate the server certificate (the first of the chain)
 */
record ServerCertificate(Path source, X509Certificate certificate) {

    static final String PEM_FILES = "QUARKUS_HTTP_SSL_CERTIFICATE_FILES";
    static final String KEY_STORE = "QUARKUS_HTTP_SSL_CERTIFICATE_KEY_STORE_FILE";
    static final String KEY_STORE_PASSWORD = "QUARKUS_HTTP_SSL_CERTIFICATE_KEY_STORE_PASSWORD";

    /** Days before expiry from which {@code check} fails, so that there is time to renew. */
    static final Duration RENEW_WITHIN = Duration.ofDays(30);

    /**
     * @return the configured certificate, or empty when the appliance is configured without TLS
     * @throws CliFailure when a certificate is configured but cannot be read
     */
    static Optional<ServerCertificate> configured(Map<String, String> env) {
        String pem = env.get(PEM_FILES);
        if (pem != null && !pem.isBlank()) {
            Path file = Path.of(pem.split(",")[0].strip());
            try (InputStream in = Files.newInputStream(file)) {
                Collection<? extends Certificate> chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
                if (chain.isEmpty()) {
                    throw new CliFailure(PEM_FILES + " names " + file + ", which holds no certificate", false);
                }
                return Optional.of(new ServerCertificate(file, (X509Certificate) chain.iterator().next()));
            } catch (IOException | GeneralSecurityException e) {
                throw new CliFailure("cannot read the TLS certificate " + file + " (" + PEM_FILES + "): " + e.getMessage(),
                        false);
            }
        }
        String store = env.get(KEY_STORE);
        if (store != null && !store.isBlank()) {
            Path file = Path.of(store.strip());
            char[] password = env.getOrDefault(KEY_STORE_PASSWORD, "").toCharArray();
            try (InputStream in = Files.newInputStream(file)) {
                KeyStore ks = KeyStore.getInstance(file.toString().endsWith(".jks") ? "JKS" : "PKCS12");
                ks.load(in, password);
                for (String alias : Collections.list(ks.aliases())) {
                    if (ks.getCertificate(alias) instanceof X509Certificate x509) {
                        return Optional.of(new ServerCertificate(file, x509));
                    }
                }
                throw new CliFailure(KEY_STORE + " names " + file + ", which holds no certificate", false);
            } catch (IOException | GeneralSecurityException e) {
                throw new CliFailure("cannot read the TLS key store " + file + " (" + KEY_STORE + " with "
                        + KEY_STORE_PASSWORD + "): " + e.getMessage(), false);
            }
        }
        return Optional.empty();
    }

    Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    /** The subject alternative names, as {@code dns:NAME} or {@code ip:ADDRESS}. */
    List<String> subjectAltNames() {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int type = (Integer) san.get(0);
                    names.add((type == 7 ? "ip:" : type == 2 ? "dns:" : type + ":") + san.get(1));
                }
            }
        } catch (CertificateParsingException e) {
            names.add("(unreadable: " + e.getMessage() + ")");
        }
        return names;
    }

    /** A TLS context that trusts this certificate alone: for talking to the appliance on this box. */
    SSLContext trustingOnlyThis() {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("appliance", certificate);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new CliFailure("cannot build a TLS context for " + source + ": " + e.getMessage(), false);
        }
    }
}
