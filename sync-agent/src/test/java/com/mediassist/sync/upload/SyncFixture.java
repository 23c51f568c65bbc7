package com.mediassist.sync.upload;

import com.mediassist.core.knowledge.Sex;
import com.mediassist.store.Database;
import com.mediassist.store.DatabaseOptions;
import com.mediassist.sync.upload.crypto.ClinicKey;
import com.mediassist.sync.upload.delivery.VendorClient;
import com.mediassist.sync.upload.event.EventCodec;
import com.mediassist.sync.upload.event.EventFactory;
import com.mediassist.sync.upload.event.QueuedEvent;
import com.mediassist.sync.upload.event.Latency;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** A data directory with a database, a clinic key and helpers that enqueue events as the appliance does. */
final class SyncFixture implements AutoCloseable {

    final Path dataDir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    final Database db;
    final ClinicKey key;
    final EventFactory factory = new EventFactory(Optional.of(TestKnowledge.knowledge()), ZoneOffset.UTC);

    SyncFixture(Path dataDir) {
        this.dataDir = dataDir;
        this.db = Database.open(DatabaseOptions.defaults(dataDir).withClock(clock).withPasswordCost(4));
        this.key = ClinicKey.exists(dataDir) ? ClinicKey.load(dataDir) : ClinicKey.create(dataDir, seeded(7));
    }

    static SecureRandom seeded(long seed) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(seed);
            return r;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A signed-off consultation of a patient born {@code birth} with a final diagnosis code (null: free text). */
    void signOff(LocalDate birth, Sex sex, String finalDx) {
        QueuedEvent q = factory.signedOff(new EventFactory.SignOffFacts(Optional.ofNullable(birth), Optional.ofNullable(sex),
                clock.instant(), List.of("E_91", "E_201"), List.of("E_53"), Optional.ofNullable(finalDx), Optional.empty(),
                List.of()));
        enqueue(q);
    }

    void latency(int marker) {
        enqueue(QueuedEvent.of(new Latency(factory.week(clock.instant()), "diagnosis", marker, marker + 1L, 10)));
    }

    void enqueue(QueuedEvent q) {
        db.outbox().enqueue(q.event().type(), EventCodec.write(q), Duration.ofHours(72));
    }

    SyncOptions options(URI vendor) {
        return SyncOptions.defaults().withVendorUrl(vendor).withRequestTimeout(Duration.ofSeconds(15));
    }

    SyncAgent agent(SyncOptions options) {
        return new SyncAgent(db, options, Optional.of(key),
                options.vendorUrl().map(u -> VendorClient.create(u, options.requestTimeout())), clock, new Random(11));
    }

    @Override
    public void close() {
        db.close();
    }
}
