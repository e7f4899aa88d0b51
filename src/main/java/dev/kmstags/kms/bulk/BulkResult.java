package dev.kmstags.kms.bulk;

import dev.kmstags.domain.EditedTag;
import dev.kmstags.domain.TagPlan;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a bulk commit ended, key by key in the order given, and how often KMS throttled it.
 */
public record BulkResult(Map<String, KeyResult> keys, int throttles) {

    public BulkResult {
        keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    /** The keys something was written to (applied, or only the untag). */
    public List<String> written() {
        return keys.entrySet().stream().filter(entry -> entry.getValue().written()).map(Map.Entry::getKey).toList();
    }

    /** The keys whose result is of {@code type}. */
    public List<String> keysWith(Class<? extends KeyResult> type) {
        return keys.entrySet().stream().filter(entry -> type.isInstance(entry.getValue())).map(Map.Entry::getKey)
                .toList();
    }

    /**
     * The plans to run again for "Retry the failed keys", from {@code plans} (the ones this commit was given): a
     * failed key's plan as it was; for a key where only the untag went through, a plan from the tags it holds now
     * to the same target, which makes only the pending TagResource. (The first plan would no longer merge: its
     * untag looks like another's removal of the keys it renames.)
     */
    public Map<String, TagPlan> retryPlans(Map<String, TagPlan> plans) {
        Map<String, TagPlan> retry = new LinkedHashMap<>();
        keys.forEach((keyId, result) -> {
            if (result instanceof KeyResult.Failed) {
                retry.put(keyId, plans.get(keyId));
            } else if (result instanceof KeyResult.Partial partial) {
                retry.put(keyId, rest(partial.tagsNow(), plans.get(keyId)));
            }
        });
        return retry;
    }

    private static TagPlan rest(Map<String, String> tagsNow, TagPlan plan) {
        List<EditedTag> rows = plan.target().stream().map(tag -> tagsNow.containsKey(tag.key())
                ? EditedTag.loaded(tag.key(), tag.key(), tag.value())
                : EditedTag.added(tag.key(), tag.value())).toList();
        return TagPlan.between(tagsNow, rows);
    }
}
