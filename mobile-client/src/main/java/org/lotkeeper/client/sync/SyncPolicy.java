package org.lotkeeper.client.sync;

import java.time.Duration;

/**
 * How the sync engine paces itself.
 *
 * @param batchSize    events per push, at most 200 (one batch in flight at a time)
 * @param pullLimit    rows per pull page ({@code limit})
 * @param pullInterval how often to pull when nothing else asks for it; also the idle timer
 * @param backoffBase  the first retry delay after a failure
 * @param backoffMax   the longest retry delay
 */
public record SyncPolicy(
        int batchSize, int pullLimit, Duration pullInterval, Duration backoffBase, Duration backoffMax) {

    public static final int MAX_BATCH = 200;

    public SyncPolicy {
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("batchSize must be 1.." + MAX_BATCH);
        }
        if (pullLimit < 1) {
            throw new IllegalArgumentException("pullLimit must be 1 or more");
        }
        if (backoffBase.isNegative() || backoffBase.isZero() || backoffMax.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("0 < backoffBase <= backoffMax");
        }
    }

    /** 200 events per push, 5,000 rows per pull page, pull every minute, retry from 1 s up to 1 min. */
    public static SyncPolicy defaults() {
        return new SyncPolicy(MAX_BATCH, 5_000, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofMinutes(1));
    }
}
