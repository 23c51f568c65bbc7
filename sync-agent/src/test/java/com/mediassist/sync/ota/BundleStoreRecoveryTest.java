package com.mediassist.sync.ota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediassist.core.bundle.BundleLoader;
import com.mediassist.core.bundle.BundleManifest;
import com.mediassist.core.diagnosis.DiagnosisOptions;
import com.mediassist.sync.tuf.UrlFetcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a power loss can leave behind: a half-unpacked staging directory, a kept bundle whose files
 * were damaged. The box always runs the active, else the previous, else the shipped bundle.
 */
class BundleStoreRecoveryTest {

    static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");

    @TempDir
    Path data;

    BundleStore store() {
        return new BundleStore(data);
    }

    BundleUpdates updates() {
        return new BundleUpdates(new OtaOptions(Optional.empty(), "ddxplus-diagnosis", "2.0.0", "0.1.0", 3,
                DiagnosisOptions.defaults()), store(), UrlFetcher.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** A kept bundle directory with a hashed (not runnable) model file: enough for BundleLoader. */
    BundleRef kept(String version) throws IOException {
        String name = "ddxplus-diagnosis-" + version;
        Path dir = Files.createDirectories(store().root().resolve("bundles").resolve(name));
        Path model = Files.writeString(dir.resolve("model.onnx"), "model " + version);
        new BundleManifest(BundleManifest.FORMAT, "ddxplus-diagnosis", version, NOW.toString(), "0.1.0", null,
                List.of(new BundleManifest.FileEntry("model.onnx", BundleLoader.sha256(model), Files.size(model))),
                new BundleManifest.ModelSpec("model.onnx", "features", "probabilities", List.of("E_1"), List.of("x"), 1.0,
                        "ternary-v2"), Map.of()).write(dir);
        return new BundleRef("ddxplus-diagnosis", version, name, "test", NOW.toString());
    }

    void state(BundleRef active, BundleRef previous) throws OtaException {
        store().locked((s, w) -> {
            w.write(new OtaState(active, previous, null, java.util.stream.Stream.of(previous, active)
                    .filter(java.util.Objects::nonNull).toList(), List.of()));
            return null;
        });
    }

    @Test
    void runsTheActiveBundleWhenItsFilesVerify() throws Exception {
        BundleRef a = kept("2.1.0");
        BundleRef b = kept("2.0.5");
        state(a, b);
        assertThat(updates().runnable()).hasValueSatisfying(v -> assertThat(v.manifest().version()).isEqualTo("2.1.0"));
    }

    @Test
    void fallsBackToThePreviousBundleWhenTheActiveOneIsDamagedAndRecordsIt() throws Exception {
        BundleRef a = kept("2.1.0");
        BundleRef b = kept("2.0.5");
        state(a, b);
        Files.writeString(store().dirOf(a).resolve("model.onnx"), "torn write");
        assertThat(updates().runnable()).hasValueSatisfying(v -> assertThat(v.manifest().version()).isEqualTo("2.0.5"));
        OtaState s = store().read();
        assertThat(s.active().version()).isEqualTo("2.0.5");
        assertThat(s.history()).last().satisfies(h -> {
            assertThat(h.event()).isEqualTo("recovered");
            assertThat(h.bundle()).isEqualTo("ddxplus-diagnosis-2.1.0");
        });
    }

    @Test
    void fallsBackToTheShippedBundleWhenNoKeptBundleVerifies() throws Exception {
        BundleRef a = kept("2.1.0");
        BundleRef b = kept("2.0.5");
        state(a, b);
        Files.delete(store().dirOf(a).resolve("model.onnx"));
        Files.delete(store().dirOf(b).resolve("model.onnx"));
        assertThat(updates().runnable()).isEmpty();
        assertThat(store().read().activeBundle()).isEmpty();
    }

    @Test
    void aHalfUnpackedStagingDirectoryNeverBecomesActiveAndIsWipedNextTime() throws Exception {
        BundleRef a = kept("2.1.0");
        state(a, null);
        Path leftover = Files.createDirectories(store().root().resolve("staging/ddxplus-diagnosis-2.2.0"));
        Files.writeString(leftover.resolve("model.onnx"), "half");
        assertThat(updates().runnable()).hasValueSatisfying(v -> assertThat(v.manifest().version()).isEqualTo("2.1.0"));
        store().freshStaging();
        assertThat(leftover).doesNotExist();
    }

    @Test
    void keepsTheNewestBundlesButNeverTheActiveOrPreviousOne() throws Exception {
        BundleRef v1 = kept("1.0.0");
        BundleRef v2 = kept("2.0.0");
        BundleRef v3 = kept("3.0.0");
        BundleRef v4 = kept("4.0.0");
        List<BundleRef> left = store().prune(List.of(v1, v2, v3, v4), 2, Set.of(v1.dir(), v4.dir()));
        assertThat(left).containsExactly(v1, v4);
        assertThat(store().dirOf(v2)).doesNotExist();
        assertThat(store().dirOf(v1)).exists();
    }

    @Test
    void refusesAZipEntryThatLeavesTheBundle() throws Exception {
        Path zip = data.resolve("evil.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("../../outside.txt"));
            z.write(1);
            z.closeEntry();
        }
        store().freshStaging();
        assertThatThrownBy(() -> store().unzip(zip, "evil")).isInstanceOf(IOException.class)
                .hasMessageContaining("points outside the bundle");
        assertThat(data.resolve("outside.txt")).doesNotExist();
    }
}
