package com.mediassist.models.knowledge;

import com.mediassist.core.knowledge.bundle.KnowledgeManifest;
import com.mediassist.core.knowledge.set.KnowledgeBundleWriter;
import com.mediassist.core.knowledge.set.KnowledgeGoldenCases;
import com.mediassist.models.ModelsCli;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code models knowledge-bundle}: packs a knowledge bundle for {@code models publish --knowledge}. */
@Command(name = "knowledge-bundle", mixinStandardHelpOptions = true,
        description = "Packs a knowledge bundle (version, provenance, the appliance it needs, golden cases) for OTA.")
public final class KnowledgeBundleCommand implements Callable<Integer> {

    @Option(names = "--knowledge", description = "source knowledge folder with manifest.json; default: ${DEFAULT-VALUE}",
            defaultValue = "inference-core/src/main/resources/knowledge")
    Path source;
    @Option(names = "--version", required = true, description = "bundle version, dotted numbers (e.g. 2026.12.1)")
    String version;
    @Option(names = "--provenance", description = "who assembled it from what; default: the source manifest's")
    String provenance;
    @Option(names = "--min-appliance", description = "oldest appliance that can run it; default: ${DEFAULT-VALUE}",
            defaultValue = ModelsCli.MIN_APPLIANCE_VERSION)
    String minAppliance;
    @Option(names = "--golden-inputs", description = "golden inputs (" + KnowledgeGoldenCases.FORMAT
            + "); default: the vendor's list shipped with this module")
    Path goldenInputs;
    @Option(names = "--out", required = true, description = "bundle folder to write (absent or empty)")
    Path out;

    /** The vendor's golden inputs, in the class path. */
    public static final String GOLDEN_INPUTS = "com/mediassist/models/knowledge/golden-inputs.json";

    /** The vendor's golden inputs shipped with this module. */
    public static KnowledgeGoldenCases defaultGoldenInputs() throws IOException {
        try (java.io.InputStream in = KnowledgeBundleCommand.class.getClassLoader().getResourceAsStream(GOLDEN_INPUTS)) {
            if (in == null) {
                throw new IOException("missing class-path resource " + GOLDEN_INPUTS);
            }
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(in, KnowledgeGoldenCases.class);
        }
    }

    @Override
    public Integer call() throws IOException {
        KnowledgeGoldenCases inputs = goldenInputs == null ? defaultGoldenInputs()
                : new com.fasterxml.jackson.databind.ObjectMapper().readValue(goldenInputs.toFile(), KnowledgeGoldenCases.class);
        String prov = provenance != null ? provenance : KnowledgeManifest.fromDirectory(source).provenance();
        KnowledgeManifest m = KnowledgeBundleWriter.write(new KnowledgeBundleWriter.Spec(source, version, prov,
                minAppliance, inputs), out, Clock.systemUTC());
        KnowledgeGoldenCases g = KnowledgeGoldenCases.of(m).orElseThrow();
        System.out.printf("wrote %s: %s, %d files, %d medication and %d workup golden cases%n", out, m.version(),
                m.files().size(), g.medication().size(), g.workup().size());
        return 0;
    }
}
