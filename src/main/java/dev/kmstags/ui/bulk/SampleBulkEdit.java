package dev.kmstags.ui.bulk;

import dev.kmstags.domain.KeyManager;
import dev.kmstags.domain.KeyStates;
import dev.kmstags.domain.KeySummary;
import dev.kmstags.domain.KeyTags;
import dev.kmstags.domain.Tag;
import dev.kmstags.domain.bulk.BulkEdit;
import dev.kmstags.domain.bulk.BulkOperation;
import dev.kmstags.domain.bulk.BulkPlan;
import dev.kmstags.domain.bulk.BulkSelection;
import dev.kmstags.domain.bulk.TagsOfKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A made-up bulk edit of made-up keys, planned the way "Tags of N keys" plans a real one, for getting the bulk edit
 * and its review ready before the user needs them. Never shown to the user, never sent anywhere.
 *
 * @param plan  setting a tag on every key, planned over those that can be tagged
 * @param names each key's made-up alias
 */
record SampleBulkEdit(BulkPlan plan, Map<String, String> names) {

    /** How many times the sample is planned: enough for the planning's code to be compiled before it is needed. */
    private static final int PLANNINGS = 4;
    private static final String ARN_PREFIX = "arn:aws:kms:us-east-1:111122223333:key/";
    private static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");

    /**
     * Plans a change of {@code keys} made-up keys of a few tags each (every tenth pending deletion, so left out),
     * several times, as "Tags of N keys" does; answers the last.
     */
    static SampleBulkEdit of(int keys) {
        List<KeySummary> summaries = new ArrayList<>();
        Map<String, KeyTags> tags = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < keys; i++) {
            String keyId = String.format(Locale.ROOT, "%08x-0000-4000-8000-%012x", i, i);
            summaries.add(new KeySummary(keyId, ARN_PREFIX + keyId, List.of("alias/sample-" + i), "",
                    i % 10 == 9 ? KeyStates.PENDING_DELETION : KeyStates.ENABLED, KeyManager.CUSTOMER, CREATED));
            tags.put(keyId, new KeyTags(keyId, List.of(new Tag("Owner", "team-" + i % 7),
                    new Tag("env", i % 2 == 0 ? "prod" : "dev"), new Tag("Project", "sample-" + i)), false));
            names.put(keyId, "alias/sample-" + i);
        }
        BulkEdit edit = BulkEdit.EMPTY.then(new BulkOperation.SetTag("CostCenter", "sample"));
        BulkPlan plan = null;
        for (int i = 0; i < PLANNINGS; i++) {
            BulkSelection selection = BulkSelection.of(summaries, tags);
            plan = edit.plan(selection);
            Map<String, Map<String, String>> after = new LinkedHashMap<>();
            for (var keyPlan : plan.ready().entrySet()) {
                Map<String, String> target = new LinkedHashMap<>();
                keyPlan.getValue().target().forEach(tag -> target.put(tag.key(), tag.value()));
                after.put(keyPlan.getKey(), target);
            }
            TagsOfKeys.of(selection.editable()).rows();
            TagsOfKeys.of(after).caseVariants();
            plan.totals();
        }
        return new SampleBulkEdit(plan, names);
    }
}
