package com.mediassist.core.bundle;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json} of a model bundle, format v1 (see {@code docs/bundle-format-v1.md}). The manifest is not
 * signed itself: a bundle taken over the air is vouched for by the update repository's signed TUF metadata, which
 * names the bundle zip's length and hashes (see {@code docs/ota.md}); the shipped one by the software package.
 *
 * @param format               always {@value #FORMAT}
 * @param id                   bundle id, e.g. {@code ddxplus-diagnosis}
 * @param version              semantic version of the bundle
 * @param createdAt            ISO-8601 instant the bundle was built (from the build, so reproducible)
 * @param minApplianceVersion  the oldest appliance version that can load it
 * @param provenance           data, trainer and metrics
 * @param files                every file of the bundle (except the manifest itself)
 * @param model                the ONNX model's file, tensor names, features and labels
 * @param knowledge            the knowledge files by role ({@code knowledge}, {@code frequencies})
 */
public record BundleManifest(String format, String id, String version, String createdAt,
                             String minApplianceVersion, Provenance provenance, List<FileEntry> files,
                             ModelSpec model, Map<String, String> knowledge) {

    /** The format this code reads and writes. */
    public static final String FORMAT = "mediassist-bundle/1";

    /** The manifest's file name. */
    public static final String FILE_NAME = "manifest.json";

    static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public BundleManifest {
        files = files == null ? List.of() : List.copyOf(files);
        knowledge = knowledge == null ? Map.of() : Map.copyOf(knowledge);
    }

    /**
     * One file of the bundle.
     *
     * @param path   relative path inside the bundle, with {@code /} separators
     * @param sha256 lower-case hex SHA-256 of its bytes
     * @param size   size in bytes
     */
    public record FileEntry(String path, String sha256, long size) {
    }

    /**
     * Where the bundle's knowledge came from and how the model was made.
     *
     * @param data     the data files used, each with its SHA-256
     * @param trainer  trainer name and version
     * @param settings trainer settings (seed, epochs, …) as text
     * @param metrics  evaluation numbers computed at build time (held-out calibration split)
     * @param license  licence notes of the data
     */
    public record Provenance(List<DataFile> data, String trainer, Map<String, String> settings,
                             Map<String, Double> metrics, String license) {
        public Provenance {
            data = data == null ? List.of() : List.copyOf(data);
            settings = settings == null ? Map.of() : Map.copyOf(settings);
            metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        }
    }

    /**
     * A data file used to build the bundle.
     *
     * @param name   file name
     * @param sha256 its SHA-256
     * @param source where it comes from, with licence
     */
    public record DataFile(String name, String sha256, String source) {
    }

    /**
     * The model.
     *
     * @param file        the ONNX file inside the bundle
     * @param input       the input tensor name (float, shape [batch, features])
     * @param output      the output tensor name (float probabilities, shape [batch, labels])
     * @param features    input feature names, in order
     * @param labels      output labels (pathology codes), in order
     * @param temperature the temperature already folded into the model's weights (for the record)
     * @param encoding    how findings are encoded into the features (see the engine's FeatureSpace.ENCODING)
     */
    public record ModelSpec(String file, String input, String output, List<String> features,
                            List<String> labels, double temperature, String encoding) {
        public ModelSpec {
            features = List.copyOf(features);
            labels = List.copyOf(labels);
        }
    }

    /** Writes this manifest as {@code manifest.json} in the directory. */
    public void write(Path dir) throws IOException {
        JSON.writeValue(dir.resolve(FILE_NAME).toFile(), this);
    }
}
