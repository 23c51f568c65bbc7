package com.mediassist.appliance.security.tls;

import com.mediassist.appliance.status.ModuleHealth;
import com.mediassist.appliance.status.ModuleHealth.State;
import com.mediassist.appliance.status.ModuleProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The status page's {@value #NAME} row: the certificate HTTPS serves ({@code quarkus.http.ssl.certificate.*},
 * set by the Debian package in {@code /etc/mediassist/mediassist.env}) and its expiry. Up while more
 * than {@value #RENEW_WITHIN_DAYS} days are left, degraded within them, down once expired or unreadable,
 * unknown when the appliance serves plain HTTP (development, bound to loopback).
 */
@ApplicationScoped
public class TlsCertificateProbe implements ModuleProbe {

    static final String NAME = "tls-certificate";
    static final int RENEW_WITHIN_DAYS = 30;

    private final Optional<List<Path>> pemFiles;
    private final Optional<Path> keyStore;
    private final Optional<String> keyStorePassword;
    private final Clock clock;
    private volatile Loaded loaded;

    public TlsCertificateProbe(@ConfigProperty(name = "quarkus.http.ssl.certificate.files") Optional<List<Path>> pemFiles,
            @ConfigProperty(name = "quarkus.http.ssl.certificate.key-store-file") Optional<Path> keyStore,
            @ConfigProperty(name = "quarkus.http.ssl.certificate.key-store-password") Optional<String> keyStorePassword,
            Clock clock) {
        this.pemFiles = pemFiles;
        this.keyStore = keyStore;
        this.keyStorePassword = keyStorePassword;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ModuleHealth probe() {
        Loaded l = loaded;
        if (l == null) {
            l = load();
            loaded = l;
        }
        if (l.problem() != null) {
            return new ModuleHealth(NAME, l.certificate() == null && l.source() == null ? State.UNKNOWN : State.DOWN,
                    l.problem());
        }
        Instant notAfter = l.certificate().getNotAfter().toInstant();
        long days = Duration.between(clock.instant(), notAfter).toDays();
        String detail = l.certificate().getSubjectX500Principal().getName() + " from " + l.source() + ", valid until "
                + notAfter + " (" + days + " days left)";
        if (!clock.instant().isBefore(notAfter)) {
            return new ModuleHealth(NAME, State.DOWN, "EXPIRED: " + detail + "; browsers refuse it, renew it");
        }
        if (days < RENEW_WITHIN_DAYS) {
            return new ModuleHealth(NAME, State.DEGRADED, detail + "; renew it soon");
        }
        return new ModuleHealth(NAME, State.UP, detail);
    }

    private record Loaded(Path source, X509Certificate certificate, String problem) {
    }

    private Loaded load() {
        if (pemFiles.isPresent() && !pemFiles.get().isEmpty()) {
            Path file = pemFiles.get().get(0);
            try (InputStream in = Files.newInputStream(file)) {
                return new Loaded(file, (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in),
                        null);
            } catch (IOException | GeneralSecurityException | ClassCastException e) {
                return new Loaded(file, null, "cannot read " + file + ": " + e.getMessage());
            }
        }
        if (keyStore.isPresent()) {
            Path file = keyStore.get();
            try (InputStream in = Files.newInputStream(file)) {
                KeyStore ks = KeyStore.getInstance(file.toString().endsWith(".jks") ? "JKS" : "PKCS12");
                ks.load(in, keyStorePassword.orElse("").toCharArray());
                for (String alias : Collections.list(ks.aliases())) {
                    if (ks.getCertificate(alias) instanceof X509Certificate x509) {
                        return new Loaded(file, x509, null);
                    }
                }
                return new Loaded(file, null, file + " holds no certificate");
            } catch (IOException | GeneralSecurityException e) {
                return new Loaded(file, null, "cannot read " + file + ": " + e.getMessage());
            }
        }
        return new Loaded(null, null, "no TLS certificate configured: plain HTTP (keep it bound to loopback)");
    }
}
