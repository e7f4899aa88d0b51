package dev.kmstags.ui.common;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A {@link TaskExecutor} for ViewModel tests whose work hands results over from threads of its own (a bulk commit's
 * workers): the test's thread plays the UI thread. Work given to {@link #execute} runs at once on the test's thread;
 * actions handed to {@link #runOnUiThread} from any thread wait in a queue until the test runs them with
 * {@link #runUntil}, so ViewModel properties change on the test's thread only.
 */
public final class UiQueueTaskExecutor implements TaskExecutor {

    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();

    @Override
    public <T> TaskHandle execute(TaskHandle.Work<T> work, Consumer<? super T> onSuccess,
                                  Consumer<? super Throwable> onFailure) {
        TaskHandle handle = new TaskHandle(this::runOnUiThread);
        T result;
        try {
            result = work.run(handle.reporter());
        } catch (Exception | Error failure) {
            handle.finish(() -> onFailure.accept(failure));
            return handle;
        }
        handle.finish(() -> onSuccess.accept(result));
        return handle;
    }

    @Override
    public void runOnUiThread(Runnable action) {
        queue.add(action);
    }

    /**
     * Runs the queued actions, and those that arrive, until {@code condition} holds after one of them (or before
     * the first); fails when it does not within {@code limit}.
     */
    public void runUntil(String what, BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            Runnable action = queue.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
            if (action != null) {
                action.run();
            }
        }
    }

    /** Runs the actions queued so far. */
    public void runQueued() {
        for (Runnable action = queue.poll(); action != null; action = queue.poll()) {
            action.run();
        }
    }
}
