package dev.kmstags.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
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
        Thread.sleep(3 * TimeUnit.NANOSECONDS.toMillis(BEHIND));
    }

    @AfterEach
    void freeTheFxThread() {
        release.countDown();
    }

    @Test
    void aThreadWaitsWhileTheFxThreadIsBehindAndGoesOnOnceItAnswers() throws Exception {
        CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(() -> {
            try {
                lag.awaitCaughtUp(BEHIND, TimeUnit.MINUTES.toNanos(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return fxFree.get();
        });

        Thread.sleep(300);
        assertThat(waited).as("waiting while the FX thread is busy").isNotDone();
        release.countDown();
        assertThat(waited.get(1, TimeUnit.MINUTES)).as("the FX thread was free when the wait ended").isTrue();
    }

    @Test
    void aThreadWaitsNoLongerThanItsLimit() throws Exception {
        lag.awaitCaughtUp(BEHIND, TimeUnit.MILLISECONDS.toNanos(200));

        assertThat(fxFree).as("the FX thread is still busy").isFalse();
    }
}
