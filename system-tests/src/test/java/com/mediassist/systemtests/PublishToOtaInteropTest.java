package com.mediassist.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.core.diagnosis.DiagnosisOptions;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.models.DdxplusData;
import com.mediassist.models.ModelsCli;
import com.mediassist.models.fleet.FileIngestLog;
import com.mediassist.models.fleet.FleetHttpServer;
import com.mediassist.models.fleet.FleetService;
import com.mediassist.models.tuf.TufRepository;
import com.mediassist.sync.ota.BundleRef;
import com.mediassist.sync.ota.BundleStore;
import com.mediassist.sync.ota.BundleUpdates;
import com.mediassist.sync.ota.OtaOptions;
import com.mediassist.sync.tuf.UrlFetcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vendor publish → box OTA: the vendor's {@code models keys init} and {@code models publish} sign a
 * bundle into the repository the fleet service serves under {@code /repository/} on 127.0.0.1; the
 * box's OTA client ({@code bundles trust} with the vendor's root, then {@code bundles update})
 * verifies the TUF metadata chain, downloads the consistent-snapshot target, stages it, runs its
 * golden cases in the shadow engine and activates it.
 */
class PublishToOtaInteropTest {

    static final Path DATA = Path.of("../models/src/main/data/ddxplus");

    @TempDir
    Path vendor;
    @TempDir
    Path work;
    @TempDir
    Path box;

    @Test
    void aBundleTheVendorPublishesIsVerifiedStagedGoldenCheckedAndActivatedByTheBoxOverHttp() throws Exception {
        Path few = work.resolve("few.csv");
        Files.write(few, Files.readAllLines(DATA.resolve("patients-dev.csv")).subList(0, 200));
        Path bundle = work.resolve("bundle");
        assertThat(ModelsCli.run("bundle", "--data", DATA.toString(), "--patients", few.toString(), "--out", bundle.toString(),
                "--bundle-version", "2.1.0")).isZero();
        assertThat(ModelsCli.run("keys", "init", "--data-dir", vendor.toString())).isZero();
        assertThat(ModelsCli.run("publish", "--data-dir", vendor.toString(), "--bundle", bundle.toString(),
                "--force-without-gate", "--reason", "interop test: the gate is tested by LearningLoopIT")).isZero();

        Knowledge knowledge = DdxplusData.buildKnowledge(DATA);
        try (FleetService service = new FleetService(vendor, knowledge, new FileIngestLog(vendor));
             FleetHttpServer server = new FleetHttpServer("127.0.0.1", 0, service, TufRepository.repository(vendor), 4)) {
            String url = "http://127.0.0.1:" + server.port() + "/repository/";
            BundleUpdates box = new BundleUpdates(new OtaOptions(Optional.of(url), "ddxplus-diagnosis", "0", "0.1.0", 3,
                    DiagnosisOptions.defaults()), new BundleStore(this.box), UrlFetcher.defaults(), Clock.systemUTC());
            box.trust(TufRepository.repository(vendor).resolve("metadata/1.root.json"));

            assertThat(box.check()).hasValueSatisfying(c -> assertThat(c.version()).isEqualTo("2.1.0"));
            Optional<BundleRef> active = box.update();

            assertThat(active).hasValueSatisfying(r -> {
                assertThat(r.id()).isEqualTo("ddxplus-diagnosis");
                assertThat(r.version()).isEqualTo("2.1.0");
                assertThat(r.source()).isEqualTo("repository bundles/ddxplus-diagnosis-2.1.0.zip");
            });
            assertThat(box.state().activeBundle().map(BundleRef::version)).hasValue("2.1.0");
            assertThat(box.runnable()).hasValueSatisfying(v -> assertThat(v.manifest().version()).isEqualTo("2.1.0"));
            assertThat(Files.readAllBytes(box.store().dirOf(active.get()).resolve("model.onnx")))
                    .isEqualTo(Files.readAllBytes(bundle.resolve("model.onnx")));
            // Nothing newer: a second update installs nothing.
            assertThat(box.update()).isEmpty();
        }
    }
}
