package com.mediassist.sync.ota;

import com.fasterxml.jackson.databind.JsonNode;
import com.mediassist.core.InferenceCoreException;
import com.mediassist.sync.ota.OtaException.BundleRefusedException;
import com.mediassist.sync.ota.OtaException.NoTrustedRootException;
import com.mediassist.sync.ota.OtaException.NothingToRollBackException;
import com.mediassist.sync.ota.OtaException.RepositoryRefusedException;
import com.mediassist.sync.ota.OtaException.StoreException;
import com.mediassist.sync.ota.OtaException.UnknownVersionException;
import com.mediassist.sync.tuf.AtomicFiles;
import com.mediassist.sync.tuf.Fetcher;
import com.mediassist.sync.tuf.Signed.TargetFile;
import com.mediassist.sync.tuf.TufException;
import com.mediassist.sync.tuf.Updater;
import com.mediassist.sync.tuf.UpdaterOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The box's over-the-air updates of one kind of bundle: check a TUF repository (over HTTP or an offline
 * snapshot), stage the newest compatible bundle, verify it (TUF, then its own hashes), run its golden cases
 * in a shadow engine, keep it and make it active; roll back; keep the last N. Every change of
 * {@link OtaState} happens under the store's lock and by an atomic rename. Whoever runs the live engine
 * (the appliance) then switches to {@link #runnable()} and watches it with a {@link HealthGate}.
 * {@link BundleUpdates} takes diagnosis bundles, {@link KnowledgeUpdates} knowledge bundles; they share the
 * trusted TUF metadata and keep separate states.
 *
 * @param <B> the verified, opened form of a bundle of this kind
 */
public abstract sealed class OtaUpdates<B> permits BundleUpdates, KnowledgeUpdates {

    /** {@code bundles/<bundle-id>-<version>.zip}, as the vendor publishes them. */
    static final Pattern TARGET = Pattern.compile("bundles/(.+)-([0-9]+(?:\\.[0-9]+)*(?:-[A-Za-z0-9.]+)?)\\.zip");

    private final OtaOptions options;
    private final BundleStore store;
    private final Fetcher fetcher;
    private final Clock clock;

    OtaUpdates(OtaOptions options, BundleStore store, Fetcher fetcher, Clock clock) {
        this.options = options;
        this.store = store;
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /** {@code diagnosis} or {@code knowledge}, as the target's {@code custom.kind} says. */
    public abstract String kind();

    /** Whether this appliance can run a target of our id and kind, beyond its minimum appliance version. */
    abstract boolean runs(JsonNode custom);

    /**
     * Verifies an unpacked bundle's own hashes and that this appliance can run it, and opens it.
     *
     * @throws BundleRefusedException naming what is wrong
     */
    abstract B open(Path dir, String label) throws BundleRefusedException;

    /** {@code <id>-<version>} as the bundle's own manifest says. */
    abstract String manifestLabel(B bundle);

    /** Runs the bundle's golden cases in a shadow engine beside the live one. */
    abstract void shadow(B bundle, String label) throws BundleRefusedException;

    /** The clock of expiry checks, history times and the shadow engines. */
    Clock clock() {
        return clock;
    }

    public OtaOptions options() {
        return options;
    }

    public BundleStore store() {
        return store;
    }

    /** The current state. */
    public OtaState state() throws StoreException {
        return store.read();
    }

    /** Installs the vendor's TUF root as the trust anchor (only when none is installed yet). */
    public void trust(Path rootFile) throws OtaException {
        store.locked((state, writer) -> {
            Path anchor = store.tufDir().resolve("root.json");
            try {
                if (Files.exists(anchor)) {
                    throw new StoreException("a trusted root is already installed at " + anchor
                            + "; it changes only by a root rotation the repository signs", null);
                }
                byte[] root = Files.readAllBytes(rootFile);
                store.rootHistory().keep(List.of(root));
                AtomicFiles.write(anchor, root);
            } catch (IOException e) {
                throw new StoreException("cannot install " + rootFile + " as the trusted root", e);
            } catch (TufException e) {
                throw new StoreException(rootFile + " is not TUF root metadata", e);
            }
            writer.write(state.log(entry("trusted", "root", "installed from " + rootFile)));
            return null;
        });
    }

    /**
     * A bundle newer than the active one that this box can run and did not refuse before.
     *
     * @param candidate the target
     * @param version   its version
     */
    public record Candidate(TargetFile target, String version) {
    }

    /** Refreshes the repository's metadata and names the newest bundle to install, if any. */
    public Optional<Candidate> check() throws OtaException {
        String base = options.repositoryUrl().orElseThrow(() -> new StoreException(
                "no update repository is configured (mediassist.ota.repository-url); use 'bundles import' offline", null));
        return check(base);
    }

    private Optional<Candidate> check(String base) throws OtaException {
        Updater u = updater(base);
        Map<String, TargetFile> targets;
        try {
            targets = u.topLevelTargets();
        } catch (TufException e) {
            rememberRoots(u);
            record("refused", "repository", e.getMessage());
            throw new RepositoryRefusedException(base, e);
        }
        rememberRoots(u);
        OtaState state = store.read();
        String current = state.activeBundle().map(BundleRef::version).orElse(options.shippedVersion());
        Set<String> refused = new HashSet<>();
        for (HistoryEntry h : state.history()) {
            if (h.event().equals("refused") || h.event().equals("rolled-back")) {
                refused.add(h.bundle());
            }
        }
        Candidate best = null;
        for (TargetFile t : targets.values()) {
            Optional<String> version = runnableVersion(t);
            if (version.isEmpty() || refused.contains(options.bundleId() + "-" + version.get())
                    || Versions.compare(version.get(), current) <= 0) {
                continue;
            }
            if (best == null || Versions.compare(version.get(), best.version()) > 0) {
                best = new Candidate(t, version.get());
            }
        }
        return Optional.ofNullable(best);
    }

    /** The target's version when it is a bundle of our id and kind that this appliance can run. */
    private Optional<String> runnableVersion(TargetFile t) {
        Matcher m = TARGET.matcher(t.path());
        if (!m.matches() || !m.group(1).equals(options.bundleId())) {
            return Optional.empty();
        }
        JsonNode c = t.custom().orElse(null);
        if (c == null || !options.bundleId().equals(c.path("bundleId").asText())
                || !m.group(2).equals(c.path("version").asText())
                || !kind().equals(c.path("kind").asText("diagnosis"))) {
            return Optional.empty();
        }
        String min = c.path("minApplianceVersion").asText("0");
        if (Versions.compare(min, options.applianceVersion()) > 0 || !runs(c)) {
            return Optional.empty();
        }
        return Optional.of(m.group(2));
    }

    /** Checks, stages and activates the newest bundle; empty when there is none. */
    public Optional<BundleRef> update() throws OtaException {
        Optional<Candidate> c = check();
        if (c.isEmpty()) {
            return Optional.empty();
        }
        BundleRef staged = stage(options.repositoryUrl().orElseThrow(), c.get(), "repository");
        return Optional.of(activate(staged.version()));
    }

    /**
     * Takes a repository snapshot from a USB stick: a directory (or a zip of it) holding
     * {@code metadata/} and {@code targets/} as the fleet service serves them. Same verification and
     * gate as {@link #update()}; the trusted root must already be installed.
     */
    public Optional<BundleRef> importSnapshot(Path snapshot) throws OtaException {
        if (!Files.isRegularFile(snapshot)) {
            return importFrom(snapshot, snapshot);
        }
        Path dir;
        try {
            dir = store.unzipSnapshot(snapshot);
        } catch (IOException e) {
            throw new StoreException("cannot unpack the snapshot " + snapshot, e);
        }
        try {
            return importFrom(dir, snapshot);
        } finally {
            try {
                store.dropSnapshot();
            } catch (IOException e) {
                // Left for the next import, which empties it first.
            }
        }
    }

    private Optional<BundleRef> importFrom(Path dir, Path snapshot) throws OtaException {
        if (!Files.isDirectory(dir.resolve("metadata"))) {
            throw new StoreException("the snapshot " + snapshot + " has no metadata/ directory", null);
        }
        String base = dir.toAbsolutePath().toUri().toString();
        Optional<Candidate> c = check(base);
        if (c.isEmpty()) {
            return Optional.empty();
        }
        BundleRef staged = stage(base, c.get(), "import " + snapshot.getFileName());
        return Optional.of(activate(staged.version()));
    }

    private Updater updater(String base) throws OtaException {
        Path anchor = store.tufDir().resolve("root.json");
        if (!Files.isRegularFile(anchor)) {
            throw new NoTrustedRootException(anchor);
        }
        try {
            return new Updater(store.tufDir(), base + "metadata/", fetcher, UpdaterOptions.defaults(), clock);
        } catch (TufException e) {
            throw new RepositoryRefusedException(base, e);
        }
    }

    /** Downloads, verifies and keeps a candidate; it becomes the staged bundle. */
    BundleRef stage(String base, Candidate c, String source) throws OtaException {
        String label = options.bundleId() + "-" + c.version();
        try {
            Path staging = store.freshStaging();
            Path zip = staging.resolve(label + ".zip");
            Updater u = updater(base);
            TargetFile t = u.targetInfo(c.target().path());
            u.download(t, zip, base + "targets/");
            options.checkpoints().reached("downloaded");
            Path dir = store.unzip(zip, label);
            options.checkpoints().reached("unpacked");
            B opened = open(dir, label);
            if (!manifestLabel(opened).equals(label)) {
                throw new BundleRefusedException(label, "its manifest says " + manifestLabel(opened), null);
            }
            shadow(opened, label);
            options.checkpoints().reached("verified");
            rememberRoots(u);
            BundleSignatures.keep(dir, u.evidence(t.path()), zip);
            Path kept = store.keep(dir, label);
            options.checkpoints().reached("kept");
            BundleRef ref = new BundleRef(options.bundleId(), c.version(), kept.getFileName().toString(),
                    source + " " + c.target().path(), clock.instant().toString());
            store.locked((state, writer) -> {
                writer.write(state.withStaged(ref).log(entry("staged", label, ref.source())));
                return null;
            });
            options.checkpoints().reached("staged");
            return ref;
        } catch (BundleRefusedException e) {
            record("refused", label, e.reason());
            throw e;
        } catch (TufException | InferenceCoreException e) {
            record("refused", label, e.getMessage());
            throw new BundleRefusedException(label, e.getMessage(), e);
        } catch (IOException e) {
            throw new StoreException("cannot stage " + label, e);
        }
    }

    /**
     * Makes a kept bundle active (the active one becomes the previous one), after verifying its files
     * and golden cases again; keeps the newest N.
     */
    public BundleRef activate(String version) throws OtaException {
        OtaState before = store.read();
        BundleRef ref = before.keptVersion(version).orElseThrow(() -> new UnknownVersionException(version,
                before.kept().stream().map(BundleRef::version).toList()));
        B opened = verifyKept(ref);
        shadow(opened, ref.label());
        options.checkpoints().reached("activating");
        BundleRef done = store.locked((state, writer) -> {
            if (state.activeBundle().map(a -> a.dir().equals(ref.dir())).orElse(false)) {
                return ref;
            }
            OtaState next = state.withActive(ref, state.active());
            next = next.withKept(prune(next));
            writer.write(next.log(entry("activated", ref.label(), state.activeBundle()
                    .map(a -> "replacing " + a.label()).orElse("replacing the shipped " + options.shippedVersion()))));
            return ref;
        });
        options.checkpoints().reached("activated");
        return done;
    }

    /**
     * Goes back to the previous bundle (or to the shipped one when there is none); the bundle left is
     * not installed automatically again.
     *
     * @param reason why, recorded in the history (e.g. the health gate's verdict)
     */
    public Optional<BundleRef> rollback(String reason) throws OtaException {
        return store.locked((state, writer) -> {
            if (state.activeBundle().isEmpty()) {
                throw new NothingToRollBackException();
            }
            BundleRef from = state.active();
            BundleRef to = state.previous();
            OtaState next = state.withActive(to, null);
            writer.write(next.log(entry("rolled-back", from.label(), reason + "; now "
                    + (to == null ? "the shipped " + options.shippedVersion() : to.label()))));
            return Optional.ofNullable(to);
        });
    }

    /** Keeps every root the session trusted, so that kept bundles can be re-verified after a rotation. */
    private void rememberRoots(Updater u) throws StoreException {
        try {
            store.rootHistory().keep(u.trustedRoots());
        } catch (IOException | TufException e) {
            throw new StoreException("cannot keep the trusted roots in " + store.rootHistory().dir(), e);
        }
    }

    /**
     * Checks a kept bundle again, offline: its signed metadata against the root trusted now and its files
     * against the signed target ({@link BundleSignatures#verify}), then its files against its own manifest.
     *
     * @throws OtaException.UnverifiedBundleException naming the file whose signature or bytes do not verify
     * @throws BundleRefusedException when its manifest does not verify
     */
    public BundleSignatures.Checked recheck(BundleRef ref) throws OtaException {
        BundleSignatures.Checked checked = BundleSignatures.verify(store, ref);
        verifyKept(ref);
        return checked;
    }

    /** Verifies a kept bundle's files against its manifest and opens it. */
    public B verifyKept(BundleRef ref) throws BundleRefusedException {
        return open(store.dirOf(ref), ref.label());
    }

    /**
     * The bundle the engine should run now: the active one when its files verify, else the previous
     * one (the state is corrected and the event recorded), else empty — the shipped bundle.
     */
    public Optional<B> runnable() throws OtaException {
        OtaState state = store.read();
        for (BundleRef candidate : new BundleRef[] {state.active(), state.previous()}) {
            if (candidate == null) {
                continue;
            }
            try {
                B vb = verifyKept(candidate);
                if (candidate != state.active()) {
                    BundleRef bad = state.active();
                    store.locked((s, writer) -> {
                        writer.write(s.withActive(candidate, null).log(entry("recovered", bad.label(),
                                "its files no longer verify; running " + candidate.label())));
                        return null;
                    });
                }
                return Optional.of(vb);
            } catch (BundleRefusedException e) {
                // Try the next one; the shipped bundle is the last resort.
            }
        }
        if (state.active() != null) {
            BundleRef bad = state.active();
            store.locked((s, writer) -> {
                writer.write(s.withActive(null, null).log(entry("recovered", bad.label(),
                        "no kept bundle verifies; running the shipped " + options.shippedVersion())));
                return null;
            });
        }
        return Optional.empty();
    }

    private List<BundleRef> prune(OtaState s) throws StoreException {
        Set<String> pinned = new HashSet<>();
        for (BundleRef b : new BundleRef[] {s.active(), s.previous(), s.staged()}) {
            if (b != null) {
                pinned.add(b.dir());
            }
        }
        try {
            return store.prune(s.kept(), options.keep(), pinned);
        } catch (IOException e) {
            throw new StoreException("cannot remove old bundles", e);
        }
    }

    private void record(String event, String bundle, String detail) throws OtaException {
        store.locked((state, writer) -> {
            List<HistoryEntry> h = state.history();
            HistoryEntry last = h.isEmpty() ? null : h.get(h.size() - 1);
            if (last == null || !(last.event().equals(event) && last.bundle().equals(bundle) && last.detail().equals(detail))) {
                writer.write(state.log(entry(event, bundle, detail)));
            }
            return null;
        });
    }

    private HistoryEntry entry(String event, String bundle, String detail) {
        return new HistoryEntry(clock.instant().toString(), event, bundle, detail);
    }
}
