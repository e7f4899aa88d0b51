package dev.kmstags.kms.bulk;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Spaces the calls of one KMS operation to a rate, and adapts the rate to KMS's answers: on throttling it halves
 * the rate (not below a floor) and holds every call back for a back-off that grows with each throttle in a row;
 * each call that goes through adds a twentieth of the ceiling back, until the ceiling (the account's quota) is
 * reached again. Multiplicative decrease, additive increase, as TCP does.
 *
 * <p>Calls are given slots one interval ({@code 1 / rate}) apart; a caller sleeps until its slot. The clock and
 * the sleep are injected, so tests run on a fake clock.
 */
public final class Pace {

    /** Waits; {@link Thread#sleep} in the app. */
    public interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    /** The rate never goes below this fraction of the ceiling. */
    static final double FLOOR_FRACTION = 0.05;
    /** Each call that goes through adds this fraction of the ceiling. */
    static final double INCREASE_FRACTION = 0.05;
    /** The longest a throttle holds calls back. */
    static final int MAX_BACK_OFF_STEPS = 8;

    private final double ceiling;
    private final long backOffNanos;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private double rate;
    private long nextSlot;
    private int throttlesInARow;

    /**
     * A pace of at most {@code ceiling} calls per second, holding calls back for {@code backOff} times the number
     * of throttles in a row (up to {@value #MAX_BACK_OFF_STEPS} times) after a throttle.
     */
    public Pace(double ceiling, Duration backOff, LongSupplier clock, Sleeper sleeper) {
        if (!(ceiling > 0)) {
            throw new IllegalArgumentException("The rate must be positive: " + ceiling);
        }
        this.ceiling = ceiling;
        this.rate = ceiling;
        this.backOffNanos = backOff.toNanos();
        this.clock = clock;
        this.sleeper = sleeper;
        this.nextSlot = clock.getAsLong();
    }

    /** A pace on the system clock that sleeps the thread. */
    public static Pace of(double ceiling, Duration backOff) {
        return new Pace(ceiling, backOff, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000,
                (int) (nanos % 1_000_000)));
    }

    /** Waits for the next slot of this operation. */
    public void acquire() throws InterruptedException {
        long wait = reserve();
        if (wait > 0) {
            sleeper.sleep(wait);
        }
    }

    /** KMS answered a call with throttling: slow down, and hold the next calls back. */
    public synchronized void throttled() {
        throttlesInARow = Math.min(throttlesInARow + 1, MAX_BACK_OFF_STEPS);
        rate = Math.max(ceiling * FLOOR_FRACTION, rate / 2);
        nextSlot = Math.max(nextSlot, clock.getAsLong() + backOffNanos * throttlesInARow);
    }

    /** A call went through: creep back towards the ceiling. */
    public synchronized void succeeded() {
        throttlesInARow = 0;
        rate = Math.min(ceiling, rate + ceiling * INCREASE_FRACTION);
    }

    /** The calls per second the pace allows now. */
    public synchronized double rate() {
        return rate;
    }

    /** The calls per second the pace allows at most. */
    public double ceiling() {
        return ceiling;
    }

    /** Takes the next slot and answers how long to wait for it. */
    private synchronized long reserve() {
        long now = clock.getAsLong();
        long slot = Math.max(now, nextSlot);
        nextSlot = slot + Math.round(1e9 / rate);
        return slot - now;
    }
}
