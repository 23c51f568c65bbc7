package com.mediassist.installer;

import com.mediassist.core.InferenceCoreException;
import com.mediassist.core.bundle.BundleLoader;
import com.mediassist.core.bundle.BundleManifest;
import com.mediassist.core.bundle.VerifiedBundle;
import com.mediassist.core.diagnosis.DiagnosisOptions;
import com.mediassist.core.knowledge.bundle.KnowledgeManifest;
import com.mediassist.installer.CheckCommand.Result;
import com.mediassist.sync.ota.BundleRef;
import com.mediassist.sync.ota.BundleSignatures;
import com.mediassist.sync.ota.BundleStore;
import com.mediassist.sync.ota.BundleUpdates;
import com.mediassist.sync.ota.KnowledgeUpdates;
import com.mediassist.sync.ota.OtaException;
import com.mediassist.sync.ota.OtaOptions;
import com.mediassist.sync.ota.OtaState;
import com.mediassist.sync.ota.OtaUpdates;
import com.mediassist.sync.tuf.TargetEvidence;
import com.mediassist.sync.tuf.UrlFetcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The bundle lines of {@code check}: one per bundle on the box, naming its id, version, where it came from and
 * what vouches for it.
 * <ul>
 *   <li>Bundles <b>shipped with the software package</b> (the diagnosis bundle's copy in
 *       {@code /usr/share/mediassist/bundles/}, the copy the appliance extracted into {@code <data>/bundles/shipped},
 *       the knowledge inside the MediAssist jars): every file is checked against the bundle's manifest (size and
 *       SHA-256). They never came through the update repository, so no repository signature vouches for them:
 *       the line says so; they are exactly as authentic as the package file that was installed.</li>
 *   <li>Bundles taken <b>over the air</b> ({@code <data>/ota/}, diagnosis and knowledge): the signed TUF metadata
 *       kept with each is verified again against the root trusted now (signature thresholds, the root chain,
 *       timestamp → snapshot → targets), the kept target against the signed length and hashes, every installed
 *       file byte for byte against the signed target, and the files against the bundle's manifest
 *       ({@link OtaUpdates#recheck}). A changed file or forged metadata fails, naming the file.</li>
 * </ul>
 */
final class BundleChecks {

    private static final String NOT_SIGNED = "not signed by the update repository (it never came through it: it is "
            + "exactly as authentic as the package file installed)";

    private BundleChecks() {
    }

    /**
     * Every bundle of the box.
     *
     * @param dataDir        the appliance's data directory
     * @param packageBundles the package's copy of the shipped diagnosis bundle ({@code /usr/share/mediassist/bundles})
     * @param clock          the clock of the shadow checks
     */
    static List<Result> all(Path dataDir, Path packageBundles, Clock clock) {
        List<Result> results = new ArrayList<>();
        results.addAll(shippedDiagnosis(List.of(packageBundles, dataDir.resolve("bundles"))));
        results.add(shippedKnowledge());
        OtaOptions options = new OtaOptions(Optional.empty(), "ddxplus-diagnosis",
                BundlesCommand.BundlesBase.shippedVersion(dataDir), BundlesCommand.BundlesBase.version(), 3,
                DiagnosisOptions.defaults());
        results.addAll(overTheAir(new BundleUpdates(options, new BundleStore(dataDir), UrlFetcher.defaults(), clock)));
        results.addAll(overTheAir(new KnowledgeUpdates(options.forBundle(KnowledgeUpdates.BUNDLE_ID,
                KnowledgeManifest.shipped().bundleVersion()), BundleStore.knowledge(dataDir), UrlFetcher.defaults(), clock)));
        return results;
    }

    /** The shipped diagnosis bundle's copies under {@code roots} (the package's and the one extracted from it). */
    static List<Result> shippedDiagnosis(List<Path> roots) {
        BundleLoader loader = new BundleLoader(BundlesCommand.BundlesBase.version());
        List<Result> results = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            List<Path> manifests;
            try (Stream<Path> found = Files.walk(root, 2)) {
                manifests = found.filter(p -> p.getFileName().toString().equals(BundleManifest.FILE_NAME)).sorted().toList();
            } catch (IOException e) {
                results.add(new Result("bundles", false, "cannot read " + root + ": " + e.getMessage()));
                continue;
            }
            for (Path manifest : manifests) {
                Path dir = manifest.getParent();
                try {
                    VerifiedBundle b = loader.load(dir);
                    results.add(new Result(name(b.manifest().id(), b.manifest().version()), true,
                            "shipped with the software package (" + dir + "); " + b.manifest().files().size()
                                    + " files match its manifest's SHA-256; " + NOT_SIGNED));
                } catch (InferenceCoreException e) {
                    results.add(new Result("bundle " + dir.getFileName(), false, "shipped with the software package ("
                            + dir + "), but " + e.getMessage() + " (reinstall the package: apt install --reinstall "
                            + "./mediassist_<version>_amd64.deb)"));
                }
            }
        }
        if (results.isEmpty()) {
            results.add(new Result("bundle ddxplus-diagnosis", true, "none on disk yet (the appliance unpacks the "
                    + "bundle shipped inside it at first start)"));
        }
        return results;
    }

    /** The knowledge shipped inside the MediAssist jars (this command's copy of them). */
    static Result shippedKnowledge() {
        try {
            KnowledgeManifest k = KnowledgeManifest.shipped();
            k.verifyAll();
            return new Result(name(k.bundleId(), k.bundleVersion()), true, "shipped with the software package (knowledge/ "
                    + "inside " + jarOf(KnowledgeManifest.class) + "); " + k.files().size()
                    + " files match its manifest's SHA-256; " + NOT_SIGNED);
        } catch (InferenceCoreException e) {
            return new Result("bundle " + KnowledgeUpdates.BUNDLE_ID, false, "shipped with the software package, but "
                    + e.getMessage() + " (reinstall the package)");
        }
    }

    /** Every bundle kept in one OTA store, each re-verified against its signed metadata. */
    static List<Result> overTheAir(OtaUpdates<?> updates) {
        OtaState state;
        try {
            state = updates.state();
        } catch (OtaException e) {
            return List.of(new Result("bundles (" + updates.kind() + ", over the air)", false, e.getMessage()));
        }
        List<Result> results = new ArrayList<>();
        for (BundleRef ref : state.kept()) {
            String role = role(state, ref);
            String name = name(ref.id(), ref.version());
            try {
                BundleSignatures.Checked c = updates.recheck(ref);
                TargetEvidence.Verified s = c.signature();
                results.add(new Result(name, true, "over the air (" + ref.source() + "), " + role + "; signature verified: "
                        + "targets metadata v" + s.targetsVersion() + " signed by " + s.signatures() + " of the "
                        + s.threshold() + " required targets key(s) of root v" + s.rootVersion()
                        + (s.rootVersion() == s.trustedRootVersion() ? " (the trusted root)"
                        : ", which chains to the trusted root v" + s.trustedRootVersion())
                        + ", consistent with snapshot v" + s.snapshotVersion() + " and timestamp v" + s.timestampVersion()
                        + " (targets metadata valid until " + s.targetsExpires() + "); " + c.files()
                        + " installed files are the signed target's (" + s.target().path() + ", "
                        + s.target().length() + " bytes) and match the bundle's manifest"));
            } catch (OtaException e) {
                results.add(new Result(name, false, "over the air, " + role + ": " + e.getMessage()
                        + (role.equals("active") ? " (mediassist bundles rollback" + (updates instanceof KnowledgeUpdates
                        ? " --knowledge" : "") + " goes back to the previous bundle; find out who changed it)"
                        : " (find out who changed it; the bundle is not running)")));
            }
        }
        return results;
    }

    private static String role(OtaState s, BundleRef ref) {
        if (ref.equals(s.active())) {
            return "active";
        }
        if (ref.equals(s.previous())) {
            return "previous (where a rollback goes)";
        }
        if (ref.equals(s.staged())) {
            return "staged";
        }
        return "kept";
    }

    private static String name(String id, String version) {
        return "bundle " + id + " " + version;
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return "the class path";
        }
    }
}
