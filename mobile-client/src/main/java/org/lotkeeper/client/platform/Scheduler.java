package org.lotkeeper.client.platform;

import java.time.Duration;

/**
 * Runs work later on one background thread: the port behind the sync engine's timer. Tasks run one
 * at a time, in the order they fall due, never concurrently with each other. The desktop and
 * device adapter is {@link ExecutorScheduler}; tests use a scheduler whose time they drive.
 */
public interface Scheduler {

    /** Runs {@code task} once after {@code delay} (zero or negative: as soon as possible). */
    Cancellable schedule(Runnable task, Duration delay);

    /** A scheduled task that has not run yet can be cancelled; cancelling a finished one does nothing. */
    interface Cancellable {
        void cancel();
    }
}
