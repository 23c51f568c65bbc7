package com.mediassist.core.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediassist.core.bundle.BundleException.HashMismatchException;
import com.mediassist.core.bundle.BundleException.IncompatibleVersionException;
import com.mediassist.core.bundle.BundleException.InvalidManifestException;
import com.mediassist.core.bundle.BundleException.MissingFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleLoaderTest {

    @TempDir
    Path dir;

    private BundleManifest writeBundle(String minVersion, String modelPath) throws IOException {
        Files.writeString(dir.resolve("model.onnx"), "model bytes", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("knowledge.json"), "{}", StandardCharsets.UTF_8);
        List<BundleManifest.FileEntry> files = List.of(
                entry("model.onnx"), entry("knowledge.json"));
        BundleManifest m = new BundleManifest(BundleManifest.FORMAT, "test", "1.0.0", "2026-01-01T00:00:00Z", minVersion,
                new BundleManifest.Provenance(List.of(), "t", Map.of(), Map.of(), "none"),
                modelPath == null ? files : List.of(new BundleManifest.FileEntry(modelPath, "00", 1)),
                new BundleManifest.ModelSpec("model.onnx", "features", "probabilities", List.of("a"), List.of("b"), 1.0, "ternary-v2"),
                Map.of("knowledge", "knowledge.json"));
        m.write(dir);
        return m;
    }

    private BundleManifest.FileEntry entry(String name) throws IOException {
        Path p = dir.resolve(name);
        return new BundleManifest.FileEntry(name, BundleLoader.sha256(p), Files.size(p));
    }

    @Test
    void loadsABundleWhoseFilesMatchTheirHashes() throws IOException {
        writeBundle("0.1.0", null);
        VerifiedBundle b = new BundleLoader("0.1.0-SNAPSHOT").load(dir);
        assertThat(b.manifest().id()).isEqualTo("test");
        assertThat(b.file("model.onnx")).exists();
    }

    @Test
    void refusesABundleWithATamperedFileOfTheSameSize() throws IOException {
        writeBundle("0.1.0", null);
        Files.writeString(dir.resolve("model.onnx"), "MODEL bytes", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new BundleLoader("0.1.0").load(dir))
                .isInstanceOf(HashMismatchException.class)
                .hasMessageContaining("model.onnx").hasMessageContaining("expected sha256");
    }

    @Test
    void refusesABundleWithAFileOfAnotherSize() throws IOException {
        writeBundle("0.1.0", null);
        Files.writeString(dir.resolve("knowledge.json"), "{ }", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new BundleLoader("0.1.0").load(dir))
                .isInstanceOf(HashMismatchException.class).hasMessageContaining("expected 2 bytes, found 3 bytes");
    }

    @Test
    void refusesABundleMissingAListedFile() throws IOException {
        writeBundle("0.1.0", null);
        Files.delete(dir.resolve("knowledge.json"));
        assertThatThrownBy(() -> new BundleLoader("0.1.0").load(dir))
                .isInstanceOf(MissingFileException.class).hasMessageContaining("knowledge.json");
    }

    @Test
    void refusesAManifestPathOutsideTheBundle() throws IOException {
        writeBundle("0.1.0", "../outside.onnx");
        assertThatThrownBy(() -> new BundleLoader("0.1.0").load(dir))
                .isInstanceOf(InvalidManifestException.class).hasMessageContaining("outside the bundle");
    }

    @Test
    void refusesABundleForANewerAppliance() throws IOException {
        writeBundle("0.10.0", null);
        assertThatThrownBy(() -> new BundleLoader("0.9.3").load(dir))
                .isInstanceOf(IncompatibleVersionException.class).hasMessageContaining("0.10.0");
    }

    @Test
    void refusesADirectoryWithoutManifest() {
        assertThatThrownBy(() -> new BundleLoader("0.1.0").load(dir))
                .isInstanceOf(InvalidManifestException.class).hasMessageContaining("manifest.json");
    }
}
