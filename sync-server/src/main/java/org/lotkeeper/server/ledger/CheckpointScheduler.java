package org.lotkeeper.server.ledger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.lotkeeper.server.security.AuditChain;

/**
 * Seals the audit chain every few seconds and writes a signed checkpoint at the configured
 * interval whenever the ledger or the audit log has grown since the last one (CheckpointConfig).
 * One daemon thread; a failure is logged and tried again at the next turn.
 */
@ApplicationScoped
class CheckpointScheduler {

    @Inject
    CheckpointConfig config;

    @Inject
    Checkpoints checkpoints;

    @Inject
    AuditChain auditChain;

    private ScheduledExecutorService timer;

    private Checkpoints.Checkpoint last;

    void start(@Observes StartupEvent ignored) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lotkeeper-checkpoints");
            t.setDaemon(true);
            return t;
        });
        schedule(config.sealInterval(), config.sealInterval(), this::seal);
        // the first a minute after the start (or sooner with a shorter interval), so a fresh server has one
        schedule(min(config.interval(), Duration.ofMinutes(1)), config.interval(), this::checkpoint);
        Log.infof(
                "checkpoints: %s, %s, key %s",
                checkpoints.dir().toAbsolutePath(),
                config.interval().isZero() ? "only on demand" : "every " + config.interval(),
                checkpoints.keyId());
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void schedule(Duration first, Duration every, Runnable task) {
        if (!every.isZero() && !every.isNegative()) {
            var unused = timer.scheduleWithFixedDelay(
                    () -> run(task), first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            Log.warn("checkpoint work failed; trying again at the next turn", e);
        }
    }

    private void seal() {
        auditChain.seal();
    }

    private void checkpoint() {
        checkpoints.writeIfGrown(last).ifPresent(w -> last = w.checkpoint());
    }
}
