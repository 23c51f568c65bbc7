package com.mediassist.sync.ota;

import com.mediassist.sync.ota.OtaException.UnverifiedBundleException;
import com.mediassist.sync.tuf.TargetEvidence;
import com.mediassist.sync.tuf.TufException.EvidenceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The signature of a kept over-the-air bundle, checkable again at any time ({@code mediassist check}). When a
 * bundle is staged, the signed TUF metadata that vouched for it and the downloaded target itself are kept inside
 * the bundle's directory:
 * <pre>
 *   ota/bundles/&lt;id&gt;-&lt;version&gt;/.tuf/root.json, timestamp.json, snapshot.json, targets.json   exact bytes verified
 *   ota/bundles/&lt;id&gt;-&lt;version&gt;/.tuf/target.zip                                            the target as downloaded
 * </pre>
 * and every root the box trusts is kept in {@code ota/tuf/roots/}. {@link #verify} then re-establishes the whole
 * chain offline: the kept root chains to the root trusted now, timestamp, snapshot and targets are signed by a
 * threshold of that root's keys and name each other, the targets metadata lists {@code bundles/<id>-<version>.zip}
 * with the length and hashes of {@code target.zip}, and every file of the installed bundle is byte for byte an
 * entry of that zip (none missing, none added).
 */
public final class BundleSignatures {

    /** The directory inside a kept bundle that holds its signed metadata and target. */
    public static final String DIR = ".tuf";
    /** The kept target file inside {@link #DIR}. */
    public static final String TARGET = "target.zip";

    private BundleSignatures() {
    }

    /**
     * What a successful {@link #verify} found.
     *
     * @param bundle    the kept bundle
     * @param signature what its signed metadata established
     * @param files     how many installed files matched the signed target's entries
     */
    public record Checked(BundleRef bundle, TargetEvidence.Verified signature, int files) {
    }

    /** Keeps the evidence and the downloaded target inside a staged bundle directory (before it is kept). */
    static void keep(Path bundleDir, TargetEvidence evidence, Path downloaded) throws IOException {
        Path dir = Files.createDirectories(bundleDir.resolve(DIR));
        evidence.writeTo(dir);
        Files.move(downloaded, dir.resolve(TARGET), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The target path a kept bundle was published under. */
    static String targetPath(BundleRef ref) {
        return "bundles/" + ref.label() + ".zip";
    }

    /**
     * Verifies a kept bundle against the signed metadata kept with it and the root trusted now.
     *
     * @throws UnverifiedBundleException naming the file that does not verify and why
     */
    public static Checked verify(BundleStore store, BundleRef ref) throws UnverifiedBundleException {
        Path dir = store.dirOf(ref);
        if (!Files.isDirectory(dir)) {
            throw new UnverifiedBundleException(ref.label(), dir.toString(), "the bundle's directory is missing", null);
        }
        Path evidenceDir = dir.resolve(DIR);
        if (!Files.isDirectory(evidenceDir)) {
            throw new UnverifiedBundleException(ref.label(), evidenceDir.toString(), "is missing: the signed metadata "
                    + "this bundle was installed with was not kept (deleted, or staged by a MediAssist version that did "
                    + "not keep it), so its signature cannot be checked again", null);
        }
        Path target = evidenceDir.resolve(TARGET);
        TargetEvidence.Verified signature;
        try {
            signature = TargetEvidence.readFrom(evidenceDir, targetPath(ref))
                    .verify(evidenceDir, store.tufDir().resolve("root.json"), store.rootHistory(), target);
        } catch (EvidenceException e) {
            throw new UnverifiedBundleException(ref.label(), e.file(), e.problem(), e);
        }
        return new Checked(ref, signature, sameFiles(ref, dir, target));
    }

    /** Every file under {@code dir} (but {@link #DIR}) is an entry of the zip with the same bytes, and vice versa. */
    private static int sameFiles(BundleRef ref, Path dir, Path zip) throws UnverifiedBundleException {
        Set<Path> signed = new HashSet<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.isDirectory()) {
                    continue;
                }
                Path file = dir.resolve(e.getName()).normalize();
                if (!file.startsWith(dir) || file.startsWith(dir.resolve(DIR))) {
                    throw new UnverifiedBundleException(ref.label(), zip.toString(), "its entry '" + e.getName()
                            + "' lies outside the bundle", null);
                }
                signed.add(file);
                String expected = sha256(in);
                if (!Files.isRegularFile(file)) {
                    throw new UnverifiedBundleException(ref.label(), file.toString(), "is missing (the signed bundle "
                            + "has it)", null);
                }
                String found;
                try (InputStream installed = Files.newInputStream(file)) {
                    found = sha256(installed);
                }
                if (!found.equals(expected)) {
                    throw new UnverifiedBundleException(ref.label(), file.toString(), "differs from the signed bundle "
                            + "(sha256 " + expected + " signed, " + found + " on disk)", null);
                }
            }
        } catch (IOException e) {
            throw new UnverifiedBundleException(ref.label(), zip.toString(), "cannot be read (" + e.getMessage() + ")", e);
        }
        List<Path> installed;
        try (Stream<Path> s = Files.walk(dir)) {
            installed = s.filter(Files::isRegularFile).filter(p -> !p.startsWith(dir.resolve(DIR))).sorted().toList();
        } catch (IOException e) {
            throw new UnverifiedBundleException(ref.label(), dir.toString(), "cannot be read (" + e.getMessage() + ")", e);
        }
        for (Path p : installed) {
            if (!signed.contains(p)) {
                throw new UnverifiedBundleException(ref.label(), p.toString(), "is not part of the signed bundle", null);
            }
        }
        return installed.size();
    }

    private static String sha256(InputStream in) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        byte[] buf = new byte[64 * 1024];
        for (int r; (r = in.read(buf)) > 0; ) {
            md.update(buf, 0, r);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
