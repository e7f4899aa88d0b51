package dev.kmstags.ui.common;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * One piece of background work handed to a {@link TaskExecutor}: whether it runs, how far it got, and a way to
 * cancel it. A cancelled task's result or failure is dropped: its callbacks never run. Its properties change on the
 * UI thread only.
 */
public final class TaskHandle {

    /** Slow work that can say how far it got and hand over what it has so far; it runs off the UI thread. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Reporter reporter) throws Exception;
    }

    /** Where work reports from its own thread; what it reports after the task was cancelled is dropped. */
    public interface Reporter {

        /** {@code done} of {@code total} steps are done. */
        void progress(long done, long total);

        /** Runs {@code update} (such as rows that arrived) on the UI thread, unless the task is cancelled then. */
        void publish(Runnable update);
    }

    /** The progress of work that has not said how far it got. */
    public static final double INDETERMINATE = -1;

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", true);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", INDETERMINATE);
    private final Consumer<Runnable> uiThread;
    private volatile boolean cancelled;
    private volatile Runnable interrupt = () -> { };

    /** A running task whose progress reaches the UI thread through {@code uiThread}. */
    TaskHandle(Consumer<Runnable> uiThread) {
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
    }

    /** Sets what stops the work's thread when the task is cancelled. */
    void onCancel(Runnable stop) {
        interrupt = Objects.requireNonNull(stop, "stop");
    }

    /** The reporter handed to the work. */
    Reporter reporter() {
        return new Reporter() {
            @Override
            public void progress(long done, long total) {
                publish(() -> {
                    if (total > 0) {
                        progress.set(Math.min(1, (double) done / total));
                    }
                });
            }

            @Override
            public void publish(Runnable update) {
                uiThread.accept(() -> {
                    if (!cancelled) {
                        update.run();
                    }
                });
            }
        };
    }

    /**
     * On the UI thread: ends the task and runs {@code delivery} (its callback with the result or failure), unless
     * the task was cancelled.
     */
    void finish(Runnable delivery) {
        if (cancelled) {
            return;
        }
        running.set(false);
        delivery.run();
    }

    /**
     * Drops the task's result and interrupts its thread if it still runs. Nothing happens for a task that has
     * finished. On the UI thread.
     */
    public void cancel() {
        cancel(true);
    }

    /**
     * Drops the task's result; interrupts its thread only if {@code interrupt}, for work that must not stop half
     * way (opening a connection may be starting the bundled backend). Nothing happens for a task that has
     * finished. On the UI thread.
     */
    public void cancel(boolean interrupt) {
        if (!running.get()) {
            return;
        }
        cancelled = true;
        running.set(false);
        if (interrupt) {
            this.interrupt.run();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** True until the task finished or was cancelled. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** From 0 to 1 as the work reports it, {@link #INDETERMINATE} until it does. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
