package dev.kmstags.domain.bulk;

import java.time.Duration;

/**
 * The account's request quotas for the two tag-writing operations, in calls per second (AWS's defaults:
 * TagResource 10, UntagResource 5; an account may have others), and how long a number of calls takes at them.
 * The bundled backend's table of every operation's quota is {@code local.quota.RequestQuotas}.
 */
public record TagCallQuotas(double tagPerSecond, double untagPerSecond) {

    /** AWS's default quotas for TagResource and UntagResource. */
    public static final TagCallQuotas AWS_DEFAULT = new TagCallQuotas(10, 5);

    public TagCallQuotas {
        if (!(tagPerSecond > 0) || !(untagPerSecond > 0)) {
            throw new IllegalArgumentException("Quotas must be positive: " + tagPerSecond + ", " + untagPerSecond);
        }
    }

    /**
     * How long {@code untagCalls} UntagResource and {@code tagCalls} TagResource calls take at these quotas.
     *
     * <p>The two operations have separate quotas and are paced separately, so their calls interleave: the time is
     * that of the slower stream, {@code max(untags / untagRate, tags / tagRate)}. A key that needs both calls
     * makes its TagResource after its UntagResource, so when both kinds are made the last TagResource can come at
     * most one TagResource interval after the last UntagResource: that interval is added. Reads (one
     * ListResourceTags per key) have a far higher quota and are not counted; nor is network latency, which the
     * commit hides by making calls from several threads.
     */
    public Duration timeFor(int untagCalls, int tagCalls) {
        double seconds = Math.max(untagCalls / untagPerSecond, tagCalls / tagPerSecond);
        if (untagCalls > 0 && tagCalls > 0) {
            seconds = Math.max(seconds, untagCalls / untagPerSecond + 1 / tagPerSecond);
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}
