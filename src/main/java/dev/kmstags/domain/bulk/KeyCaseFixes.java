package dev.kmstags.domain.bulk;

import dev.kmstags.domain.policy.TagPolicy;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The bulk edit that writes tag keys in the capitalization the tag policy asks for ({@code costcenter} becomes
 * {@code CostCenter}): one letter-case merge into each policy's {@code tag_key} that some key writes otherwise. A key
 * that carries two spellings with different values reports the clash, as the bulk editor's merge does.
 */
public final class KeyCaseFixes {

    private KeyCaseFixes() {
    }

    /**
     * The steps for {@code tagsOfKeys}, the tags of each key to fix; {@link BulkEdit#EMPTY} when every key already
     * writes its tag keys as the policy does.
     */
    public static BulkEdit of(TagPolicy policy, Collection<Map<String, String>> tagsOfKeys) {
        Set<String> targets = new LinkedHashSet<>();
        for (Map<String, String> tags : tagsOfKeys) {
            for (String key : tags.keySet()) {
                policy.governing(key).filter(rule -> !rule.hasRightCase(key))
                        .ifPresent(rule -> targets.add(rule.tagKey()));
            }
        }
        BulkEdit edit = BulkEdit.EMPTY;
        for (String target : targets) {
            edit = edit.then(BulkOperation.MergeVariants.ofCase(target));
        }
        return edit;
    }
}
