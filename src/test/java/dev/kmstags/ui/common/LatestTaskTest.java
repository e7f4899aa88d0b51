package dev.kmstags.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Work of one purpose where only the latest counts. */
class LatestTaskTest {

    private final TestTaskExecutor executor = new TestTaskExecutor().holdWork();
    private final LatestTask task = new LatestTask(executor);
    private final List<String> delivered = new ArrayList<>();

    @Test
    void runningFollowsTheLatestWork() {
        assertThat(task.runningProperty().get()).isFalse();

        task.start(reporter -> "first", delivered::add, failure -> delivered.add("failure"));
        assertThat(task.runningProperty().get()).isTrue();

        executor.runHeldWork();
        assertThat(task.runningProperty().get()).isFalse();
        assertThat(delivered).containsExactly("first");
    }

    @Test
    void startingNewWorkDropsTheResultOfTheWorkBefore() {
        TaskHandle first = task.start(reporter -> "first", delivered::add, failure -> delivered.add("failure"));
        TaskHandle second = task.start(reporter -> "second", delivered::add, failure -> delivered.add("failure"));

        assertThat(first.isCancelled()).isTrue();
        assertThat(first.runningProperty().get()).isFalse();
        assertThat(task.runningProperty().get()).isTrue();
        executor.runHeldWork();

        assertThat(delivered).containsExactly("second");
        assertThat(second.runningProperty().get()).isFalse();
    }

    @Test
    void aCancelledTasksFailureIsDroppedToo() {
        task.<String>start(reporter -> {
            throw new IllegalStateException("late");
        }, delivered::add, failure -> delivered.add("failure"));

        task.cancel();
        executor.runHeldWork();

        assertThat(delivered).isEmpty();
        assertThat(task.runningProperty().get()).isFalse();
    }

    @Test
    void whatWorkPublishesAfterItWasCancelledIsDroppedWithItsResult() {
        TaskHandle[] self = new TaskHandle[1];
        self[0] = executor.execute(reporter -> {
            reporter.publish(() -> delivered.add("before"));
            // The user cancels, on the UI thread, while the work runs.
            self[0].cancel();
            reporter.publish(() -> delivered.add("after"));
            return "result";
        }, delivered::add, failure -> delivered.add("failure"));

        executor.runHeldWork();

        assertThat(delivered).containsExactly("before");
    }
}
