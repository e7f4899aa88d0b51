package dev.kmstags.ui.common;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/** Runs work on daemon background threads and hands results to the JavaFX thread with {@code Platform.runLater}. */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {

    private final AtomicInteger threadCount = new AtomicInteger();
    private final FxThreadLag lag = new FxThreadLag();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "kmstags-worker-" + threadCount.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public <T> TaskHandle execute(TaskHandle.Work<T> work, Consumer<? super T> onSuccess,
                                  Consumer<? super Throwable> onFailure) {
        TaskHandle handle = new TaskHandle(Platform::runLater);
        TaskHandle.Reporter reporter = handle.reporter();
        Future<?> running = threads.submit(() -> {
            T result;
            try {
                result = work.run(reporter);
            } catch (Throwable failure) {
                Platform.runLater(() -> handle.finish(() -> onFailure.accept(failure)));
                return;
            }
            Platform.runLater(() -> handle.finish(() -> onSuccess.accept(result)));
        });
        handle.onCancel(() -> running.cancel(true));
        return handle;
    }

    @Override
    public void runOnUiThread(Runnable action) {
        Platform.runLater(action);
    }

    @Override
    public void awaitUiCaughtUp(Duration behind, Duration limit) throws InterruptedException {
        lag.awaitCaughtUp(behind.toNanos(), limit.toNanos());
    }

    /** Interrupts work still running; results that arrive later are delivered to no one. */
    @Override
    public void close() {
        threads.shutdownNow();
    }
}
