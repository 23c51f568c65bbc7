package com.mediassist.core.knowledge.set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mediassist.core.knowledge.bundle.KnowledgeManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a knowledge bundle: every file of a source knowledge folder (verified against its manifest), a
 * new manifest with the bundle's knowledge version ({@code mediassist-knowledge <version>}), provenance,
 * knowledge format and minimum appliance version, and {@value KnowledgeGoldenCases#FILE_NAME}: the answers
 * the bundle itself gives to the vendor's golden inputs (medication checks, differentials), which a box must
 * reproduce before it switches to the bundle. The vendor's {@code models knowledge-bundle} runs it; tests of the
 * box use it to build the bundles they deliver.
 */
public final class KnowledgeBundleWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * What to write.
     *
     * @param source       a knowledge folder with {@code manifest.json} (e.g. the shipped
     *                     {@code inference-core/src/main/resources/knowledge})
     * @param version      the bundle version, dotted numbers ({@code 2026.12.1}); must be newer than the
     *                     shipped one for a box to install it
     * @param provenance   who assembled it from what
     * @param minAppliance the oldest appliance version that can run it
     * @param goldenInputs golden inputs (format {@value KnowledgeGoldenCases#FORMAT}, expectations ignored)
     */
    public record Spec(Path source, String version, String provenance, String minAppliance,
                       KnowledgeGoldenCases goldenInputs) {
        public Spec {
            Objects.requireNonNull(source, "source");
            if (version == null || !version.matches("[0-9]+(\\.[0-9]+)*")) {
                throw new IllegalArgumentException("knowledge bundle version must be dotted numbers, e.g. 2026.12.1; got "
                        + version);
            }
            Objects.requireNonNull(provenance, "provenance");
            Objects.requireNonNull(minAppliance, "minAppliance");
            Objects.requireNonNull(goldenInputs, "goldenInputs");
        }
    }

    private KnowledgeBundleWriter() {
    }

    /**
     * Writes the bundle into {@code out} (created; must be empty or absent) and returns its manifest.
     *
     * @throws com.mediassist.core.knowledge.KnowledgeException when a source file differs from its manifest or
     *                                                          the knowledge does not load
     */
    public static KnowledgeManifest write(Spec spec, Path out, Clock clock) throws IOException {
        KnowledgeManifest source = KnowledgeManifest.fromDirectory(spec.source());
        if (Files.exists(out)) {
            try (var s = Files.list(out)) {
                if (s.findAny().isPresent()) {
                    throw new IOException("the output folder " + out + " is not empty");
                }
            }
        }
        Files.createDirectories(out);
        Map<String, String> sources = new LinkedHashMap<>();
        for (KnowledgeManifest.Entry e : source.files().values()) {
            if (e.path().equals(KnowledgeGoldenCases.FILE_NAME)) {
                continue;   // recorded anew below
            }
            Path target = out.resolve(e.path());
            Files.createDirectories(target.getParent());
            Files.write(target, source.bytes(e.path()));
            sources.put(e.path(), e.source());
        }
        writeManifest(spec, out, sources);
        KnowledgeSet set = KnowledgeSet.open(KnowledgeManifest.fromDirectory(out), clock);
        KnowledgeGoldenCases.record(set, spec.goldenInputs()).write(out.resolve(KnowledgeGoldenCases.FILE_NAME));
        sources.put(KnowledgeGoldenCases.FILE_NAME, "recorded by 'models knowledge-bundle' from this bundle");
        writeManifest(spec, out, sources);
        KnowledgeManifest written = KnowledgeManifest.fromDirectory(out);
        KnowledgeGoldenCases.of(written).orElseThrow().check(KnowledgeSet.open(written, clock));
        return written;
    }

    private static void writeManifest(Spec spec, Path out, Map<String, String> sources) throws IOException {
        ObjectNode m = JSON.createObjectNode();
        m.put("knowledgeVersion", "mediassist-knowledge " + spec.version());
        m.put("provenance", spec.provenance());
        m.put("format", KnowledgeManifest.FORMAT);
        m.put("minApplianceVersion", spec.minAppliance());
        ArrayNode files = m.putArray("files");
        for (Map.Entry<String, String> e : sources.entrySet()) {
            files.addObject().put("path", e.getKey()).put("sha256", KnowledgeManifest.sha256(Files.readAllBytes(out.resolve(e.getKey()))))
                    .put("source", e.getValue());
        }
        JSON.writeValue(out.resolve("manifest.json").toFile(), m);
    }
}
