package org.lotkeeper.client.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Where view models run work that may touch SQLite, HTTP or ZXing: never on the FX thread. The
 * callbacks run on the FX thread ({@link FxTaskExecutor}), or on the calling thread for tests and
 * screenshots ({@link #direct()}).
 */
public interface TaskExecutor {

    /** Runs {@code work} off the FX thread, then {@code onSuccess} or {@code onFailure} on it. */
    <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Everything on the calling thread (tests, screenshots): what a test does, it sees at once. */
    static TaskExecutor direct() {
        return new TaskExecutor() {
            @Override
            public <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Exception | Error e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            }
        };
    }
}
