package dev.kmstags.ui.bulkcommit;

import dev.kmstags.domain.TagPlan;
import dev.kmstags.domain.bulk.TagCallQuotas;
import dev.kmstags.kms.bulk.BulkTagWriter;
import java.util.Map;
import java.util.Optional;

/** Where a bulk commit's plans are written: a {@link BulkTagWriter} on the open connection, paced to its quotas. */
public interface BulkCommits {

    /**
     * Starts writing {@code plans} (key ID to the plan from its tags as loaded) in the background. May build a
     * client, so it is called off the UI thread; {@code listener} hears from the commit's threads.
     *
     * @throws dev.kmstags.kms.KmsAccessException when the connection cannot be used
     */
    BulkTagWriter.Run start(Map<String, TagPlan> plans, BulkTagWriter.Listener listener);

    /** The quotas the commits are paced to, for the estimate shown before the first key is done. */
    TagCallQuotas quotas();

    /** The region a key is written in, by its key ID or ARN; empty for the connection's own region. */
    default Optional<String> regionOf(String key) {
        return Optional.empty();
    }
}
