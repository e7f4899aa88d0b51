package dev.kmstags.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Background work on real threads, its handle followed and cancelled on the real JavaFX thread. */
@ExtendWith(ApplicationExtension.class)
class FxTaskExecutorUiTest {

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private final List<String> delivered = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        // Only the toolkit is needed.
    }

    @AfterEach
    void close() {
        executor.close();
    }

    /** Runs {@code action} on the FX thread and answers its result once it ran. */
    private static <T> T onFxThread(Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(1, TimeUnit.MINUTES);
    }

    @Test
    void theResultProgressAndEndReachTheFxThread() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        TaskHandle handle = onFxThread(() -> executor.execute(reporter -> {
            reporter.progress(1, 4);
            reporter.publish(() -> delivered.add("update on " + Thread.currentThread().getName()));
            return "result";
        }, result -> {
            delivered.add(result + " on " + Thread.currentThread().getName());
            done.countDown();
        }, failure -> done.countDown()));

        assertThat(done.await(1, TimeUnit.MINUTES)).isTrue();
        assertThat(delivered).containsExactly("update on JavaFX Application Thread",
                "result on JavaFX Application Thread");
        assertThat(onFxThread(() -> handle.runningProperty().get())).isFalse();
        assertThat(onFxThread(() -> handle.progressProperty().get())).isEqualTo(0.25);
    }

    @Test
    void aCancelledTaskIsInterruptedAndItsResultAndUpdatesAreDropped() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        AtomicReference<Thread> worker = new AtomicReference<>();
        TaskHandle handle = onFxThread(() -> executor.execute(reporter -> {
            worker.set(Thread.currentThread());
            started.countDown();
            try {
                new CountDownLatch(1).await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            reporter.publish(() -> delivered.add("update"));
            return "result";
        }, delivered::add, failure -> delivered.add("failure")));
        assertThat(started.await(1, TimeUnit.MINUTES)).isTrue();

        onFxThread(() -> {
            handle.cancel();
            return null;
        });

        assertThat(interrupted.await(1, TimeUnit.MINUTES)).as("the work's thread was interrupted").isTrue();
        awaitIdle(worker.get());
        // What the work handed over is queued on the FX thread before this.
        onFxThread(() -> null);
        assertThat(delivered).isEmpty();
        assertThat(onFxThread(() -> handle.runningProperty().get())).isFalse();
        assertThat(handle.isCancelled()).isTrue();
    }

    /** Returns once the pool's thread waits for new work, having handed over all of the last. */
    private static void awaitIdle(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (thread.getState() != Thread.State.TIMED_WAITING && thread.getState() != Thread.State.WAITING) {
            assertThat(deadline - System.nanoTime()).as("the worker did not finish").isPositive();
            Thread.sleep(1);
        }
    }
}
