package com.mediassist.installer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mediassist.core.diagnosis.DiagnosisOptions;
import com.mediassist.core.knowledge.bundle.KnowledgeManifest;
import com.mediassist.sync.ota.BundleRef;
import com.mediassist.sync.ota.BundleStore;
import com.mediassist.sync.ota.BundleUpdates;
import com.mediassist.sync.ota.HistoryEntry;
import com.mediassist.sync.ota.OtaException;
import com.mediassist.sync.ota.OtaOptions;
import com.mediassist.sync.ota.KnowledgeUpdates;
import com.mediassist.sync.ota.OtaState;
import com.mediassist.sync.ota.OtaUpdates;
import com.mediassist.sync.tuf.UrlFetcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bundles list|check|update|activate|rollback|import|trust}: over-the-air diagnosis bundles in
 * {@code <data-dir>/ota/} and knowledge bundles in {@code <data-dir>/ota/knowledge/}, both verified against
 * the same trusted TUF root. A running appliance follows the change within seconds; a stopped one at its
 * next start.
 */
@Command(name = "bundles", description = "Diagnosis and knowledge bundles taken over the air (TUF-verified) or from a USB snapshot.",
        subcommands = {BundlesCommand.ListBundles.class, BundlesCommand.Check.class, BundlesCommand.Update.class,
                BundlesCommand.Activate.class, BundlesCommand.Rollback.class, BundlesCommand.Import.class,
                BundlesCommand.Trust.class})
final class BundlesCommand {

    /**
     * A step of staging and activation at which the process stops and waits (printing {@code PAUSED <step>}),
     * for the crash tests that kill it there with SIGKILL. Not a {@code mediassist.*} setting: nothing in
     * production sets it.
     */
    static final String PAUSE_AT_PROPERTY = "ota.crash-test.pause-at";

    /** Shared by the subcommands: the data directory and the repository. */
    abstract static class BundlesBase implements Callable<Integer> {
        @Mixin
        DataDirOption dataDirOption;

        @Option(names = "--repository-url", paramLabel = "URL",
                description = "Update repository base URL (default: $MEDIASSIST_OTA_REPOSITORY_URL).")
        String repositoryUrl;

        @Spec
        CommandSpec spec;

        OtaOptions options(Path dataDir) {
            String url = repositoryUrl != null ? repositoryUrl : System.getenv("MEDIASSIST_OTA_REPOSITORY_URL");
            OtaOptions o = new OtaOptions(Optional.ofNullable(url), "ddxplus-diagnosis", shippedVersion(dataDir),
                    version(), 3, DiagnosisOptions.defaults());
            String pauseAt = System.getProperty(PAUSE_AT_PROPERTY);
            return pauseAt == null ? o : o.withCheckpoints(step -> pauseAt(step, pauseAt));
        }

        Path dataDir() {
            CliContext c = ((MediAssistCli) spec.root().userObject()).context();
            return c.dataDir(dataDirOption.dataDir);
        }

        BundleUpdates updates() {
            Path dataDir = dataDir();
            return new BundleUpdates(options(dataDir), new BundleStore(dataDir), UrlFetcher.defaults(), clock());
        }

        KnowledgeUpdates knowledgeUpdates() {
            Path dataDir = dataDir();
            return new KnowledgeUpdates(options(dataDir).forBundle(KnowledgeUpdates.BUNDLE_ID,
                    KnowledgeManifest.shipped().bundleVersion()), BundleStore.knowledge(dataDir), UrlFetcher.defaults(), clock());
        }

        java.time.Clock clock() {
            return ((MediAssistCli) spec.root().userObject()).context().clock();
        }

