package dev.kmstags.ui.common;

import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * How late the JavaFX thread is in answering, found by posting it a ping now and then, never more than one at a
 * time; threads that can wait hold back while it is behind.
 */
final class FxThreadLag {

    /** How long after an answer the next ping may be posted: the lag is known to about this. */
    private static final long PING_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final Object lock = new Object();
    /** When the unanswered ping was posted; 0 when every ping is answered. */
    private long pingPostedAt;
    private long lastAnsweredAt = System.nanoTime() - PING_INTERVAL_NANOS;

    /**
     * Waits while a ping has been waiting for the JavaFX thread longer than {@code behindNanos}, at most
     * {@code limitNanos}; posts a ping when none is waiting and the last was answered a while ago.
     */
    void awaitCaughtUp(long behindNanos, long limitNanos) throws InterruptedException {
        long now = System.nanoTime();
        long deadline = now + limitNanos;
        synchronized (lock) {
            if (pingPostedAt == 0) {
                if (now - lastAnsweredAt >= PING_INTERVAL_NANOS) {
                    pingPostedAt = now;
                    Platform.runLater(this::answered);
                }
                return;
            }
            while (pingPostedAt != 0 && now - pingPostedAt > behindNanos && deadline - now > 0) {
                TimeUnit.NANOSECONDS.timedWait(lock, deadline - now);
                now = System.nanoTime();
            }
        }
    }

    /** Whether a ping has waited for the JavaFX thread longer than {@code nanos}. */
    boolean pingWaitingLongerThan(long nanos) {
        synchronized (lock) {
            return pingPostedAt != 0 && System.nanoTime() - pingPostedAt > nanos;
        }
    }

    private void answered() {
        synchronized (lock) {
            pingPostedAt = 0;
            lastAnsweredAt = System.nanoTime();
            lock.notifyAll();
        }
    }
}
