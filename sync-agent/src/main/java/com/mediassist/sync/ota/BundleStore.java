package com.mediassist.sync.ota;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mediassist.sync.ota.OtaException.StoreException;
import com.mediassist.sync.tuf.AtomicFiles;
import com.mediassist.sync.tuf.RootHistory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The box's OTA directory, {@code <data-dir>/ota/}:
 * <pre>
 *   tuf/            trusted TUF metadata, as verified (root.json is the trust anchor)
 *   tuf/roots/      every root version trusted, N.root.json (to re-verify kept bundles after a rotation)
 *   bundles/ID-V/   kept bundles, each complete before the state names it; ID-V/.tuf/ holds the signed
 *                   metadata and the target it was verified with ({@link BundleSignatures})
 *   staging/        downloads and unpacking in progress (wiped whenever a session starts)
 *   import/         a repository snapshot zip being imported (wiped before and after)
 *   state.json      active, previous, staged, kept, history — replaced by an atomic rename
 *   .lock           serialises the appliance and bin/mediassist
 * </pre>
 * A bundle directory is written under {@code staging/}, synced, then renamed into {@code bundles/};
 * only then does the state name it. A {@code kill -9} at any point leaves the state naming complete
 * bundles only.
 */
public final class BundleStore {

    static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** Largest bundle entry count and unpacked size accepted from a zip. */
    static final int MAX_ENTRIES = 1000;
    static final long MAX_UNPACKED = 2L * 1024 * 1024 * 1024;

    private final Path root;
    private final Path tuf;

    /** @param dataDir the appliance's data directory; the store is its {@code ota/} subdirectory */
    public BundleStore(Path dataDir) {
        this.root = dataDir.resolve("ota").toAbsolutePath().normalize();
        this.tuf = root.resolve("tuf");
    }

    private BundleStore(Path root, Path tuf) {
        this.root = root;
        this.tuf = tuf;
    }

    /**
     * The store of knowledge bundles, {@code <data-dir>/ota/knowledge/} (its own bundles, staging, state and
     * lock), trusting the same TUF metadata as the diagnosis bundles ({@code ota/tuf/}).
     */
    public static BundleStore knowledge(Path dataDir) {
        BundleStore diagnosis = new BundleStore(dataDir);
        return new BundleStore(diagnosis.root().resolve("knowledge"), diagnosis.tufDir());
    }

    public Path root() {
        return root;
    }

    public Path tufDir() {
        return tuf;
    }

    /** Every root version the box trusted ({@code tuf/roots/}), shared by diagnosis and knowledge bundles. */
    public RootHistory rootHistory() {
        return new RootHistory(tuf.resolve("roots"));
    }

    Path bundlesDir() {
        return root.resolve("bundles");
    }

    Path stagingDir() {
        return root.resolve("staging");
    }

    /** The directory of a kept bundle. */
    public Path dirOf(BundleRef ref) {
        return bundlesDir().resolve(ref.dir());
    }

    /** The current state (empty when nothing was ever installed). */
    public OtaState read() throws StoreException {
        Path f = root.resolve("state.json");
        if (!Files.isRegularFile(f)) {
            return OtaState.empty();
        }
        try {
            return JSON.readValue(f.toFile(), OtaState.class);
        } catch (IOException e) {
            throw new StoreException("cannot read " + f, e);
        }
    }

    /** A change of state under the store's lock. */
    @FunctionalInterface
    public interface Change<T> {
        T apply(OtaState current, StateWriter writer) throws OtaException;
    }

    /** Writes the state inside a {@link Change}. */
    public interface StateWriter {
        void write(OtaState next) throws StoreException;
    }

    /** Runs {@code change} holding the store's lock (against other threads and processes). */
    public <T> T locked(Change<T> change) throws OtaException {
        synchronized (BundleStore.class) {
            try {
                Files.createDirectories(root);
                try (FileChannel ch = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
                    return change.apply(read(), this::write);
                }
            } catch (IOException e) {
                throw new StoreException("cannot lock " + root, e);
            }
        }
    }

