package dev.kmstags.kms.bulk;

import dev.kmstags.domain.TagMerge;
import dev.kmstags.domain.TagPlan;
import dev.kmstags.kms.KmsAccessException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How the bulk commit of one key ended. */
public sealed interface KeyResult {

    /** Whether anything was written to the key. */
    boolean written();

    /**
     * The key's plan was written (merged over others' changes of other tags when {@code merged} holds the
     * result of the merge); {@code tagsNow} is what the key holds after it.
     */
    record Applied(Map<String, String> tagsNow, TagMerge.Result merged) implements KeyResult {
        public Applied {
            tagsNow = copy(tagsNow);
        }

        @Override
        public boolean written() {
            return true;
        }
    }

    /** Someone else changed the same tag keys since the edit was loaded; nothing was written. */
    record Conflict(List<TagMerge.Conflict> conflicts, Map<String, String> theirs) implements KeyResult {
        public Conflict {
            conflicts = List.copyOf(conflicts);
            theirs = copy(theirs);
        }

        @Override
        public boolean written() {
            return false;
        }
    }

    /** A call failed before anything was written; {@code tagsNow} is the key's tags, or null when unknown. */
    record Failed(KmsAccessException error, Map<String, String> tagsNow) implements KeyResult {
        public Failed {
            tagsNow = tagsNow == null ? null : copy(tagsNow);
        }

        @Override
        public boolean written() {
            return false;
        }
    }

    /**
     * Only the UntagResource went through: {@code tagsNow} is what the key holds, {@code pending} the TagResource
     * that failed with {@code error}.
     */
    record Partial(KmsAccessException error, Map<String, String> tagsNow, TagPlan.TagCall pending)
            implements KeyResult {
        public Partial {
            tagsNow = copy(tagsNow);
        }

        @Override
        public boolean written() {
            return true;
        }
    }

    /** The key was not attempted, or needed nothing. */
    record Skipped(Reason reason) implements KeyResult {
        @Override
        public boolean written() {
            return false;
        }
    }

    /** Why a key was skipped. */
    enum Reason {
        /** The commit was cancelled before the key was started. */
        CANCELLED,
        /** KMS already holds the tags the plan leads to. */
        ALREADY_SO,
        /** Merged with others' changes, the key's tags would break a tag rule (the 50-tag limit, say). */
        MERGE_BREAKS_RULES
    }

    private static Map<String, String> copy(Map<String, String> tags) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }
}
