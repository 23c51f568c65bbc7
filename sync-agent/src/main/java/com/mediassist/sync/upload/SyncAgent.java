package com.mediassist.sync.upload;

import com.mediassist.store.Database;
import com.mediassist.sync.upload.batch.BatchBuilder;
import com.mediassist.sync.upload.batch.Candidate;
import com.mediassist.sync.upload.batch.Plan;
import com.mediassist.sync.upload.batch.Planner;
import com.mediassist.sync.upload.batch.PreparedBatch;
import com.mediassist.sync.upload.crypto.ClinicKey;
import com.mediassist.sync.upload.delivery.Backoff;
import com.mediassist.sync.upload.delivery.VendorClient;
import com.mediassist.sync.upload.event.ConsultationSignedOff;
import com.mediassist.sync.upload.event.EventCodec;
import com.mediassist.sync.upload.event.EventFactory;
import com.mediassist.sync.upload.event.QueuedEvent;
import com.mediassist.sync.upload.json.CanonicalJson;
import com.mediassist.sync.upload.store.PendingEvent;
import com.mediassist.sync.upload.store.StoredBatch;
import com.mediassist.sync.upload.store.SyncStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The upload side of the sync agent over one data directory's database.
 *
 * <p>A run first re-sends batches prepared earlier and not yet accepted (the same bytes, so the
 * vendor deduplicates them by content address), then prepares new batches from what the
 * {@link Planner} releases: each batch and the events in it are stored in one transaction before
 * it is sent, which makes delivery at-least-once on the wire and exactly-once downstream. A failed
 * attempt records its error and the next attempt time on the batch and its events; nothing is
 * ever deleted except non-clinical events over the disk budget.
 *
 * <p>Thread-safety: one run at a time per database (callers serialise; the appliance's scheduler
 * and {@code bin/mediassist sync run-once} hold the data-directory lock).
 */
public final class SyncAgent {

    private final Database db;
    private final SyncStore store;
    private final SyncOptions options;
    private final Optional<ClinicKey> key;
    private final Optional<VendorClient> client;
    private final Clock clock;
    private final Random random;
    private final Planner planner;
    private final Backoff backoff;

    /**
     * @param key    the clinic key; empty before {@code sync init} (then only {@link #status()} works)
     * @param client the vendor; empty when no vendor URL is configured (then nothing is sent)
     * @param random shuffles, ids and jitter ({@link java.security.SecureRandom} in production)
     */
    public SyncAgent(Database db, SyncOptions options, Optional<ClinicKey> key, Optional<VendorClient> client,
            Clock clock, Random random) {
        this.db = db;
        this.store = new SyncStore(db);
        this.options = options;
        this.key = key;
        this.client = client;
        this.clock = clock;
        this.random = random;
        this.planner = new Planner(options);
        this.backoff = new Backoff(options.backoffBase(), options.backoffMax());
    }

    /** An agent for a data directory with its key and the configured vendor. */
    public static SyncAgent open(Database db, SyncOptions options, Clock clock, Random random) {
        Optional<ClinicKey> key = ClinicKey.exists(db.options().dataDir())
                ? Optional.of(ClinicKey.load(db.options().dataDir())) : Optional.empty();
        Optional<VendorClient> client = options.vendorUrl().map(u -> VendorClient.create(u, options.requestTimeout()));
        return new SyncAgent(db, options, key, client, clock, random);
    }

    /**
     * The event as it may leave: a note queued while the clinic had opted in stays home once it
     * opts out or the de-identifier falls under its gate.
     */
    private QueuedEvent withoutNoteUnlessAllowed(QueuedEvent q) {
        if (!options.notes().allowed() && q.event() instanceof ConsultationSignedOff c && c.scrubbedNote().isPresent()) {
            return new QueuedEvent(c.withoutNote(), q.category());
        }
        return q;
    }

    /** What may leave now. */
    public Plan plan() {
        List<Candidate> candidates = new ArrayList<>();
        for (PendingEvent p : store.pending()) {
            candidates.add(new Candidate(p.outboxId(), withoutNoteUnlessAllowed(EventCodec.readQueued(p.payloadJson())),
                    p.createdAt()));
        }
        return planner.plan(candidates, clock.instant());
    }

    /**
     * The payload of the next batch that would leave, exactly as it would be signed: a batch
     * already prepared and not yet accepted, else one built now (not stored, so a real run draws
     * new random ids). Empty when nothing is eligible.
     *
     * @throws ClinicKeyException before {@code sync init}
     */
    public Optional<String> preview() {
        List<StoredBatch> open = store.openBatches();
        if (!open.isEmpty()) {
            return Optional.of(payloadOf(open.get(0).envelopeJson()));
        }
        Plan plan = plan();
        if (plan.releases().isEmpty()) {
            return Optional.empty();
        }
        List<Plan.Release> first = BatchBuilder.chunks(plan.releases(), options.maxEventsPerBatch()).get(0);
        return Optional.of(builder().build(first, week(), store.auditHead()).payloadJson());
    }

