package dev.kmstags.local.quota;

import java.util.function.LongSupplier;

/**
 * A token bucket: it holds at most one second's worth of requests ({@code rate} tokens, at least one), starts
 * full, and refills continuously at {@code rate} tokens per second. A request takes one token or is refused.
 * AWS states its quotas per second, so a full bucket lets a client burst one second's quota at once and then
 * holds it to the rate. Thread-safe.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double rate;
    private final double capacity;
    private final LongSupplier nanoTime;
    private double tokens;
    private long refilledAt;

    /**
     * @param rate     requests per second, more than 0
     * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime})
     */
    TokenBucket(double rate, LongSupplier nanoTime) {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("rate must be more than 0: " + rate);
        }
        this.rate = rate;
        this.capacity = Math.max(1, rate);
        this.nanoTime = nanoTime;
        this.tokens = capacity;
        this.refilledAt = nanoTime.getAsLong();
    }

    /** Takes one token if there is one; false when the caller is over the rate. */
    synchronized boolean tryTake() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - refilledAt) / NANOS_PER_SECOND * rate);
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
