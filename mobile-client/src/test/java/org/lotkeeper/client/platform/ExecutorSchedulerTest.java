package org.lotkeeper.client.platform;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutorSchedulerTest {

    @Test
    void tasksRunInDueOrderOnOneThreadAndCancelledOnesNever() throws Exception {
        try (ExecutorScheduler scheduler = new ExecutorScheduler("test-sync")) {
            List<String> ran = new CopyOnWriteArrayList<>();
            CountDownLatch done = new CountDownLatch(1);
            scheduler.schedule(() -> ran.add("late:" + Thread.currentThread().getName()), Duration.ofMillis(80));
            scheduler.schedule(() -> ran.add("early"), Duration.ZERO);
            Scheduler.Cancellable cancelled = scheduler.schedule(() -> ran.add("cancelled"), Duration.ofMillis(40));
            scheduler.schedule(done::countDown, Duration.ofMillis(120));
            cancelled.cancel();
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(ran).containsExactly("early", "late:test-sync");
        }
    }
}
