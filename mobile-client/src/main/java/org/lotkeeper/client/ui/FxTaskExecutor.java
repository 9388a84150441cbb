package org.lotkeeper.client.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javafx.application.Platform;

/**
 * The device's work thread: one thread, so the workflows (not thread-safe) are always driven from
 * the same one, in scan order; results go back to the FX thread with {@link Platform#runLater}.
 */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lotkeeper-ui-work");
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        worker.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Exception | Error e) {
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void close() {
        worker.shutdown();
    }
}
