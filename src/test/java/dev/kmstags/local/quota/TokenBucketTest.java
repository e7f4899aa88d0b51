package dev.kmstags.local.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final AtomicLong nanos = new AtomicLong(42);

    private void advanceMillis(long millis) {
        nanos.addAndGet(millis * 1_000_000);
    }

    private static int takeAll(TokenBucket bucket) {
        int taken = 0;
        while (bucket.tryTake()) {
            taken++;
        }
        return taken;
    }

    @Test
    void aFullBucketHoldsOneSecondOfRequestsThenRefusesUntilItRefills() {
        TokenBucket bucket = new TokenBucket(10, nanos::get);

        assertThat(takeAll(bucket)).isEqualTo(10);
        advanceMillis(99);
        assertThat(bucket.tryTake()).isFalse();
        advanceMillis(1);
        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).isFalse();
    }

    @Test
    void itRefillsAtTheRateButNeverBeyondOneSecondsWorth() {
        TokenBucket bucket = new TokenBucket(5, nanos::get);
        takeAll(bucket);

        advanceMillis(600);
        assertThat(takeAll(bucket)).isEqualTo(3);
        advanceMillis(60_000);
        assertThat(takeAll(bucket)).isEqualTo(5);
    }

    @Test
    void aRateBelowOnePerSecondStillLetsOneRequestThrough() {
        TokenBucket bucket = new TokenBucket(0.5, nanos::get);

        assertThat(takeAll(bucket)).isEqualTo(1);
        advanceMillis(1_999);
        assertThat(bucket.tryTake()).isFalse();
        advanceMillis(1);
        assertThat(bucket.tryTake()).isTrue();
    }
}
