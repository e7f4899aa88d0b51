package dev.kmstags.ui.bulkcommit;

import dev.kmstags.domain.Tag;
import dev.kmstags.domain.TagMerge;
import dev.kmstags.domain.TagPlan;
import dev.kmstags.kms.bulk.KeyResult;
import dev.kmstags.ui.common.Messages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Puts the result of one key's bulk commit into words. */
final class OutcomeTexts {

    private final Messages messages;

    OutcomeTexts(Messages messages) {
        this.messages = messages;
    }

    /** The outcome of {@code keyId}, named {@code name}, whose commit of {@code plan} ended with {@code result}. */
    KeyOutcome of(String keyId, String name, KeyResult result, TagPlan plan) {
        KeyOutcome.Kind kind = kindOf(result);
        return new KeyOutcome(keyId, name, kind, messages.get("bulkCommit.outcome." + kind.name()),
                detail(result, plan));
    }

    static KeyOutcome.Kind kindOf(KeyResult result) {
        if (result instanceof KeyResult.Applied) {
            return KeyOutcome.Kind.APPLIED;
        } else if (result instanceof KeyResult.Conflict) {
            return KeyOutcome.Kind.CONFLICT;
        } else if (result instanceof KeyResult.Failed) {
            return KeyOutcome.Kind.FAILED;
        } else if (result instanceof KeyResult.Partial) {
            return KeyOutcome.Kind.PARTIAL;
        }
        return switch (((KeyResult.Skipped) result).reason()) {
            case CANCELLED -> KeyOutcome.Kind.NOT_STARTED;
            case ALREADY_SO -> KeyOutcome.Kind.UNCHANGED;
            case MERGE_BREAKS_RULES -> KeyOutcome.Kind.BREAKS_RULES;
        };
    }

    private String detail(KeyResult result, TagPlan plan) {
        if (result instanceof KeyResult.Applied applied) {
            return applied.merged() == null
                    ? messages.format("bulkCommit.detail.applied", plan.changeCount())
                    : messages.format("bulkCommit.detail.appliedMerged", plan.changeCount());
        } else if (result instanceof KeyResult.Conflict conflict) {
            String keys = conflict.conflicts().stream().flatMap(c -> c.keys().stream()).map(TagMerge.KeyValues::key)
                    .distinct().map(messages::shortened).collect(Collectors.joining(", "));
            return messages.format("bulkCommit.detail.conflict", keys);
        } else if (result instanceof KeyResult.Failed failed) {
            return failed.error().getMessage();
        } else if (result instanceof KeyResult.Partial partial) {
            List<Tag> pending = partial.pending() instanceof TagPlan.TagCall.TagResource tag ? tag.tags() : List.of();
            Map<String, String> pendingTags = new LinkedHashMap<>();
            pending.forEach(tag -> pendingTags.put(tag.key(), tag.value()));
            return messages.format("bulkCommit.detail.partial", partial.error().getMessage(),
                    tags(partial.tagsNow()), tags(pendingTags));
        }
        return messages.get("bulkCommit.detail." + kindOf(result).name());
    }

    /** "Owner = alice, env = dev", or "no tags". */
    private String tags(Map<String, String> tags) {
        if (tags.isEmpty()) {
            return messages.get("commit.failed.noTags");
        }
        return tags.entrySet().stream().map(tag -> messages.format("review.line.tag",
                messages.shortened(tag.getKey()), tag.getValue().isEmpty() ? messages.get("review.emptyValue")
                        : messages.shortened(tag.getValue()))).collect(Collectors.joining(", "));
    }
}
