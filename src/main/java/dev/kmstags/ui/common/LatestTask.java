package dev.kmstags.ui.common;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * The background work of one purpose (loading the keys, reading a key's tags) where only the latest counts:
 * starting work cancels the work before it, whose result is then dropped. Use on the UI thread.
 */
public final class LatestTask {

    private final TaskExecutor executor;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private TaskHandle current;

    public LatestTask(TaskExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** Cancels the work running, then starts {@code work}, as {@link TaskExecutor} does, and answers its handle. */
    public <T> TaskHandle start(TaskHandle.Work<T> work, Consumer<? super T> onSuccess,
                                Consumer<? super Throwable> onFailure) {
        cancel();
        TaskHandle started = executor.execute(work, onSuccess, onFailure);
        current = started;
        running.bind(started.runningProperty());
        return started;
    }

    /** Cancels the work running, if any: its result is dropped. */
    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    /** Whether the latest work still runs. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
