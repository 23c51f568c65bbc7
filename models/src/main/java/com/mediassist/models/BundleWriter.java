package com.mediassist.models;

import com.mediassist.core.bundle.BundleLoader;
import com.mediassist.core.bundle.BundleManifest;
import com.mediassist.core.bundle.VerifiedBundle;
import com.mediassist.core.diagnosis.DiagnosisEngine;
import com.mediassist.core.diagnosis.DiagnosisOptions;
import com.mediassist.core.diagnosis.GoldenCases;
import com.mediassist.core.knowledge.Knowledge;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes a bundle directory (format v1) and, optionally, a reproducible zip of it. */
public final class BundleWriter {

    /** The bundle id of the diagnosis model. */
    public static final String BUNDLE_ID = "ddxplus-diagnosis";
    static final String MODEL_FILE = "model.onnx";
    static final String KNOWLEDGE_FILE = "knowledge.json";
    static final String FREQUENCIES_FILE = "frequencies.json";
    static final String TRAINER = "mediassist-models 2";
    /** Golden cases shipped per bundle (one per pathology) and their probability tolerance. */
    static final int GOLDEN_CASES = 49;
    static final double GOLDEN_TOLERANCE = 1e-4;

    private BundleWriter() {
    }

    /**
     * Writes the bundle.
     *
     * @param out       directory to write (created; existing bundle files are replaced)
     * @param dataFiles data files used, for provenance (their hashes are recorded)
     * @param createdAt the creation instant recorded in the manifest (the build's timestamp)
     * @param version   the bundle's semantic version
     */
    public static BundleManifest write(Path out, Knowledge knowledge, TrainingPipeline.Trained trained,
                                       TrainerSettings settings, List<Path> dataFiles, Instant createdAt,
                                       String version, String minApplianceVersion) throws IOException {
        return write(out, knowledge, trained, settings, dataFiles, createdAt, version, minApplianceVersion, Map.of(), List.of());
    }

    /**
     * Writes the bundle with more provenance: settings entries (e.g. the fleet cases' counts) and data
     * entries that are not files (e.g. the fleet ingest log, by a digest of its content addresses).
     */
    public static BundleManifest write(Path out, Knowledge knowledge, TrainingPipeline.Trained trained,
                                       TrainerSettings settings, List<Path> dataFiles, Instant createdAt,
                                       String version, String minApplianceVersion, Map<String, String> extraSettings,
                                       List<BundleManifest.DataFile> extraData) throws IOException {
        Files.createDirectories(out);
        knowledge.write(out.resolve(KNOWLEDGE_FILE));
        trained.frequencies().write(out.resolve(FREQUENCIES_FILE));
        Files.write(out.resolve(MODEL_FILE), OnnxExport.toOnnx(trained.model(), version,
                "DDXPlus differential diagnosis; features and labels are listed in manifest.json"));
        List<BundleManifest.FileEntry> files = new ArrayList<>();
        for (String f : List.of(FREQUENCIES_FILE, KNOWLEDGE_FILE, MODEL_FILE)) {
            Path p = out.resolve(f);
            files.add(new BundleManifest.FileEntry(f, BundleLoader.sha256(p), Files.size(p)));
        }
        List<BundleManifest.DataFile> data = new ArrayList<>();
        for (Path d : dataFiles) {
            data.add(new BundleManifest.DataFile(d.getFileName().toString(), BundleLoader.sha256(d),
                    d.getFileName().toString().startsWith("spanish")
                            ? "MediAssist Spanish wording of DDXPlus (CC BY 4.0 like its source)"
                            : "DDXPlus, Fansi Tchango et al. 2022, CC BY 4.0"));
        }
        data.addAll(extraData);
        Map<String, String> settingsMap = new java.util.LinkedHashMap<>(settings.asMap());
        settingsMap.putAll(extraSettings);
        List<String> labels = knowledge.pathologies().stream().map(p -> p.code().value()).toList();
        BundleManifest m = new BundleManifest(BundleManifest.FORMAT, BUNDLE_ID, version, createdAt.toString(),
                minApplianceVersion,
                new BundleManifest.Provenance(data, TRAINER + " " + settings.algorithm().id(), settingsMap, trained.metrics(),
                        "Knowledge and weights derived from DDXPlus (CC BY 4.0): Fansi Tchango A., Goel R., Wen Z.,"
                                + " Martel J., Ghosn J. DDXPlus: A New Dataset For Automatic Medical Diagnosis. NeurIPS 2022."),
                files,
                new BundleManifest.ModelSpec(MODEL_FILE, OnnxExport.INPUT, OnnxExport.OUTPUT,
                        new com.mediassist.core.knowledge.FeatureSpace(knowledge).names(), labels, trained.temperature(),
                        com.mediassist.core.knowledge.FeatureSpace.ENCODING),
                Map.of("knowledge", KNOWLEDGE_FILE, "frequencies", FREQUENCIES_FILE));
        m.write(out);
        return withGoldenCases(out, m);
    }

    /**
     * Records the bundle's golden cases (its own answers to one case per pathology, see
     * {@link GoldenCases}) from the written bundle, lists the file and rewrites the manifest.
     */
    static BundleManifest withGoldenCases(Path out, BundleManifest m) throws IOException {
        GoldenCases golden;
        // A generous time budget: the cases must be the model's answers, never the fallback's.
        DiagnosisOptions options = DiagnosisOptions.defaults().withOnnxTimeout(java.time.Duration.ofSeconds(30));
        try (DiagnosisEngine engine = DiagnosisEngine.open(new VerifiedBundle(out, m), options)) {
            golden = GoldenCases.record(engine, GOLDEN_CASES, GOLDEN_TOLERANCE);
        }
        Path file = out.resolve(GoldenCases.FILE_NAME);
        golden.write(file);
        List<BundleManifest.FileEntry> files = new ArrayList<>(m.files());
        files.add(new BundleManifest.FileEntry(GoldenCases.FILE_NAME, BundleLoader.sha256(file), Files.size(file)));
        Map<String, String> knowledge = new java.util.TreeMap<>(m.knowledge());
        knowledge.put(GoldenCases.ROLE, GoldenCases.FILE_NAME);
        BundleManifest withGolden = new BundleManifest(m.format(), m.id(), m.version(), m.createdAt(),
                m.minApplianceVersion(), m.provenance(), files, m.model(), knowledge);
        withGolden.write(out);
        return withGolden;
    }

    /** Zips a bundle directory with fixed entry times and order, so the zip is reproducible. */
    public static void zip(Path bundleDir, Path zip, Instant time) throws IOException {
        Files.createDirectories(zip.toAbsolutePath().getParent());
        List<Path> files;
        try (var s = Files.list(bundleDir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os)) {
            for (Path f : files) {
                ZipEntry e = new ZipEntry(f.getFileName().toString());
                e.setLastModifiedTime(FileTime.from(time));
                z.putNextEntry(e);
                Files.copy(f, z);
                z.closeEntry();
            }
        }
    }
}
