package dev.kmstags.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Measures how long the JavaFX thread is kept from answering: a background thread posts a ping every few
 * milliseconds with {@code Platform.runLater}, and the longest wait of a ping for the FX thread is the longest
 * stall; an AnimationTimer records the longest gap between pulses (16.7 ms at 60 frames a second when idle).
 */
final class FxStallProbe {

    private static final long PING_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final AtomicLong longestPingNanos = new AtomicLong();
    private volatile long longestPingPostedNanos;
    private long startNanos;
    private final AtomicLong longestPulseGapNanos = new AtomicLong();
    private volatile boolean running;
    private Thread pinger;
    private AnimationTimer pulses;

    /** Starts probing; call on the FX thread. */
    void start() {
        running = true;
        startNanos = System.nanoTime();
        pulses = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (last != 0) {
                    longestPulseGapNanos.accumulateAndGet(now - last, Math::max);
                }
                last = now;
            }
        };
        pulses.start();
        pinger = new Thread(() -> {
            while (running) {
                long posted = System.nanoTime();
                Platform.runLater(() -> {
                    long waited = System.nanoTime() - posted;
                    if (waited > longestPingNanos.get()) {
                        longestPingNanos.set(waited);
                        longestPingPostedNanos = posted;
                    }
                });
                try {
                    TimeUnit.NANOSECONDS.sleep(PING_INTERVAL_NANOS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fx-stall-probe");
        pinger.setDaemon(true);
        pinger.start();
    }

    /** Stops probing; call on the FX thread. */
    void stop() {
        running = false;
        pinger.interrupt();
        pulses.stop();
    }

    double longestStallMs() {
        return longestPingNanos.get() / 1e6;
    }

    /** When the longest stall began, in ms after {@link #start()}. */
    double longestStallAtMs() {
        return (longestPingPostedNanos - startNanos) / 1e6;
    }

    double longestPulseGapMs() {
        return longestPulseGapNanos.get() / 1e6;
    }
}
