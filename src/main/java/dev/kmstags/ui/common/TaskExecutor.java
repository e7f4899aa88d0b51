package dev.kmstags.ui.common;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Where ViewModels send slow work, so nothing slow runs on the JavaFX thread. Results, failures and progress come
 * back on the UI thread, the only thread that changes ViewModel properties; each piece of work returns a
 * {@link TaskHandle} to follow or cancel it. Production runs work on background threads ({@link FxTaskExecutor});
 * tests run it inline.
 */
public interface TaskExecutor {

    /**
     * Runs {@code work} in the background, then {@code onSuccess} with its result or {@code onFailure} with what
     * it threw, on the UI thread, unless the returned task was cancelled first.
     */
    <T> TaskHandle execute(TaskHandle.Work<T> work, Consumer<? super T> onSuccess,
                           Consumer<? super Throwable> onFailure);

    /** As {@link #execute(TaskHandle.Work, Consumer, Consumer)}, for work that reports no progress. */
    default <T> TaskHandle execute(Callable<T> work, Consumer<? super T> onSuccess,
                                   Consumer<? super Throwable> onFailure) {
        return execute(reporter -> work.call(), onSuccess, onFailure);
    }

    /** Runs {@code action} on the UI thread, after every action handed over before it. */
    void runOnUiThread(Runnable action);

    /**
     * Waits, at most {@code limit}, while the UI thread is more than {@code behind} late in answering. Background
     * work that can wait calls it before each step, so it leaves the CPU to a UI thread that has fallen behind.
     * Returns at once where no other thread is the UI thread, as in tests.
     */
    default void awaitUiCaughtUp(Duration behind, Duration limit) throws InterruptedException {
    }
}
