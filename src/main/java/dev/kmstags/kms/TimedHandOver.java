package dev.kmstags.kms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Collects the results of calls running on a pool as they complete and hands them over in batches: the first as
 * soon as there is one, then at most once per interval. A UI thread that shows them thus gets a few large updates
 * a second, however fast or slow the calls are.
 */
final class TimedHandOver {

    /** How long to wait for a result before looking again whether the producer has finished. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final long intervalNanos;

    TimedHandOver(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /**
     * Hands over, through {@code handOver}, every present result of {@code done} until {@code producer} has
     * finished and every call it submitted ({@code submitted}) was taken. Runs {@code meanwhile} before each look,
     * for work that waits on something else. Rethrows what a call or the producer threw, as it was thrown.
     */
    <T> void run(CompletionService<Optional<T>> done, Future<?> producer, IntSupplier submitted,
                 Consumer<List<T>> handOver, Runnable meanwhile) {
        List<T> batch = new ArrayList<>();
        int taken = 0;
        long due = System.nanoTime();
        while (true) {
            meanwhile.run();
            boolean producing = !producer.isDone();
            if (!producing) {
                result(producer);
                if (taken == submitted.getAsInt()) {
                    break;
                }
            }
            long wait = batch.isEmpty() ? POLL_NANOS : Math.max(0, due - System.nanoTime());
            Future<Optional<T>> next = poll(done, wait);
            while (next != null) {
                result(next).ifPresent(batch::add);
                taken++;
                next = done.poll();
            }
            if (!batch.isEmpty() && System.nanoTime() - due >= 0) {
                handOver.accept(List.copyOf(batch));
                batch.clear();
                due = System.nanoTime() + intervalNanos;
            }
        }
        if (!batch.isEmpty()) {
            handOver.accept(List.copyOf(batch));
        }
    }

    private static <T> Future<T> poll(CompletionService<T> done, long nanos) {
        try {
            return done.poll(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Listing keys was interrupted");
        }
    }

    /** What {@code future} returned, or what it threw, unwrapped. */
    static <T> T result(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Listing keys was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InterruptedException) {
                throw new CancellationException("Listing keys was interrupted");
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
