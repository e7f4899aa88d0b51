package dev.kmstags.domain.bulk;

import dev.kmstags.domain.KeyStates.ReadOnlyReason;
import dev.kmstags.domain.KeySummary;
import dev.kmstags.domain.KeyTags;
import dev.kmstags.domain.Tag;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys a bulk edit works on: the ones whose tags can be changed, with their tags as loaded, and the ones left
 * out up front with the reason (AWS managed, pending deletion, tags denied...), which are never planned.
 */
public final class BulkSelection {

    private final Map<String, Map<String, String>> editable;
    private final Map<String, ReadOnlyReason> skipped;

    private BulkSelection(Map<String, Map<String, String>> editable, Map<String, ReadOnlyReason> skipped) {
        this.editable = Collections.unmodifiableMap(editable);
        this.skipped = Collections.unmodifiableMap(skipped);
    }

    /**
     * The selection of {@code keys}, with the tags {@code tags} holds for them, each key named by
     * {@link KeySummary#id()} (its key ID, or a Multi-Region key's ARN), here and in the plans. A key is left out when
     * its summary says its tags are read-only, or when KMS denied its tags.
     *
     * @throws IllegalArgumentException when a key that could be tagged has no tags in {@code tags}: load them first
     */
    public static BulkSelection of(List<KeySummary> keys, Map<String, KeyTags> tags) {
        Map<String, Map<String, String>> editable = new LinkedHashMap<>();
        Map<String, ReadOnlyReason> skipped = new LinkedHashMap<>();
        for (KeySummary key : keys) {
            KeyTags keyTags = tags.get(key.id());
            Optional<ReadOnlyReason> blocked = key.tagEditingBlockedBy();
            if (blocked.isPresent()) {
                skipped.put(key.id(), blocked.get());
            } else if (keyTags == null) {
                throw new IllegalArgumentException("The tags of " + key.id() + " are not loaded");
            } else if (keyTags.denied()) {
                skipped.put(key.id(), ReadOnlyReason.TAGS_DENIED);
            } else {
                editable.put(key.id(), asMap(keyTags.tags()));
            }
        }
        return new BulkSelection(editable, skipped);
    }

    /** A selection of keys that can all be tagged: key ID to its tags. */
    public static BulkSelection ofTags(Map<String, Map<String, String>> tagsByKey) {
        Map<String, Map<String, String>> editable = new LinkedHashMap<>();
        tagsByKey.forEach((keyId, tags) -> editable.put(keyId, Collections.unmodifiableMap(new LinkedHashMap<>(tags))));
        return new BulkSelection(editable, Map.of());
    }

    /** The keys that can be tagged, each with its tags as loaded, in the order selected. */
    public Map<String, Map<String, String>> editable() {
        return editable;
    }

    /** The keys left out, each with why. */
    public Map<String, ReadOnlyReason> skipped() {
        return skipped;
    }

    private static Map<String, String> asMap(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(tag -> map.put(tag.key(), tag.value()));
        return Collections.unmodifiableMap(map);
    }
}
