package dev.kmstags.ui.common;

import dev.kmstags.domain.bulk.BulkPlan;
import java.util.Optional;

/**
 * Starts the commit of a bulk change the user has reviewed and confirmed, whether it came from the bulk editor or
 * from an import. The review hands the plan over; the commit shows its own progress and result.
 */
@FunctionalInterface
public interface BulkCommitStarter {

    /** Commits the keys of {@code reviewed} that are ready, in the background. */
    void start(BulkPlan reviewed);

    /**
     * The region the commit writes a key in, by its key ID or ARN, for the review's estimate (quotas are per
     * region); empty for the connection's own region, where every key is written outside All regions.
     */
    default Optional<String> regionOf(String key) {
        return Optional.empty();
    }

    /**
     * As {@link #start(BulkPlan)}, knowing whether the review found access that changes through the tags: the result
     * then says that authorization may take up to five minutes to follow. A starter without a result to word
     * ignores it.
     */
    default void start(BulkPlan reviewed, boolean accessChanges) {
        start(reviewed);
    }
}
