package org.lotkeeper.client.sync;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential backoff with jitter: after the n-th failure in a row the ceiling is
 * {@code base · 2^(n-1)} capped at {@code max}, and the delay is drawn uniformly from
 * [ceiling/2, ceiling], so a fleet of devices that lost the server together does not return in step.
 */
final class Backoff {

    private final Duration base;
    private final Duration max;
    private final Random random;

    Backoff(Duration base, Duration max, Random random) {
        this.base = base;
        this.max = max;
        this.random = random;
    }

    Duration delay(int failures) {
        long ceiling = ceilingMillis(failures);
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.nextDouble() * (ceiling - half + 1)));
    }

    long ceilingMillis(int failures) {
        int shift = Math.min(Math.max(failures - 1, 0), 30);
        long ms = base.toMillis() << shift;
        return ms <= 0 || ms > max.toMillis() ? max.toMillis() : ms;
    }

    Duration max() {
        return max;
    }
}
