package org.lotkeeper.client.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.lotkeeper.client.platform.Scheduler;

/**
 * A {@link Scheduler} that runs nothing by itself: tasks wait until the owner calls
 * {@link #runNext()} on its own thread, which runs the earliest task at once, whatever its delay.
 * The simulator uses it so that a script's {@code sync} is one deterministic step (no background
 * thread, no waiting out a backoff) and many simulated devices can share one JVM without a thread
 * each. Thread-safe; tasks run on the caller of {@link #runNext()}, one at a time.
 */
public final class SteppedScheduler implements Scheduler {

    private record Task(long order, long dueNanos, Runnable work) {}

    private final List<Task> queue = new ArrayList<>();
    private long counter;

    @Override
    public synchronized Cancellable schedule(Runnable task, Duration delay) {
        Task t = new Task(counter++, Math.max(0, delay.toNanos()), task);
        queue.add(t);
        return () -> {
            synchronized (SteppedScheduler.this) {
                queue.remove(t);
            }
        };
    }

    /** Runs the task due first (by delay, then by order scheduled); false when none is waiting. */
    public boolean runNext() {
        Task next;
        synchronized (this) {
            next = queue.stream()
                    .min(Comparator.comparingLong(Task::dueNanos).thenComparingLong(Task::order))
                    .orElse(null);
            if (next == null) {
                return false;
            }
            queue.remove(next);
        }
        next.work().run();
        return true;
    }

    /** How many tasks wait. */
    public synchronized int waiting() {
        return queue.size();
    }
}
