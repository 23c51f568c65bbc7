package com.mediassist.appliance.diagnosis.service;

import com.mediassist.core.fit.AssessmentReader;
import com.mediassist.core.fit.StatedAssessment;
import com.mediassist.core.summary.StructuredNote;
import com.mediassist.core.InferenceCoreException;
import com.mediassist.core.bundle.BundleLoader;
import com.mediassist.core.bundle.BundleManifest;
import com.mediassist.core.bundle.VerifiedBundle;
import com.mediassist.core.diagnosis.DiagnosisEngine;
import com.mediassist.core.diagnosis.NoteEncodings;
import com.mediassist.core.diagnosis.EngineSlot;
import com.mediassist.core.diagnosis.DiagnosisException.DiagnosisUnavailableException;
import com.mediassist.core.diagnosis.DiagnosisOptions;
import com.mediassist.core.diagnosis.DiagnosisResult;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.knowledge.PatientFindings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Holds the diagnosis engine of the active bundle. The bundle is loaded and verified at startup;
 * when that fails the service keeps the reason and every diagnosis request is answered "diagnosis
 * unavailable" with it.
 */
@ApplicationScoped
public class DiagnosisService {

    private static final Logger LOG = Logger.getLogger(DiagnosisService.class);
    /** Where the build puts the shipped bundle inside the appliance's classpath. */
    static final String SHIPPED = "bundles/default/";

    private final BundleConfig bundleConfig;
    private final DiagnosisConfig config;
    private final String applianceVersion;
    private final Path dataDir;
    /** The live engine; a switch never closes an engine while a request still runs on it. */
    private final EngineSlot slot = new EngineSlot();
    private volatile String unavailableReason = "the diagnosis bundle has not been loaded yet";
    private volatile DiagnosisListener listener;

    public DiagnosisService(BundleConfig bundleConfig, DiagnosisConfig config,
                            @ConfigProperty(name = "quarkus.application.version", defaultValue = "0.1.0") String applianceVersion,
                            @ConfigProperty(name = "mediassist.data-dir", defaultValue = "./data") Path dataDir) {
        this.bundleConfig = bundleConfig;
        this.config = config;
        this.applianceVersion = applianceVersion;
        this.dataDir = dataDir;
    }

    void onStart(@Observes StartupEvent event) {
        load();
    }

    void onStop(@Observes ShutdownEvent event) {
        slot.close();
    }

    /** (Re)loads the configured bundle; on failure keeps the reason. */
    public synchronized void load() {
        try {
            Path dir = bundleConfig.dir().orElseGet(this::extractShipped);
            install(new BundleLoader(applianceVersion).load(dir));
        } catch (InferenceCoreException | UncheckedIOException e) {
            unavailableReason = "the diagnosis bundle could not be loaded: " + e.getMessage();
            LOG.error(unavailableReason, e);
        }
    }

    /**
     * Switches to a verified bundle: new requests go to its engine at once, requests already running
     * finish on the old one, which closes when they are done.
     *
     * @throws InferenceCoreException when the bundle's engine cannot be opened (the old one stays)
     */
    public synchronized void install(VerifiedBundle bundle) {
        slot.swap(DiagnosisEngine.open(bundle, options()));
        unavailableReason = null;
        BundleManifest m = bundle.manifest();
        LOG.infof("Diagnosis bundle %s %s loaded from %s", m.id(), m.version(), bundle.dir());
    }

    /** Sees every diagnosis (time taken, whether the fallback answered, whether it failed): the OTA health gate. */
    public interface DiagnosisListener {
        void answered(java.time.Duration took, boolean fallback, boolean failed);
    }

    /** Sets the one listener (replacing any). */
    public void listen(DiagnosisListener l) {
        this.listener = l;
    }

    /** The engine settings, also those of the OTA shadow engine. */
    public DiagnosisOptions options() {
        return new DiagnosisOptions(config.topCandidates(), config.redFlagThreshold(), config.nextQuestions(),
                config.explanationSize(), config.onnxTimeout(), config.onnxThreads(), config.queueCapacity());
    }

