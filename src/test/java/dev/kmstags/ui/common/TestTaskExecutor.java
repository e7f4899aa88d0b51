package dev.kmstags.ui.common;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Runs work on the test's own thread, which plays the UI thread: at once by default, or, after
 * {@link #holdWork()}, only when the test calls {@link #runHeldWork()}, so it can look at the state in between.
 */
public final class TestTaskExecutor implements TaskExecutor {

    private final Deque<Runnable> held = new ArrayDeque<>();
    private boolean holding;
    private int uiWaits;

    /** Keeps work from running until {@link #runHeldWork()}. */
    public TestTaskExecutor holdWork() {
        holding = true;
        return this;
    }

    /** Runs the held work in the order it was handed over, and any work it hands over in turn. */
    public void runHeldWork() {
        while (!held.isEmpty()) {
            held.removeFirst().run();
        }
    }

    /**
     * Runs the held work newest first, as a pool may finish it: a result handed over late must not undo a later
     * one.
     */
    public void runHeldWorkNewestFirst() {
        while (!held.isEmpty()) {
            held.removeLast().run();
        }
    }

    public int heldWork() {
        return held.size();
    }

    @Override
    public <T> TaskHandle execute(TaskHandle.Work<T> work, Consumer<? super T> onSuccess,
                                  Consumer<? super Throwable> onFailure) {
        TaskHandle handle = new TaskHandle(this::runOnUiThread);
        // As on a thread pool: work cancelled with an interrupt before it started never runs; work cancelled
        // without one runs, and its result is dropped.
        boolean[] interrupted = {false};
        handle.onCancel(() -> interrupted[0] = true);
        Runnable task = () -> {
            if (interrupted[0]) {
                return;
            }
            T result;
            try {
                result = work.run(handle.reporter());
            } catch (Exception | Error failure) {
                handle.finish(() -> onFailure.accept(failure));
                return;
            }
            handle.finish(() -> onSuccess.accept(result));
        };
        if (holding) {
            held.addLast(task);
        } else {
            task.run();
        }
        return handle;
    }

    @Override
    public void runOnUiThread(Runnable action) {
        action.run();
    }

    /** Counts the waits, which return at once: the test's thread is the UI thread and never behind. */
    @Override
    public void awaitUiCaughtUp(Duration behind, Duration limit) {
        uiWaits++;
    }

    /** How often background work asked to wait for the UI thread. */
    public int uiWaits() {
        return uiWaits;
    }
}
