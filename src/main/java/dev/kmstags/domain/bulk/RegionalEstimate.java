package dev.kmstags.domain.bulk;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How long a bulk commit over keys of several regions takes. KMS counts its request quotas per account and region,
 * and the commit writes the regions at the same time, each paced to its own quotas: the commit takes as long as its
 * slowest region, not as long as all its calls at one region's quotas.
 *
 * @param regions     how many regions have keys to write
 * @param slowest     the region that takes longest
 * @param slowestKeys how many keys that region writes
 * @param time        how long that region takes
 */
public record RegionalEstimate(int regions, String slowest, int slowestKeys, Duration time) {

    /** The estimate of {@code totalsByRegion} (region to the totals of its keys) at {@code quotas} in each region. */
    public static RegionalEstimate of(Map<String, BulkTotals> totalsByRegion, TagCallQuotas quotas) {
        String slowest = "";
        BulkTotals slowestTotals = BulkTotals.of(List.of());
        Duration longest = Duration.ZERO;
        for (Map.Entry<String, BulkTotals> region : totalsByRegion.entrySet()) {
            Duration time = region.getValue().estimate(quotas);
            if (slowest.isEmpty() || time.compareTo(longest) > 0) {
                slowest = region.getKey();
                slowestTotals = region.getValue();
                longest = time;
            }
        }
        return new RegionalEstimate(totalsByRegion.size(), slowest, slowestTotals.keysChanged(), longest);
    }
}
