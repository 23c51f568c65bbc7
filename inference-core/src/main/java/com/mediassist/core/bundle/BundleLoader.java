package com.mediassist.core.bundle;

import com.mediassist.core.bundle.BundleException.HashMismatchException;
import com.mediassist.core.bundle.BundleException.IncompatibleVersionException;
import com.mediassist.core.bundle.BundleException.InvalidManifestException;
import com.mediassist.core.bundle.BundleException.MissingFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Loads and verifies a bundle directory: the manifest must be format v1, every listed file must exist
 * inside the bundle with the listed size and SHA-256, and the bundle must accept this appliance version.
 */
public final class BundleLoader {

    private final String applianceVersion;

    /** @param applianceVersion the running appliance's version, e.g. {@code 0.1.0} */
    public BundleLoader(String applianceVersion) {
        this.applianceVersion = applianceVersion;
    }

    /**
     * Verifies the bundle in {@code dir}.
     *
     * @throws InvalidManifestException     when the manifest is missing, malformed or of another format
     * @throws MissingFileException         when a listed file is absent
     * @throws HashMismatchException        when a file's size or hash differs
     * @throws IncompatibleVersionException when the bundle needs a newer appliance
     */
    public VerifiedBundle load(Path dir) {
        Path manifestFile = dir.resolve(BundleManifest.FILE_NAME);
        if (!Files.isRegularFile(manifestFile)) {
            throw new InvalidManifestException("no " + BundleManifest.FILE_NAME + " in " + dir);
        }
        BundleManifest m;
        try {
            m = BundleManifest.JSON.readValue(manifestFile.toFile(), BundleManifest.class);
        } catch (IOException e) {
            throw new InvalidManifestException("cannot read " + manifestFile + ": " + e.getMessage(), e);
        }
        if (!BundleManifest.FORMAT.equals(m.format())) {
            throw new InvalidManifestException("bundle format is '" + m.format() + "', expected '"
                    + BundleManifest.FORMAT + "'");
        }
        if (m.model() == null || m.id() == null || m.version() == null) {
            throw new InvalidManifestException("manifest of " + dir + " lacks its id, version or model");
        }
        if (m.minApplianceVersion() != null && compareVersions(m.minApplianceVersion(), applianceVersion) > 0) {
            throw new IncompatibleVersionException(m.minApplianceVersion(), applianceVersion);
        }
        Path root = dir.toAbsolutePath().normalize();
        for (BundleManifest.FileEntry f : m.files()) {
            Path p = root.resolve(f.path()).normalize();
            if (!p.startsWith(root) || p.equals(root)) {
                throw new InvalidManifestException("manifest path '" + f.path() + "' points outside the bundle");
            }
            if (!Files.isRegularFile(p)) {
                throw new MissingFileException(f.path(), dir);
            }
            try {
                long size = Files.size(p);
                if (size != f.size()) {
                    throw new HashMismatchException(f.path(), f.size() + " bytes", size + " bytes");
                }
                String hash = sha256(p);
                if (!hash.equalsIgnoreCase(f.sha256())) {
                    throw new HashMismatchException(f.path(), "sha256 " + f.sha256(), "sha256 " + hash);
                }
            } catch (IOException e) {
                throw new InvalidManifestException("cannot read bundle file " + f.path() + ": " + e.getMessage(), e);
            }
        }
        boolean modelListed = m.files().stream().anyMatch(f -> f.path().equals(m.model().file()));
        if (!modelListed) {
            throw new InvalidManifestException("the model file " + m.model().file() + " is not among the hashed files");
        }
        for (String k : m.knowledge().values()) {
            if (m.files().stream().noneMatch(f -> f.path().equals(k))) {
                throw new InvalidManifestException("the knowledge file " + k + " is not among the hashed files");
            }
        }
        return new VerifiedBundle(root, m);
    }

    /** Lower-case hex SHA-256 of a file. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Compares dotted numeric versions ({@code 0.1.0} &lt; {@code 0.10.0}); a suffix like -SNAPSHOT is ignored. */
    static int compareVersions(String a, String b) {
        String[] x = a.replaceAll("-.*", "").split("\\.");
        String[] y = b.replaceAll("-.*", "").split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int xi = i < x.length ? parse(x[i]) : 0;
            int yi = i < y.length ? parse(y[i]) : 0;
            if (xi != yi) {
                return Integer.compare(xi, yi);
            }
        }
        return 0;
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
