package dev.kmstags.ui.bulk;

import dev.kmstags.domain.bulk.BulkEdit;
import dev.kmstags.domain.bulk.BulkPlan;
import dev.kmstags.domain.bulk.BulkSelection;
import dev.kmstags.domain.bulk.KeyPlan;
import dev.kmstags.domain.bulk.TagsOfKeys;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bulk edit planned over a selection, with the tags of the keys before and after it as "Tags of N keys" shows
 * them. Made from immutable parts, so it can be made on any thread.
 *
 * @param plan   the edit planned key by key
 * @param before the tags of the keys that can be tagged, as they are
 * @param after  their tags once the plan is applied; a key the plan cannot change keeps its tags
 */
record PlannedEdit(BulkPlan plan, TagsOfKeys before, TagsOfKeys after) {

    static PlannedEdit of(BulkEdit edit, BulkSelection selection) {
        BulkPlan plan = edit.plan(selection);
        Map<String, Map<String, String>> after = new LinkedHashMap<>();
        selection.editable().forEach((keyId, original) -> {
            KeyPlan keyPlan = plan.keys().get(keyId);
            after.put(keyId, keyPlan.ready() ? asMap(keyPlan) : original);
        });
        return new PlannedEdit(plan, TagsOfKeys.of(selection.editable()), TagsOfKeys.of(after));
    }

    private static Map<String, String> asMap(KeyPlan keyPlan) {
        Map<String, String> tags = new LinkedHashMap<>();
        keyPlan.plan().target().forEach(tag -> tags.put(tag.key(), tag.value()));
        return tags;
    }
}