    /**
     * Sends what is due: open batches (all of them when {@code respectBackoff} is false, as for
     * clinic IT's {@code run-once}; only those whose next attempt has come otherwise), then new
     * batches of everything released. Stops at the first failure, which is recorded.
     *
     * @throws ClinicKeyException before {@code sync init}
     * @throws VendorUrlException when no vendor URL is configured
     */
    public RunResult runOnce(boolean respectBackoff) {
        VendorClient vendor = client.orElseThrow(() -> new VendorUrlException("", "no vendor URL is configured "
                + "(sync init --vendor-url, --vendor-url or mediassist.sync.vendor-url)"));
        BatchBuilder builder = builder();
        int dropped = store.dropNonClinicalOver(options.queueBudgetBytes());
        int accepted = 0;
        int sent = 0;
        Instant now = clock.instant();
        for (StoredBatch b : store.openBatches()) {
            if (respectBackoff && b.nextAttemptAt().isPresent() && b.nextAttemptAt().get().isAfter(now)) {
                return new RunResult(accepted, sent, dropped, 0, Optional.of("waiting to retry: " + b.lastError().orElse("")));
            }
            Optional<String> failure = attempt(vendor, b.id(), b.envelopeJson(), b.contentAddress(), b.attempts());
            if (failure.isPresent()) {
                return new RunResult(accepted, sent, dropped, 0, failure);
            }
            accepted++;
            sent += b.eventCount();
        }
        Plan plan = plan();
        store.expire(plan.expired(), clock.instant());
        String auditHead = store.auditHead();
        for (List<Plan.Release> chunk : BatchBuilder.chunks(plan.releases(), options.maxEventsPerBatch())) {
            PreparedBatch prepared = builder.build(chunk, week(), auditHead);
            StoredBatch stored = store.insertBatch(prepared.batchId(), prepared.contentAddress(), prepared.envelopeJson(),
                    prepared.outboxIds(), clock.instant());
            Optional<String> failure = attempt(vendor, stored.id(), prepared.envelopeJson(), prepared.contentAddress(), 0);
            if (failure.isPresent()) {
                return new RunResult(accepted, sent, dropped, plan.expired().size(), failure);
            }
            accepted++;
            sent += chunk.size();
        }
        return new RunResult(accepted, sent, dropped, plan.expired().size(), Optional.empty());
    }

    /** The queue now. */
    public SyncStatus status() {
        Plan plan = plan();
        List<StoredBatch> open = store.openBatches();
        Optional<StoredBatch> failing = open.stream().filter(b -> b.lastError().isPresent()).reduce((a, b) -> b);
        Optional<StoredBatch> last = store.lastAccepted();
        return new SyncStatus(plan.waiting().size(), plan.held().size(), plan.releases().size(), store.inFlightCount(),
                store.sentCount(), store.counter(SyncStore.EXPIRED) + plan.expired().size(), store.counter(SyncStore.DROPPED),
                store.queueBytes(), failing.flatMap(StoredBatch::lastError), failing.flatMap(StoredBatch::nextAttemptAt),
                last.map(b -> payloadOf(b.envelopeJson())), last.flatMap(StoredBatch::acceptedAt),
                options.vendorUrl().map(Object::toString), key.map(ClinicKey::publicKeyBase64));
    }

    /** When the earliest open batch may be tried again; empty when none waits. */
    public Optional<Instant> nextAttemptAt() {
        return store.openBatches().stream().map(b -> b.nextAttemptAt().orElse(b.preparedAt())).min(Instant::compareTo);
    }

    private Optional<String> attempt(VendorClient vendor, long batchId, String envelope, String address, int attemptsBefore) {
        try {
            vendor.send(envelope, address);
            store.recordAccepted(batchId, clock.instant());
            return Optional.empty();
        } catch (DeliveryException e) {
            Instant now = clock.instant();
            store.recordFailure(batchId, e.getMessage(), now, now.plus(backoff.after(attemptsBefore + 1, random)));
            return Optional.of(e.getMessage());
        }
    }

    private BatchBuilder builder() {
        return new BatchBuilder(key.orElseThrow(() -> new ClinicKeyException(ClinicKey.privateFile(db.options().dataDir()),
                "no clinic key: run 'bin/mediassist sync init' first", null)), random);
    }

    private String week() {
        return new EventFactory(Optional.empty(), options.zone()).week(clock.instant());
    }

    @SuppressWarnings("unchecked")
    private static String payloadOf(String envelopeJson) {
        return CanonicalJson.text((Map<String, Object>) CanonicalJson.readObject(envelopeJson).get("payload"));
    }
}
