package com.mediassist.sync.upload.delivery;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential back-off with jitter: after the n-th failed attempt wait
 * {@code min(max, base·2^(n-1))} scaled by a random factor in [0.5, 1), so that boxes which went
 * offline together do not come back in step.
 *
 * @param base wait after the first failure
 * @param max  longest wait
 */
public record Backoff(Duration base, Duration max) {

    /** The wait after {@code attempts} failed attempts (1 or more). */
    public Duration after(int attempts, Random random) {
        int shift = Math.min(Math.max(attempts, 1) - 1, 30);
        long ms = Math.min(max.toMillis(), base.toMillis() << shift);
        return Duration.ofMillis((long) (ms * (0.5 + random.nextDouble() / 2)));
    }
}
