package com.mediassist.sync.tuf;

import com.mediassist.sync.tuf.Signed.MetaFile;
import com.mediassist.sync.tuf.Signed.TargetFile;
import com.mediassist.sync.tuf.TufException.DownloadHttpException;
import com.mediassist.sync.tuf.TufException.EqualVersionException;
import com.mediassist.sync.tuf.TufException.StorageException;
import com.mediassist.sync.tuf.TufException.TargetNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One TUF update session (the specification's client workflow, section 5): refresh root, timestamp,
 * snapshot and top-level targets, then look up targets through the delegation graph and download them
 * with their length and hashes verified. Trusted metadata lives in {@code metadataDir} as the exact
 * bytes that were verified ({@code root.json}, {@code timestamp.json}, {@code snapshot.json},
 * {@code targets.json}, {@code <url-quoted role>.json}); it is replaced atomically.
 *
 * <p>The reference time for every expiry check is read once from the injected {@link Clock} when the
 * session starts. Not thread-safe: one session per thread; start a new one for the next refresh.
 */
public final class Updater {

    private final Path metadataDir;
    private final String metadataBaseUrl;
    private final Fetcher fetcher;
    private final UpdaterOptions options;
    private final TrustedMetadata trusted;
    private boolean refreshed;

    /**
     * Opens a session on the trusted root in {@code metadataDir}.
     *
     * @param metadataDir     where trusted metadata is kept (must hold {@code root.json})
     * @param metadataBaseUrl the repository's metadata URL
     * @param fetcher         downloads with a length limit
     * @param options         limits
     * @param clock           the reference time for expiry
     * @throws TufException when the local root is missing, malformed or not signed by itself
     */
    public Updater(Path metadataDir, String metadataBaseUrl, Fetcher fetcher, UpdaterOptions options, Clock clock)
            throws TufException {
        this.metadataDir = metadataDir;
        this.metadataBaseUrl = withSlash(metadataBaseUrl);
        this.fetcher = fetcher;
        this.options = options;
        Instant now = clock.instant();
        byte[] root;
        try {
            root = Files.readAllBytes(metadataDir.resolve("root.json"));
        } catch (IOException e) {
            throw new StorageException("cannot read the trusted root in " + metadataDir, e);
        }
        this.trusted = new TrustedMetadata(root, now);
    }

    /** The trusted root (after {@link #refresh()}, the newest one). */
    public Signed.Root root() {
        return trusted.root();
    }

    /**
     * Brings root, timestamp, snapshot and top-level targets up to date. Runs once per session.
     *
     * @throws TufException on the first refusal; metadata trusted up to then stays stored
     */
    public void refresh() throws TufException {
        if (refreshed) {
            return;
        }
        refreshed = true;
        loadRoot();
        loadTimestamp();
        loadSnapshot();
        loadTargets("targets", "root");
    }

    private void loadRoot() throws TufException {
        long first = trusted.root().version() + 1;
        for (long v = first; v < first + options.maxRootRotations(); v++) {
            byte[] data;
            try {
                data = fetcher.fetch(metadataBaseUrl + v + ".root.json", options.rootMaxLength());
            } catch (DownloadHttpException e) {
                if (e.status() == 403 || e.status() == 404) {
                    return;
                }
                throw e;
            }
            trusted.updateRoot(data);
            persist("root", data);
        }
    }

    private void loadTimestamp() throws TufException {
        Optional<byte[]> local = readLocal("timestamp");
        if (local.isPresent()) {
            try {
                trusted.updateTimestamp(local.get());
            } catch (TufException e) {
                // Not usable as the final timestamp (expired, or signed by rotated-out keys): the remote
                // one is checked against whatever did load.
                debug("local timestamp not valid as final: " + e.getMessage());
            }
        }
        byte[] data = fetcher.fetch(metadataBaseUrl + "timestamp.json", options.timestampMaxLength());
        try {
            trusted.updateTimestamp(data);
        } catch (EqualVersionException e) {
            return;
        }
        persist("timestamp", data);
    }

    private void loadSnapshot() throws TufException {
        Optional<byte[]> local = readLocal("snapshot");
        if (local.isPresent()) {
            try {
                trusted.updateSnapshot(local.get(), true);
                return;
            } catch (TufException e) {
                debug("local snapshot not valid as final: " + e.getMessage());
            }
        }
        MetaFile meta = trusted.timestamp().orElseThrow().snapshotMeta();
        long max = meta.length().orElse(options.snapshotMaxLength());
        String name = trusted.root().consistentSnapshot() ? meta.version() + ".snapshot.json" : "snapshot.json";
        byte[] data = fetcher.fetch(metadataBaseUrl + name, max);
        trusted.updateSnapshot(data, false);
        persist("snapshot", data);
    }

    private Signed.Targets loadTargets(String role, String delegator) throws TufException {
        Optional<Metadata<Signed.Targets>> cached = trusted.targets(role);
        if (cached.isPresent()) {
            trusted.reverify(cached.get(), role, delegator);
            return cached.get().signed();
        }
        Optional<byte[]> local = readLocal(role);
        if (local.isPresent()) {
            try {
                return trusted.updateTargets(local.get(), role, delegator).signed();
            } catch (TufException e) {
                debug("local " + role + " not valid: " + e.getMessage());
            }
        }
        MetaFile meta = trusted.snapshotMetaFor(role);
        long max = meta.length().orElse(options.targetsMaxLength());
        String quoted = UrlQuote.quote(role);
        String name = trusted.root().consistentSnapshot() ? meta.version() + "." + quoted + ".json" : quoted + ".json";
        byte[] data = fetcher.fetch(metadataBaseUrl + name, max);
        Signed.Targets t = trusted.updateTargets(data, role, delegator).signed();
        persist(role, data);
        return t;
    }

    /**
     * The targets the top-level targets role lists (refreshing first), by target path. Targets that
     * only delegated roles list are found with {@link #targetInfo}.
     */
    public Map<String, TargetFile> topLevelTargets() throws TufException {
        refresh();
        return trusted.targets("targets").orElseThrow().signed().targets();
    }

    /**
     * The trusted description of {@code targetPath}: a pre-order depth-first search of the delegation
     * graph from the top-level targets, visiting at most {@code maxDelegations} roles.
     *
     * @throws TargetNotFoundException when no trusted role on the search lists it
     */
    public TargetFile targetInfo(String targetPath) throws TufException {
        refresh();
        Deque<String[]> toVisit = new ArrayDeque<>();
        toVisit.push(new String[] {"targets", "root"});
        Set<String> visited = new HashSet<>();
        while (visited.size() <= options.maxDelegations() && !toVisit.isEmpty()) {
            String[] next = toVisit.pop();
            String role = next[0];
            if (visited.contains(role)) {
                continue;
            }
            Signed.Targets t = loadTargets(role, next[1]);
            TargetFile found = t.targets().get(targetPath);
            if (found != null) {
                return found;
            }
            visited.add(role);
            if (t.delegations().isPresent()) {
                List<String[]> children = new ArrayList<>();
                for (Map.Entry<String, Boolean> child : t.delegations().get().rolesFor(targetPath)) {
                    children.add(new String[] {child.getKey(), role});
                    if (child.getValue()) {
                        toVisit.clear();
                        break;
                    }
                }
                for (int i = children.size() - 1; i >= 0; i--) {
                    toVisit.push(children.get(i));
                }
            }
        }
        throw new TargetNotFoundException(targetPath);
    }

    /**
     * The signed metadata that vouches for {@code targetPath} in this session, to keep beside the installed
     * target ({@link TargetEvidence}). Only targets the top-level targets role lists have evidence.
     *
     * @throws TargetNotFoundException when the top-level targets metadata does not list it
     */
    public TargetEvidence evidence(String targetPath) throws TufException {
        refresh();
        if (!trusted.targets("targets").orElseThrow().signed().targets().containsKey(targetPath)) {
            throw new TargetNotFoundException(targetPath);
        }
        return new TargetEvidence(targetPath, trusted.rawBytes("root").orElseThrow(),
                trusted.rawBytes("timestamp").orElseThrow(), trusted.rawBytes("snapshot").orElseThrow(),
                trusted.rawBytes("targets").orElseThrow());
    }

    /**
     * Every root trusted in this session, oldest first, as the exact bytes verified: the one it started from and
     * each rotation accepted (to keep in a {@link RootHistory}).
     */
    public List<byte[]> trustedRoots() {
        return trusted.roots();
    }

    /** {@code file} when it already holds the target's exact bytes. */
    public static Optional<Path> findCached(TargetFile target, Path file) {
        try {
            if (Files.isRegularFile(file) && Files.size(file) == target.length()) {
                target.verify(Files.readAllBytes(file));
                return Optional.of(file);
            }
        } catch (IOException | TufException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * Downloads the target into {@code file} (written only once length and hashes verified). With
     * consistent snapshots the file is fetched as {@code <dir>/<first hash>.<name>}.
     */
    public Path download(TargetFile target, Path file, String targetBaseUrl) throws TufException {
        String path = target.path();
        if (trusted.root().consistentSnapshot()) {
            String hash = target.hashes().values().iterator().next();
            int slash = path.lastIndexOf('/');
            path = path.substring(0, slash + 1) + hash + "." + path.substring(slash + 1);
        }
        byte[] data = fetcher.fetch(withSlash(targetBaseUrl) + path, target.length());
        target.verify(data);
        try {
            AtomicFiles.write(file, data);
        } catch (IOException e) {
            throw new StorageException("cannot store target " + target.path() + " in " + file, e);
        }
        return file;
    }

    /** The file name a target is stored under: its URL-quoted path (no directories). */
    public static String localFileName(String targetPath) {
        return UrlQuote.quote(targetPath);
    }

    private Optional<byte[]> readLocal(String role) {
        Path f = metadataDir.resolve(UrlQuote.quote(role) + ".json");
        try {
            return Files.isRegularFile(f) ? Optional.of(Files.readAllBytes(f)) : Optional.empty();
        } catch (IOException e) {
            debug("cannot read " + f + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private void persist(String role, byte[] data) throws StorageException {
        Path f = metadataDir.resolve(UrlQuote.quote(role) + ".json");
        try {
            AtomicFiles.write(f, data);
        } catch (IOException e) {
            throw new StorageException("cannot store " + f, e);
        }
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    private static void debug(String message) {
        if (Boolean.getBoolean("mediassist.tuf.debug")) {
            System.err.println("tuf: " + message);
        }
    }

    /** Python's {@code urllib.parse.quote(s, safe="")}: everything but {@code A-Za-z0-9_.-~} percent-encoded. */
    static final class UrlQuote {
        private UrlQuote() {
        }

        static String quote(String s) {
            StringBuilder b = new StringBuilder();
            for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
                int c = x & 0xff;
                if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                        || c == '_' || c == '.' || c == '-' || c == '~') {
                    b.append((char) c);
                } else {
                    b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
                }
            }
            return b.toString();
        }
    }
}
