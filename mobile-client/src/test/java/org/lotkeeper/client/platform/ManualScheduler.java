package org.lotkeeper.client.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Scheduler} whose time the test drives: tasks run on the test's thread when the test
 * advances the clock past their due time. Also the {@link Clock} the code under test reads.
 */
public final class ManualScheduler extends Clock implements Scheduler {

    private final class Task implements Cancellable {
        final Runnable runnable;
        final Instant due;
        final long order;

        Task(Runnable runnable, Instant due, long order) {
            this.runnable = runnable;
            this.due = due;
            this.order = order;
        }

        @Override
        public void cancel() {
            synchronized (ManualScheduler.this) {
                tasks.remove(this);
            }
        }
    }

    private final List<Task> tasks = new ArrayList<>();
    private final List<Duration> requestedDelays = new ArrayList<>();
    private Instant now;
    private long counter;

    public ManualScheduler(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Cancellable schedule(Runnable task, Duration delay) {
        Duration d = delay.isNegative() ? Duration.ZERO : delay;
        requestedDelays.add(d);
        Task t = new Task(task, now.plus(d), counter++);
        tasks.add(t);
        return t;
    }

    /** Every delay asked for, in order. */
    public synchronized List<Duration> requestedDelays() {
        return List.copyOf(requestedDelays);
    }

    /** The delay until the next task, if any. */
    public synchronized Optional<Duration> nextDelay() {
        return next().map(t -> Duration.between(now, t.due));
    }

    public synchronized int scheduledCount() {
        return tasks.size();
    }

    /** Runs tasks due now (including ones they schedule for now). */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** Moves time forward, running every task that falls due on the way, in due order. */
    public void advance(Duration by) {
        Instant target;
        synchronized (this) {
            target = now.plus(by);
        }
        while (true) {
            Task t;
            synchronized (this) {
                Optional<Task> n = next().filter(x -> !x.due.isAfter(target));
                if (n.isEmpty()) {
                    now = target;
                    return;
                }
                t = n.get();
                tasks.remove(t);
                if (t.due.isAfter(now)) {
                    now = t.due;
                }
            }
            t.runnable.run();
        }
    }

    /** Jumps to and runs the next task; false when none is scheduled. */
    public boolean runNext() {
        Optional<Duration> d = nextDelay();
        if (d.isEmpty()) {
            return false;
        }
        advance(d.get());
        return true;
    }

    private Optional<Task> next() {
        return tasks.stream().min(Comparator.comparing((Task t) -> t.due).thenComparingLong(t -> t.order));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }
}