        private static void pauseAt(String step, String wanted) {
            if (!step.equals(wanted)) {
                return;
            }
            System.out.println("PAUSED " + step);
            System.out.flush();
            while (true) {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        /** The shipped bundle's version, as the appliance extracted it; 0 before the appliance first ran. */
        static String shippedVersion(Path dataDir) {
            Path m = dataDir.resolve("bundles/shipped/manifest.json");
            try {
                return Files.isRegularFile(m) ? new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .readTree(m.toFile()).path("version").asText("0") : "0";
            } catch (IOException e) {
                return "0";
            }
        }

        static String version() {
            String v = MediAssistCli.class.getPackage().getImplementationVersion();
            return v == null ? "0.1.0" : v.replace("-SNAPSHOT", "");
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        @Override
        public Integer call() {
            try {
                run();
                out().flush();
                return MediAssistCli.EXIT_OK;
            } catch (OtaException e) {
                throw new CliFailure(e.getMessage(), e instanceof OtaException.UnknownVersionException
                        || e instanceof OtaException.NothingToRollBackException);
            }
        }

        abstract void run() throws OtaException;

        void printActive(OtaUpdates<?> u, String verb, Optional<BundleRef> ref) {
            out().println(ref.map(r -> verb + " " + r.label()).orElse(verb + " the shipped " + u.kind() + " "
                    + u.options().shippedVersion()));
        }

        /**
         * Runs {@code step} for the diagnosis and then the knowledge bundles; a failure of one does not stop the
         * other, and is reported after both ran.
         */
        void both(Step step) throws OtaException {
            OtaException first = null;
            for (OtaUpdates<?> u : List.<OtaUpdates<?>>of(updates(), knowledgeUpdates())) {
                try {
                    step.run(u);
                } catch (OtaException e) {
                    spec.commandLine().getErr().println(u.kind() + ": " + e.getMessage());
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }

        /** One step on one kind of bundle. */
        interface Step {
            void run(OtaUpdates<?> u) throws OtaException;
        }
    }

    /** Subcommands that act on one kind: diagnosis bundles, or knowledge bundles with {@code --knowledge}. */
    abstract static class OneKind extends BundlesBase {
        @Option(names = "--knowledge", description = "Act on the knowledge bundles instead of the diagnosis bundles.")
        boolean knowledge;

        OtaUpdates<?> target() {
            return knowledge ? knowledgeUpdates() : updates();
        }
    }

    @Command(name = "list", description = "Active, previous and staged diagnosis and knowledge bundles, the kept ones and the history.")
    static final class ListBundles extends BundlesBase {
        @Override
        void run() throws OtaException {
            for (OtaUpdates<?> u : List.<OtaUpdates<?>>of(updates(), knowledgeUpdates())) {
                OtaState s = u.state();
                out().println("[" + u.kind() + "]");
                out().println("active:   " + s.activeBundle().map(BundleRef::label).orElse("shipped " + u.options().shippedVersion()));
                out().println("previous: " + s.previousBundle().map(BundleRef::label).orElse("-"));
                out().println("staged:   " + s.stagedBundle().map(BundleRef::label).orElse("-"));
                for (BundleRef b : s.kept()) {
                    out().printf("kept      %-28s %s (%s)%n", b.label(), b.stagedAt(), b.source());
                }
                for (HistoryEntry h : s.history()) {
                    out().printf("%s %-11s %-28s %s%n", h.at(), h.event(), h.bundle(), h.detail());
                }
            }
        }
    }

    @Command(name = "check", description = "Refresh the repository's metadata and name the bundles an update would install.")
    static final class Check extends BundlesBase {
        @Override
        void run() throws OtaException {
            both(u -> out().println(u.kind() + ": " + u.check().map(c -> "available: " + c.target().path() + " ("
                    + c.target().length() + " bytes)").orElse("up to date")));
        }
    }

    @Command(name = "update", description = "Download, verify, test (golden cases) and activate the newest diagnosis and knowledge bundles.")
    static final class Update extends BundlesBase {
        @Override
        void run() throws OtaException {
            both(u -> out().println(u.kind() + ": " + u.update().map(b -> "activated " + b.label()).orElse("up to date")));
        }
    }

    @Command(name = "activate", description = "Activate a kept bundle version (verified and tested again first).")
    static final class Activate extends OneKind {
        @Parameters(paramLabel = "VERSION")
        String version;

        @Override
        void run() throws OtaException {
            out().println("activated " + target().activate(version).label());
        }
    }

    @Command(name = "rollback", description = "Go back to the previous bundle (or the shipped one).")
    static final class Rollback extends OneKind {
        @Override
        void run() throws OtaException {
            OtaUpdates<?> u = target();
            printActive(u, "now running", u.rollback("rolled back by an administrator (bin/mediassist bundles rollback)"));
        }
    }

    @Command(name = "import", description = "Take a repository snapshot (directory or zip with metadata/ and targets/) "
            + "from a USB stick: same verification and tests as update, for diagnosis and knowledge bundles.")
    static final class Import extends BundlesBase {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        void run() throws OtaException {
            both(u -> out().println(u.kind() + ": " + u.importSnapshot(file).map(b -> "activated " + b.label())
                    .orElse("nothing newer in " + file)));
        }
    }

    @Command(name = "trust", description = "Install the vendor's TUF root.json as the trust anchor (once; diagnosis and knowledge bundles).")
    static final class Trust extends BundlesBase {
        @Parameters(paramLabel = "ROOT_FILE")
        Path root;

        @Override
        void run() throws OtaException {
            BundleUpdates u = updates();
            u.trust(root);
            out().println("trusted root installed in " + u.store().tufDir());
        }
    }
}
