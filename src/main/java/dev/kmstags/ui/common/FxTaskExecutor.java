package dev.kmstags.ui.common;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        threads.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Throwable failure) {
                Platform.runLater(() -> onFailure.accept(failure));
                return;
            }
            Platform.runLater(() -> onSuccess.accept(result));
        });
    }

    @Override
    public void runOnUiThread(Runnable action) {
        Platform.runLater(action);
    }

    @Override
    public void awaitUiCaughtUp(Duration behind, Duration limit) throws InterruptedException {
        lag.awaitCaughtUp(behind.toNanos(), limit.toNanos());
    }

    /** Interrupts work still running; results that arrive later are dropped by their ViewModels. */
    @Override
    public void close() {
        threads.shutdownNow();
    }
}
