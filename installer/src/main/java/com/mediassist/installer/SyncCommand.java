package com.mediassist.installer;

import com.mediassist.store.Database;
import com.mediassist.sync.upload.RunResult;
import com.mediassist.sync.upload.SyncAgent;
import com.mediassist.sync.upload.SyncException;
import com.mediassist.sync.upload.SyncOptions;
import com.mediassist.sync.upload.SyncStatus;
import com.mediassist.sync.upload.VendorSettings;
import com.mediassist.sync.upload.VendorUrls;
import com.mediassist.sync.upload.crypto.ClinicKey;
import com.mediassist.sync.upload.json.CanonicalJson;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sync init|preview|run-once|status}: the learning-loop upload, by hand. */
@Command(name = "sync", description = "Anonymized upload of what doctors taught the box to the vendor (learning loop).",
        subcommands = {SyncCommand.Init.class, SyncCommand.Preview.class, SyncCommand.RunOnce.class, SyncCommand.Status.class})
final class SyncCommand {

    /** Options shared by the commands that plan batches. */
    abstract static class Planning extends StoreCommand {

        @Option(names = "--delay", paramLabel = "DURATION",
                description = "Time after sign-off before an event may leave, ISO-8601 (default PT72H).")
        String delay;

        @Option(names = "--k", paramLabel = "N", description = "Smallest k-anonymity group released (default 5).")
        Integer k;

        SyncOptions syncOptions(Optional<URI> vendorUrl) {
            SyncOptions o = SyncOptions.defaults();
            if (delay != null) {
                try {
                    Duration d = Duration.parse(delay);
                    if (d.isNegative()) {
                        throw new CliFailure("--delay must not be negative, got " + delay, true);
                    }
                    o = o.withDelay(d);
                } catch (DateTimeParseException e) {
                    throw new CliFailure("--delay must be an ISO-8601 duration such as PT72H or PT0S, got '" + delay + "'", true);
                }
            }
            if (k != null) {
                if (k < 1) {
                    throw new CliFailure("--k must be 1 or more, got " + k, true);
                }
                o = o.withK(k);
            }
            return vendorUrl.map(o::withVendorUrl).orElse(o);
        }

        SyncAgent agent(Database db, Optional<URI> vendorUrl) {
            return SyncAgent.open(db, syncOptions(vendorUrl), context().clock(), new SecureRandom());
        }
    }

    @Command(name = "init", description = "Create the clinic's Ed25519 key pair (kept if it exists) and remember the "
            + "vendor URL; prints the public key (base64) as the last line, for the vendor to register.")
    static final class Init extends StoreCommand {

        @Option(names = "--vendor-url", required = true, paramLabel = "URL",
                description = "The vendor's fleet service (https://; http:// only to 127.0.0.1).")
        String vendorUrl;

        @Override
        public Integer call() {
            URI url = vendorUrl(vendorUrl);
            ClinicKey key;
            if (ClinicKey.exists(dataDir())) {
                key = ClinicKey.load(dataDir());
                out().println("Clinic key kept: " + ClinicKey.privateFile(dataDir()));
            } else {
                key = ClinicKey.create(dataDir(), new SecureRandom());
                out().println("Clinic key created: " + ClinicKey.privateFile(dataDir()) + " (owner-only)");
            }
            VendorSettings.save(dataDir(), url);
            out().println("Vendor URL: " + url);
            out().println("Public key for the vendor to register:");
            out().println(key.publicKeyBase64());
            return MediAssistCli.EXIT_OK;
        }
    }

    @Command(name = "preview", description = "Print the exact JSON payload of the next batch that would leave, "
            + "without sending it (nothing printed when nothing is eligible).")
    static final class Preview extends Planning {

        @Override
        public Integer call() {
            try (Database db = open()) {
                Optional<String> next = agent(db, Optional.empty()).preview();
                if (next.isPresent()) {
                    out().println(next.get());
                } else {
                    err().println("Nothing is eligible to leave now.");
                }
                return MediAssistCli.EXIT_OK;
            } catch (SyncException e) {
                throw new CliFailure(e.getMessage(), false);
            }
        }
    }

    @Command(name = "run-once", description = "Send what is eligible now. Exit 0 when everything eligible was accepted "
            + "or nothing was eligible, 1 when the vendor could not be reached or refused a batch (kept for later).")
    static final class RunOnce extends Planning {

        @Option(names = "--vendor-url", paramLabel = "URL", description = "Overrides the URL given to 'sync init'.")
        String vendorUrl;

        @Override
        public Integer call() {
            Optional<URI> url = vendorUrl != null ? Optional.of(vendorUrl(vendorUrl)) : VendorSettings.load(dataDir());
            if (url.isEmpty()) {
                throw new CliFailure("no vendor URL: pass --vendor-url or run 'sync init --vendor-url URL' first", true);
            }
            try (Database db = open()) {
                RunResult r = agent(db, url).runOnce(false);
                out().println("Batches accepted: " + r.batchesAccepted() + ", events sent: " + r.eventsSent()
                        + (r.dropped() > 0 ? ", non-clinical events dropped over budget: " + r.dropped() : "")
                        + (r.expired() > 0 ? ", expired after the hold: " + r.expired() : ""));
                if (r.failure().isPresent()) {
                    err().println("error: " + r.failure().get() + " (the batch is kept and retried)");
                    return MediAssistCli.EXIT_FAILED;
                }
                return MediAssistCli.EXIT_OK;
            } catch (SyncException e) {
                throw new CliFailure(e.getMessage(), false);
            }
        }
    }

    @Command(name = "status", description = "The upload queue as JSON.")
    static final class Status extends Planning {

        @Override
        public Integer call() {
            try (Database db = open()) {
                SyncStatus s = agent(db, VendorSettings.load(dataDir())).status();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("waitingForDelay", s.waitingForDelay());
                m.put("heldForK", s.heldForK());
                m.put("eligible", s.eligible());
                m.put("inFlight", s.inFlight());
                m.put("sent", s.sent());
                m.put("expired", s.expired());
                m.put("dropped", s.dropped());
                m.put("queueBytes", s.queueBytes());
                s.lastError().ifPresent(v -> m.put("lastError", v));
                s.nextAttemptAt().ifPresent(v -> m.put("nextAttemptAt", v.toString()));
                s.lastBatchAt().ifPresent(v -> m.put("lastBatchAt", v.toString()));
                s.lastBatch().ifPresent(v -> m.put("lastBatch", CanonicalJson.readObject(v)));
                s.vendorUrl().ifPresent(v -> m.put("vendorUrl", v));
                s.clinicKey().ifPresent(v -> m.put("clinicKey", v));
                out().println(CanonicalJson.text(m));
                return MediAssistCli.EXIT_OK;
            }
        }
    }

    static URI vendorUrl(String text) {
        try {
            return VendorUrls.parse(text);
        } catch (SyncException e) {
            throw new CliFailure(e.getMessage(), true);
        }
    }
}