    private void write(OtaState next) throws StoreException {
        try {
            AtomicFiles.write(root.resolve("state.json"), JSON.writeValueAsBytes(next));
        } catch (IOException e) {
            throw new StoreException("cannot write " + root.resolve("state.json"), e);
        }
    }

    /** Empties {@code staging/} (left-overs of an interrupted session) and returns it. */
    Path freshStaging() throws StoreException {
        try {
            deleteTree(stagingDir());
            return Files.createDirectories(stagingDir());
        } catch (IOException e) {
            throw new StoreException("cannot prepare " + stagingDir(), e);
        }
    }

    /**
     * Unpacks a bundle zip (entries at its root) into a new directory under {@code staging/}, every
     * file synced. Refuses entries that leave the directory, and more than {@value #MAX_ENTRIES}
     * entries or {@link #MAX_UNPACKED} bytes.
     */
    Path unzip(Path zip, String name) throws IOException {
        return unzipInto(zip, stagingDir().resolve(name));
    }

    /**
     * Unpacks a repository snapshot zip (from a USB stick) into {@code import/}, emptied first: not under
     * {@code staging/}, which staging the bundle it holds empties. Same limits as {@link #unzip}.
     */
    Path unzipSnapshot(Path zip) throws IOException {
        Path dir = root.resolve("import");
        deleteTree(dir);
        return unzipInto(zip, dir);
    }

    /** Removes what {@link #unzipSnapshot} unpacked. */
    void dropSnapshot() throws IOException {
        deleteTree(root.resolve("import"));
    }

    private Path unzipInto(Path zip, Path target) throws IOException {
        Path dir = Files.createDirectories(target);
        int entries = 0;
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (++entries > MAX_ENTRIES) {
                    throw new IOException("more than " + MAX_ENTRIES + " entries in " + zip.getFileName());
                }
                Path out = dir.resolve(e.getName()).normalize();
                if (!out.startsWith(dir) || out.equals(dir)) {
                    throw new IOException("zip entry '" + e.getName() + "' points outside the bundle");
                }
                if (out.startsWith(dir.resolve(BundleSignatures.DIR))) {
                    throw new IOException("zip entry '" + e.getName() + "' uses the name " + BundleSignatures.DIR
                            + "/, where the box keeps a bundle's signed metadata");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                total += copyLimited(in, out, MAX_UNPACKED - total);
            }
        }
        return dir;
    }

    private static long copyLimited(InputStream in, Path out, long budget) throws IOException {
        long n = 0;
        try (FileChannel ch = FileChannel.open(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buf = new byte[64 * 1024];
            for (int r; (r = in.read(buf)) > 0; ) {
                n += r;
                if (n > budget) {
                    throw new IOException("the bundle unpacks to more than " + MAX_UNPACKED + " bytes");
                }
                java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(buf, 0, r);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
            }
            ch.force(true);
        }
        return n;
    }

    /** Moves a verified staging directory into {@code bundles/<name>} (replacing one of that name). */
    Path keep(Path staged, String name) throws IOException {
        Files.createDirectories(bundlesDir());
        Path target = bundlesDir().resolve(name);
        if (Files.exists(target)) {
            Path old = stagingDir().resolve("replaced-" + name);
            deleteTree(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel d = FileChannel.open(bundlesDir(), StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException ignored) {
            // Not every file system syncs directories; the rename is atomic all the same.
        }
        return target;
    }

    /**
     * Drops kept bundles beyond the newest {@code keep}, never one of {@code pinned} (active,
     * previous, staged).
     */
    List<BundleRef> prune(List<BundleRef> kept, int keep, Set<String> pinned) throws IOException {
        List<BundleRef> out = new ArrayList<>(kept);
        int excess = out.size() - keep;
        for (BundleRef b : List.copyOf(out)) {
            if (excess <= 0) {
                break;
            }
            if (!pinned.contains(b.dir())) {
                deleteTree(dirOf(b));
                out.remove(b);
                excess--;
            }
        }
        return out;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
