package dev.kmstags.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an edit of a key's tags changes, and the KMS calls that make it so: at most one UntagResource (the keys
 * that go) followed by at most one TagResource (the tags that are new or get a new value). Untagging first means a
 * renamed key never briefly counts twice against the 50-tag limit.
 */
public final class TagPlan {

    private final Map<String, String> original;
    private final List<Tag> target;
    private final List<Tag> added = new ArrayList<>();
    private final List<ValueChange> overwritten = new ArrayList<>();
    private final List<Tag> removed = new ArrayList<>();
    private final List<Rename> renamed = new ArrayList<>();

    private TagPlan(Map<String, String> original, List<EditedTag> rows) {
        this.original = Collections.unmodifiableMap(new LinkedHashMap<>(original));
        this.target = rows.stream().map(EditedTag::toTag).toList();
        Set<String> targetKeys = target.stream().map(Tag::key).collect(Collectors.toSet());
        for (Tag tag : target) {
            String before = original.get(tag.key());
            if (before == null) {
                added.add(tag);
            } else if (!before.equals(tag.value())) {
                overwritten.add(new ValueChange(tag.key(), before, tag.value()));
            }
        }
        original.forEach((key, value) -> {
            if (!targetKeys.contains(key)) {
                removed.add(new Tag(key, value));
            }
        });
        for (EditedTag row : rows) {
            if (row.originalKey() != null && !row.originalKey().equals(row.key())
                    && !targetKeys.contains(row.originalKey()) && !original.containsKey(row.key())) {
                renamed.add(new Rename(row.originalKey(), row.key(), original.get(row.originalKey()), row.value()));
            }
        }
    }

    /**
     * The plan that takes a key from its {@code original} tags to the tags of {@code rows} (the editor's rows that
     * are not marked removed).
     */
    public static TagPlan between(Map<String, String> original, List<EditedTag> rows) {
        return new TagPlan(original, rows);
    }

    /** The tags the key had when loaded. */
    public Map<String, String> original() {
        return original;
    }

    /** The tags the key will have once the plan is applied. */
    public List<Tag> target() {
        return target;
    }

    /** Tags whose key is new to the key (renamed keys' new names included). */
    public List<Tag> added() {
        return List.copyOf(added);
    }

    /** Tags that keep their key and get a new value. */
    public List<ValueChange> overwritten() {
        return List.copyOf(overwritten);
    }

    /** Tags whose key goes (renamed keys' old names included). */
    public List<Tag> removed() {
        return List.copyOf(removed);
    }

    /** Rows whose key was renamed: carried out as a remove of the old key and an add of the new one. */
    public List<Rename> renamed() {
        return List.copyOf(renamed);
    }

    /** Tags whose key is new to the key, renamed keys' new names left out: the review lists those as renames. */
    public List<Tag> addedApartFromRenames() {
        Set<String> newNames = renamed.stream().map(Rename::newKey).collect(Collectors.toSet());
        return added.stream().filter(tag -> !newNames.contains(tag.key())).toList();
    }

    /** Tags whose key goes, renamed keys' old names left out. */
    public List<Tag> removedApartFromRenames() {
        Set<String> oldNames = renamed.stream().map(Rename::oldKey).collect(Collectors.toSet());
        return removed.stream().filter(tag -> !oldNames.contains(tag.key())).toList();
    }

    /** How many tags the plan changes, as a person counts them: a rename is one change, not a remove and an add. */
    public int changeCount() {
        return added.size() + overwritten.size() + removed.size() - renamed.size();
    }

    /** Whether applying the plan would change nothing. */
    public boolean isEmpty() {
        return added.isEmpty() && overwritten.isEmpty() && removed.isEmpty();
    }

    /** Every rule the target tags break; a plan with violations must not be applied. */
    public List<TagViolation> violations() {
        return TagRules.check(target);
    }

    /** The keys for the UntagResource call; empty when none is needed. */
    public List<String> keysToUntag() {
        return removed.stream().map(Tag::key).toList();
    }

    /** The tags for the TagResource call (added and overwritten); empty when none is needed. */
    public List<Tag> tagsToSet() {
        List<Tag> tags = new ArrayList<>(added);
        overwritten.forEach(change -> tags.add(new Tag(change.key(), change.newValue())));
        tags.sort((a, b) -> indexInTarget(a) - indexInTarget(b));
        return tags;
    }

    /** The calls in the order they are made. */
    public List<TagCall> calls() {
        List<TagCall> calls = new ArrayList<>();
        if (!removed.isEmpty()) {
            calls.add(new TagCall.Untag(keysToUntag()));
        }
        List<Tag> toSet = tagsToSet();
        if (!toSet.isEmpty()) {
            calls.add(new TagCall.TagResource(toSet));
        }
        return calls;
    }

    /** The tags on the key after only the UntagResource call succeeded. */
    public Map<String, String> afterUntagOnly() {
        Map<String, String> state = new LinkedHashMap<>(original);
        keysToUntag().forEach(state::remove);
        return state;
    }

    private int indexInTarget(Tag tag) {
        for (int i = 0; i < target.size(); i++) {
            if (target.get(i).key().equals(tag.key())) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** A tag that keeps its key and gets a new value. */
    public record ValueChange(String key, String oldValue, String newValue) {
    }

    /** A key renamed in the editor. */
    public record Rename(String oldKey, String newKey, String oldValue, String newValue) {
    }

    /** One KMS call of a plan. */
    public sealed interface TagCall {

        /** UntagResource with these tag keys. */
        record Untag(List<String> tagKeys) implements TagCall {
            public Untag {
                tagKeys = List.copyOf(tagKeys);
            }
        }

        /** TagResource with these tags. */
        record TagResource(List<Tag> tags) implements TagCall {
            public TagResource {
                tags = List.copyOf(tags);
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TagPlan plan && plan.original.equals(original) && plan.target.equals(target);
    }

    @Override
    public int hashCode() {
        return Objects.hash(original, target);
    }
}
