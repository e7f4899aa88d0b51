package dev.kmstags.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Threads that hold back while the real JavaFX thread is busy, and go on when it answers or they waited enough. */
@ExtendWith(ApplicationExtension.class)
class FxThreadLagUiTest {

    private static final long BEHIND = TimeUnit.MILLISECONDS.toNanos(15);

    private final FxThreadLag lag = new FxThreadLag();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicBoolean fxFree = new AtomicBoolean();

    @Start
    void start(Stage stage) {
        // Only the toolkit is needed.
    }

    /** Keeps the FX thread busy until the test releases it, and lets a ping fall more than BEHIND behind. */
    @BeforeEach
    void keepTheFxThreadBusy() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        Platform.runLater(() -> {
            busy.countDown();
            try {
                release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            fxFree.set(true);
        });
        assertThat(busy.await(1, TimeUnit.MINUTES)).isTrue();
        // The first call posts a ping behind the busy FX thread and goes on at once.
        lag.awaitCaughtUp(BEHIND, TimeUnit.MINUTES.toNanos(1));
        awaitPingBehind();
    }

    /** Returns once the ping has waited for the busy FX thread longer than BEHIND. */
    private void awaitPingBehind() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!lag.pingWaitingLongerThan(BEHIND)) {
            assertThat(deadline - System.nanoTime()).as("the ping did not fall behind").isPositive();
            Thread.sleep(1);
        }
    }

    @AfterEach
    void freeTheFxThread() {
        release.countDown();
    }

    @Test
    void aThreadWaitsWhileTheFxThreadIsBehindAndGoesOnOnceItAnswers() throws Exception {
        CountDownLatch waitEnded = new CountDownLatch(1);
        AtomicBoolean fxFreeWhenTheWaitEnded = new AtomicBoolean();
        Thread waiter = new Thread(() -> {
            try {
                lag.awaitCaughtUp(BEHIND, TimeUnit.MINUTES.toNanos(1));
            } catch (InterruptedException e) {
                return;
            }
            fxFreeWhenTheWaitEnded.set(fxFree.get());
            waitEnded.countDown();
        }, "waiter");
        waiter.start();

        awaitWaiting(waiter);
        release.countDown();
        assertThat(waitEnded.await(1, TimeUnit.MINUTES)).as("the wait ended once the FX thread answered").isTrue();
        assertThat(fxFreeWhenTheWaitEnded).as("the FX thread was free when the wait ended").isTrue();
    }

    /** Returns once the thread waits with a time limit, as only a thread held back by the lag does. */
    private static void awaitWaiting(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (thread.getState() != Thread.State.TIMED_WAITING) {
            assertThat(thread.getState()).as("the thread went on without waiting")
                    .isNotEqualTo(Thread.State.TERMINATED);
            assertThat(deadline - System.nanoTime()).as("the thread did not start waiting").isPositive();
            Thread.sleep(1);
        }
    }

    @Test
    void aThreadWaitsNoLongerThanItsLimit() throws Exception {
        lag.awaitCaughtUp(BEHIND, TimeUnit.MILLISECONDS.toNanos(200));

        assertThat(fxFree).as("the FX thread is still busy").isFalse();
    }
}
