package com.mediassist.appliance.sync;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The sync agent's settings ({@code mediassist.sync.*}). */
@ConfigMapping(prefix = "mediassist.sync")
public interface SyncConfig {

    /**
     * The vendor's fleet service, {@code https://…} (plain {@code http://127.0.0.1…} for tests). No
     * default: without it (and without {@code sync init --vendor-url}) nothing leaves the box.
     */
    Optional<String> vendorUrl();

    /** Time after the sign-off or action before an event may leave. Default {@code PT72H}. */
    @WithDefault("PT72H")
    Duration delay();

    /** Smallest group of equal quasi-identifiers (age band, sex, final diagnosis, week) released. Default 5. */
    @WithDefault("5")
    int k();

    /** Longest hold waiting for a k-anonymity group, after which the event never leaves. Default {@code P90D}. */
    @WithDefault("P90D")
    Duration hold();

    /** Whether the scheduler uploads; default: on when a vendor URL is set. */
    Optional<Boolean> enabled();

    /** Daily window (clinic time) inside which the upload starts at a random moment. Default {@code 01:00-05:00}. */
    @WithDefault("01:00-05:00")
    String window();

    /**
     * Whether a consultation's note, scrubbed by the shipped de-identifier, goes with its sign-off
     * event. Default {@code false}. Even when {@code true}, notes leave only while the de-identifier's
     * measured span recall meets the gate stated in its bundle.
     */
    @WithDefault("false")
    boolean uploadNotes();

    /** Disk budget of the waiting events, bytes; over it non-clinical events are dropped. Default 64 MiB. */
    @WithDefault("67108864")
    long queueBudgetBytes();
}
