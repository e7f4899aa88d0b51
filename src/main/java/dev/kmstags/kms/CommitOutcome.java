package dev.kmstags.kms;

import dev.kmstags.domain.TagPlan;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a commit of a tag plan ended. */
public sealed interface CommitOutcome {

    /** Every call succeeded; {@code tagsNow} is what KMS holds afterwards. */
    record Applied(Map<String, String> tagsNow) implements CommitOutcome {
        public Applied {
            tagsNow = Collections.unmodifiableMap(new LinkedHashMap<>(tagsNow));
        }
    }

    /** Someone else changed the key's tags since the plan's original; nothing was written. {@code theirs} is now. */
    record Conflict(Map<String, String> theirs) implements CommitOutcome {
        public Conflict {
            theirs = Collections.unmodifiableMap(new LinkedHashMap<>(theirs));
        }
    }

    /**
     * A call failed.
     *
     * @param error     what failed, with a sentence for the user
     * @param tagsNow   the key's tags after the failure, or null when they could not be read
     * @param completed the calls that succeeded before the failure
     * @param pending   the calls not made (the failed one first)
     */
    record Failed(KmsAccessException error, Map<String, String> tagsNow, List<TagPlan.TagCall> completed,
                  List<TagPlan.TagCall> pending) implements CommitOutcome {
        public Failed {
            tagsNow = tagsNow == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(tagsNow));
            completed = List.copyOf(completed);
            pending = List.copyOf(pending);
        }

        /** Whether some calls succeeded and others did not: the key holds part of the change. */
        public boolean partiallyApplied() {
            return !completed.isEmpty() && !pending.isEmpty();
        }
    }
}