    /** Copies the bundle shipped in the classpath to the data directory, file by file as its manifest lists. */
    private Path extractShipped() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        try (InputStream manifest = cl.getResourceAsStream(SHIPPED + BundleManifest.FILE_NAME)) {
            if (manifest == null) {
                throw new UncheckedIOException("the appliance was built without its default bundle ("
                        + SHIPPED + BundleManifest.FILE_NAME + " is missing)");
            }
            Path dir = dataDir.resolve("bundles").resolve("shipped");
            Files.createDirectories(dir);
            Files.copy(manifest, dir.resolve(BundleManifest.FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
            var m = new com.fasterxml.jackson.databind.ObjectMapper()
                    .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(dir.resolve(BundleManifest.FILE_NAME).toFile(), BundleManifest.class);
            for (BundleManifest.FileEntry f : m.files()) {
                try (InputStream in = cl.getResourceAsStream(SHIPPED + f.path())) {
                    if (in == null) {
                        throw new UncheckedIOException("the shipped bundle lacks " + f.path());
                    }
                    Path target = dir.resolve(f.path()).normalize();
                    if (!target.startsWith(dir)) {
                        throw new UncheckedIOException("the shipped manifest names a path outside the bundle: " + f.path());
                    }
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the shipped bundle: " + e.getMessage());
        }
    }

    /** An I/O failure while preparing the bundle, with the reason in words. */
    static final class UncheckedIOException extends RuntimeException {
        UncheckedIOException(String message) {
            super(message);
        }
    }

    /**
     * Diagnoses, counting findings without a DDXPlus evidence against the answer's fit.
     *
     * @throws DiagnosisUnavailableException when no bundle is loaded, with the reason
     */
    public DiagnosisResult diagnose(PatientFindings findings, List<String> unmappedFindings, Language language) {
        return answered(e -> e.diagnose(findings, unmappedFindings, language));
    }

    /**
     * Diagnoses findings read from a doctor's note: the engine also scores the other DDXPlus codings
     * of a note finding ({@link NoteEncodings}, e.g. a sore throat coded for a cold or for pharyngitis)
     * and keeps each condition's better result.
     *
     * @throws DiagnosisUnavailableException when no bundle is loaded, with the reason
     */
    public DiagnosisResult diagnoseNote(PatientFindings findings, List<String> unmappedFindings, Language language) {
        return answered(e -> e.diagnoseNote(findings, unmappedFindings, language, NOTE_ENCODINGS));
    }

    /**
     * {@link #diagnoseNote(PatientFindings, List, Language)} with the conditions the note's author states as the
     * current impression ({@link #statedAssessment}): they weigh in the fit verdict.
     *
     * @throws DiagnosisUnavailableException when no bundle is loaded, with the reason
     */
    public DiagnosisResult diagnoseNote(PatientFindings findings, List<String> unmappedFindings, StatedAssessment stated,
                                        Language language) {
        return answered(e -> e.diagnoseNote(findings, unmappedFindings, stated, language, NOTE_ENCODINGS));
    }

    /**
     * The conditions the note's author states as the current impression, read with the active knowledge
     * ({@link AssessmentReader}); none when no bundle is loaded.
     */
    public StatedAssessment statedAssessment(String noteText, StructuredNote note) {
        return slot.peek().map(e -> assessmentReader(e).read(noteText, note)).orElse(StatedAssessment.none());
    }

    /** The assessment reader of the engine's knowledge, built once per loaded knowledge. */
    private AssessmentReader assessmentReader(DiagnosisEngine engine) {
        KnowledgeReader r = assessments;
        if (r == null || r.knowledge() != engine.knowledge()) {
            r = new KnowledgeReader(engine.knowledge(), AssessmentReader.load(engine.knowledge()));
            assessments = r;
        }
        return r.reader();
    }

    private record KnowledgeReader(com.mediassist.core.knowledge.Knowledge knowledge, AssessmentReader reader) {
    }

    private volatile KnowledgeReader assessments;

    private static final NoteEncodings NOTE_ENCODINGS = NoteEncodings.loadDefault();

    private DiagnosisResult answered(java.util.function.Function<DiagnosisEngine, DiagnosisResult> call) {
        long start = System.nanoTime();
        boolean fallback = false;
        boolean failed = true;
        try {
            DiagnosisResult r = slot.withEngine(call::apply, unavailableReason);
            fallback = r.fallback();
            failed = false;
            return r;
        } finally {
            DiagnosisListener l = listener;
            if (l != null) {
                l.answered(java.time.Duration.ofNanos(System.nanoTime() - start), fallback, failed);
            }
        }
    }

    /**
     * Diagnoses.
     *
     * @throws DiagnosisUnavailableException when no bundle is loaded, with the reason
     */
    public DiagnosisResult diagnose(PatientFindings findings, Language language) {
        return diagnose(findings, List.of(), language);
    }

    /**
     * The active knowledge.
     *
     * @throws DiagnosisUnavailableException when no bundle is loaded
     */
    public Knowledge knowledge() {
        return slot.withEngine(DiagnosisEngine::knowledge, unavailableReason);
    }

    /** The active bundle's manifest, when one is loaded. */
    public Optional<BundleManifest> activeBundle() {
        return slot.peek().map(DiagnosisEngine::manifest);
    }

    /** Why diagnosis is unavailable, when it is. */
    public Optional<String> unavailableReason() {
        return Optional.ofNullable(unavailableReason);
    }
}
