package dev.kmstags.kms.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spacing, slowing down and creeping back up, on a fake clock. */
class PaceTest {

    private long now = 1_000_000_000L;
    private final List<Long> sleeps = new ArrayList<>();

    /** A pace whose sleeps are recorded and move the fake clock on. */
    private Pace pace(double ceiling) {
        return new Pace(ceiling, Duration.ofMillis(500), () -> now, nanos -> {
            sleeps.add(nanos);
            now += nanos;
        });
    }

    private static long ms(long millis) {
        return millis * 1_000_000;
    }

    @Test
    void callsAreSpacedOneIntervalApart() throws InterruptedException {
        Pace pace = pace(10);
        for (int i = 0; i < 4; i++) {
            pace.acquire();
        }

        assertThat(sleeps).containsExactly(ms(100), ms(100), ms(100));
        assertThat(now).isEqualTo(1_000_000_000L + ms(300));
    }

    @Test
    void timeAlreadyPassedIsNotWaitedForAgain() throws InterruptedException {
        Pace pace = pace(5);
        pace.acquire();
        now += ms(1000);
        pace.acquire();

        assertThat(sleeps).isEmpty();
    }

    @Test
    void aThrottleHalvesTheRateAndHoldsCallsBackLongerForEachThrottleInARow() throws InterruptedException {
        Pace pace = pace(10);
        pace.acquire();
        pace.throttled();
        assertThat(pace.rate()).isEqualTo(5);
        pace.acquire();
        pace.throttled();
        assertThat(pace.rate()).isEqualTo(2.5);
        pace.acquire();

        assertThat(sleeps).containsExactly(ms(500), ms(1000));
    }

    @Test
    void theRateNeverFallsBelowTheFloor() {
        Pace pace = pace(10);
        for (int i = 0; i < 20; i++) {
            pace.throttled();
        }

        assertThat(pace.rate()).isEqualTo(10 * Pace.FLOOR_FRACTION);
    }

    @Test
    void successesCreepBackUpToTheCeilingAndNoFurther() throws InterruptedException {
        Pace pace = pace(10);
        pace.throttled();
        pace.throttled();
        assertThat(pace.rate()).isEqualTo(2.5);

        pace.succeeded();
        assertThat(pace.rate()).isEqualTo(3.0);
        for (int i = 0; i < 40; i++) {
            pace.succeeded();
        }
        assertThat(pace.rate()).isEqualTo(10);

        sleeps.clear();
        pace.acquire();
        pace.acquire();
        assertThat(sleeps.get(sleeps.size() - 1)).isEqualTo(ms(100));
    }

    @Test
    void aSuccessEndsTheRunOfThrottles() throws InterruptedException {
        Pace pace = pace(10);
        pace.throttled();
        pace.acquire();
        pace.succeeded();
        pace.throttled();
        sleeps.clear();
        pace.acquire();

        assertThat(sleeps).singleElement().satisfies(wait -> assertThat(wait).isLessThanOrEqualTo(ms(500)));
    }
}
