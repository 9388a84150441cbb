package org.lotkeeper.client.sync;

import java.time.Duration;

/**
 * How the sync engine paces itself.
 *
 * @param batchSize    events per push, at most 200 (one batch in flight at a time)
 * @param pullLimit    rows per pull page ({@code limit})
 * @param pullInterval how often to pull when nothing else asks for it; the idle timer when there
 *                     are no change checks
 * @param backoffBase  the first retry delay after a failure
 * @param backoffMax   the longest retry delay
 * @param changeCheck  how often to ask the server whether the site's tasks or master data changed
 *                     ({@code GET /api/v1/sync/changes}) between pulls, pulling when they did;
 *                     zero: never (only the pull interval)
 */
public record SyncPolicy(
        int batchSize,
        int pullLimit,
        Duration pullInterval,
        Duration backoffBase,
        Duration backoffMax,
        Duration changeCheck) {

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
        if (changeCheck.isNegative()) {
            throw new IllegalArgumentException("changeCheck must not be negative");
        }
    }

    /** The same without change checks. */
    public SyncPolicy(int batchSize, int pullLimit, Duration pullInterval, Duration backoffBase, Duration backoffMax) {
        this(batchSize, pullLimit, pullInterval, backoffBase, backoffMax, Duration.ZERO);
    }

    /** Whether a change check comes due before the next pull. */
    boolean checksChanges() {
        return !changeCheck.isZero() && changeCheck.compareTo(pullInterval) < 0;
    }

    /** The idle timer after a clean cycle: the change check when there is one, else the pull interval. */
    Duration idle() {
        return checksChanges() ? changeCheck : pullInterval;
    }

    /**
     * 200 events per push, 5,000 rows per pull page, pull every minute and whenever the server's
     * change number moved (asked every 5 s), retry from 1 s up to 1 min.
     */
    public static SyncPolicy defaults() {
        return new SyncPolicy(
                MAX_BATCH,
                5_000,
                Duration.ofMinutes(1),
                Duration.ofSeconds(1),
                Duration.ofMinutes(1),
                Duration.ofSeconds(5));
    }
}
