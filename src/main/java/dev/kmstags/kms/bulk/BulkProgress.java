package dev.kmstags.kms.bulk;

import java.time.Duration;

/**
 * How far a bulk commit is: keys done of the total, the rates the paces allow now (calls per second), and the
 * time left at those rates for the calls not made yet.
 */
public record BulkProgress(int done, int total, double tagRate, double untagRate, Duration remaining) {
}
