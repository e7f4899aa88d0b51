package dev.kmstags.domain.bulk;

import java.time.Duration;
import java.util.Collection;

/**
 * The whole of a bulk change as the review shows it: keys changed, tags added, overwritten, removed and renamed
 * (a rename counts once, as a rename), and the KMS calls it takes.
 */
public record BulkTotals(int keysChanged, int added, int overwritten, int removed, int renamed, int untagCalls,
                         int tagCalls) {

    /** The totals of the {@code plans} that are ready to be written. */
    public static BulkTotals of(Collection<KeyPlan> plans) {
        int keys = 0;
        int added = 0;
        int overwritten = 0;
        int removed = 0;
        int renamed = 0;
        int untags = 0;
        int tags = 0;
        for (KeyPlan keyPlan : plans) {
            if (!keyPlan.ready()) {
                continue;
            }
            var plan = keyPlan.plan();
            keys++;
            added += plan.addedApartFromRenames().size();
            overwritten += plan.overwritten().size();
            removed += plan.removedApartFromRenames().size();
            renamed += plan.renamed().size();
            untags += plan.keysToUntag().isEmpty() ? 0 : 1;
            tags += plan.tagsToSet().isEmpty() ? 0 : 1;
        }
        return new BulkTotals(keys, added, overwritten, removed, renamed, untags, tags);
    }

    /** How long writing takes at {@code quotas}; see {@link TagCallQuotas#timeFor}. */
    public Duration estimate(TagCallQuotas quotas) {
        return quotas.timeFor(untagCalls, tagCalls);
    }
}
