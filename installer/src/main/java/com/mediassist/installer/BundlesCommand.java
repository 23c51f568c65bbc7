package com.mediassist.installer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mediassist.core.diagnosis.DiagnosisOptions;
import com.mediassist.sync.ota.BundleRef;
import com.mediassist.sync.ota.BundleStore;
import com.mediassist.sync.ota.BundleUpdates;
import com.mediassist.sync.ota.HistoryEntry;
import com.mediassist.sync.ota.OtaException;
import com.mediassist.sync.ota.OtaOptions;
import com.mediassist.sync.ota.OtaState;
import com.mediassist.sync.tuf.UrlFetcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code <data-dir>/ota/}. A running appliance follows the change within seconds; a stopped one at its
 * next start.
 */
@Command(name = "bundles", description = "Diagnosis bundles taken over the air (TUF-verified) or from a USB snapshot.",
        subcommands = {BundlesCommand.ListBundles.class, BundlesCommand.Check.class, BundlesCommand.Update.class,
                BundlesCommand.Activate.class, BundlesCommand.Rollback.class, BundlesCommand.Import.class,
                BundlesCommand.Trust.class})
final class BundlesCommand {

    /** Shared by the subcommands: the data directory and the repository. */
    abstract static class BundlesBase implements Callable<Integer> {
        @Mixin
        DataDirOption dataDirOption;

        @Option(names = "--repository-url", paramLabel = "URL",
                description = "Update repository base URL (default: $MEDIASSIST_OTA_REPOSITORY_URL).")
        String repositoryUrl;

        @Spec
        CommandSpec spec;

        BundleUpdates updates() {
            CliContext c = ((MediAssistCli) spec.root().userObject()).context();
            Path dataDir = c.dataDir(dataDirOption.dataDir);
            String url = repositoryUrl != null ? repositoryUrl : System.getenv("MEDIASSIST_OTA_REPOSITORY_URL");
            return new BundleUpdates(new OtaOptions(Optional.ofNullable(url), "ddxplus-diagnosis", shippedVersion(dataDir),
                    version(), 3, DiagnosisOptions.defaults()), new BundleStore(dataDir), UrlFetcher.defaults(), c.clock());
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
                run(updates());
                out().flush();
                return MediAssistCli.EXIT_OK;
            } catch (OtaException e) {
                throw new CliFailure(e.getMessage(), e instanceof OtaException.UnknownVersionException
                        || e instanceof OtaException.NothingToRollBackException);
            }
        }

        abstract void run(BundleUpdates u) throws OtaException;

        void printActive(BundleUpdates u, String verb, Optional<BundleRef> ref) {
            out().println(ref.map(r -> verb + " " + r.label()).orElse(verb + " the shipped bundle " + u.options().shippedVersion()));
        }
    }

    @Command(name = "list", description = "Active, previous and staged bundles, the kept ones and the history.")
    static final class ListBundles extends BundlesBase {
        @Override
        void run(BundleUpdates u) throws OtaException {
            OtaState s = u.state();
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

    @Command(name = "check", description = "Refresh the repository's metadata and name the bundle an update would install.")
    static final class Check extends BundlesBase {
        @Override
        void run(BundleUpdates u) throws OtaException {
            out().println(u.check().map(c -> "available: " + c.target().path() + " (" + c.target().length() + " bytes)")
                    .orElse("up to date"));
        }
    }

    @Command(name = "update", description = "Download, verify, test (golden cases) and activate the newest bundle.")
    static final class Update extends BundlesBase {
        @Override
        void run(BundleUpdates u) throws OtaException {
            Optional<BundleRef> r = u.update();
            out().println(r.map(b -> "activated " + b.label()).orElse("up to date"));
        }
    }

    @Command(name = "activate", description = "Activate a kept bundle version (verified and tested again first).")
    static final class Activate extends BundlesBase {
        @Parameters(paramLabel = "VERSION")
        String version;

        @Override
        void run(BundleUpdates u) throws OtaException {
            out().println("activated " + u.activate(version).label());
        }
    }

    @Command(name = "rollback", description = "Go back to the previous bundle (or the shipped one).")
    static final class Rollback extends BundlesBase {
        @Override
        void run(BundleUpdates u) throws OtaException {
            printActive(u, "now running", u.rollback("rolled back by an administrator (bin/mediassist bundles rollback)"));
        }
    }

    @Command(name = "import", description = "Take a repository snapshot (directory or zip with metadata/ and targets/) "
            + "from a USB stick: same verification and tests as update.")
    static final class Import extends BundlesBase {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        void run(BundleUpdates u) throws OtaException {
            Optional<BundleRef> r = u.importSnapshot(file);
            out().println(r.map(b -> "activated " + b.label()).orElse("nothing newer in " + file));
        }
    }

    @Command(name = "trust", description = "Install the vendor's TUF root.json as the trust anchor (once).")
    static final class Trust extends BundlesBase {
        @Parameters(paramLabel = "ROOT_FILE")
        Path root;

        @Override
        void run(BundleUpdates u) throws OtaException {
            u.trust(root);
            out().println("trusted root installed in " + u.store().tufDir());
        }
    }
}
