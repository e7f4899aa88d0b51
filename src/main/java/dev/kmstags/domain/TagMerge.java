package dev.kmstags.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A three-way merge of one key's tags: the tags when the edit started (the base, {@code yours.original()}), the
 * tags in KMS now (theirs) and the edit's target (yours). Tags only they changed stay as they are; tags only you
 * changed are applied on top of theirs; both sides changing a tag to the same result is no conflict. Only a tag
 * changed on both sides to different results is a {@link Conflict}, for which the caller picks a {@link Side}.
 *
 * <p>A rename is one change of a tag that spans two keys (the old one goes, the new one comes): its keys are
 * compared together, so a rename conflicts with their change of either key, and a choice takes both keys from
 * the same side. Keys are case-sensitive, as in KMS: {@code owner} and {@code Owner} are two tags.
 *
 * <p>The result is a {@link TagPlan} from theirs to the merge, so applying it changes nothing they did except
 * what the chosen sides undo, which {@link Result#undone()} lists.
 */
public final class TagMerge {

    /** Whose version of a conflicting tag the merge takes. */
    public enum Side {
        MINE,
        THEIRS
    }

    /** One tag key on the three sides; a null value means the key is absent there. */
    public record KeyValues(String key, String original, String theirs, String mine) {
    }

    /** A tag both sides changed to different results: one key, or the two keys of a rename. */
    public record Conflict(List<KeyValues> keys) {
        public Conflict {
            keys = List.copyOf(keys);
        }
    }

    /**
     * A change another made in KMS since the edit started: the key's value before ({@code original}), in KMS now
     * ({@code theirs}) and after the merge is applied ({@code merged}); null means absent.
     */
    public record TheirChange(String key, String original, String theirs, String merged) {
    }

    /**
     * A merge ready to review: the plan from theirs to the merged tags, their changes it keeps, and their changes
     * it removes or overwrites.
     */
    public record Result(TagPlan plan, List<TheirChange> kept, List<TheirChange> undone) {
        public Result {
            Objects.requireNonNull(plan, "plan");
            kept = List.copyOf(kept);
            undone = List.copyOf(undone);
        }

        /** A plan that merges nothing: what the editor built, with nobody else's change to keep or undo. */
        public static Result unmerged(TagPlan plan) {
            return new Result(plan, List.of(), List.of());
        }

        /**
         * This result, also listing the changes of others that an {@code earlier} merge undid and this plan still
         * undoes (KMS still holds their value, and the plan still writes the same). When KMS changes again before
         * a merged plan is applied, the next merge starts from that plan, so without this its review would show
         * the overwrite of their value as a plain change.
         */
        public Result withUndoneFrom(Result earlier) {
            Map<String, String> target = new HashMap<>();
            plan.target().forEach(tag -> target.put(tag.key(), tag.value()));
            List<TheirChange> all = new ArrayList<>(undone);
            for (TheirChange change : earlier.undone()) {
                boolean stillUndone = Objects.equals(plan.original().get(change.key()), change.theirs())
                        && Objects.equals(target.get(change.key()), change.merged());
                if (stillUndone && all.stream().noneMatch(listed -> listed.key().equals(change.key()))) {
                    all.add(change);
                }
            }
            return new Result(plan, kept, all);
        }
    }

    private final TagPlan yours;
    private final Map<String, String> original;
    private final Map<String, String> theirs;
    private final Map<String, String> mine = new LinkedHashMap<>();
    private final List<List<String>> groups;
    private final List<Conflict> conflicts = new ArrayList<>();

    private TagMerge(TagPlan yours, Map<String, String> theirs) {
        this.yours = yours;
        this.original = yours.original();
        this.theirs = new LinkedHashMap<>(theirs);
        yours.target().forEach(tag -> mine.put(tag.key(), tag.value()));
        this.groups = groups();
        for (List<String> group : groups) {
            if (conflicting(group)) {
                conflicts.add(new Conflict(group.stream()
                        .map(key -> new KeyValues(key, original.get(key), theirs.get(key), mine.get(key)))
                        .toList()));
            }
        }
    }

    /** Merges {@code yours} (an edit of the tags in its {@code original()}) with {@code theirs}, KMS's tags now. */
    public static TagMerge of(TagPlan yours, Map<String, String> theirs) {
        return new TagMerge(Objects.requireNonNull(yours, "yours"), Objects.requireNonNull(theirs, "theirs"));
    }

    /** The tags both sides changed to different results, in the order of the edit; empty when none. */
    public List<Conflict> conflicts() {
        return List.copyOf(conflicts);
    }

    /** The merge when nothing conflicts. */
    public Result resolve() {
        return resolve(Map.of());
    }

    /**
     * The merge with each conflict taken from the side {@code choices} names.
     *
     * @throws IllegalArgumentException when a conflict has no choice
     */
    public Result resolve(Map<Conflict, Side> choices) {
        Map<String, String> merged = new HashMap<>();
        Set<String> takenFromMine = new LinkedHashSet<>();
        for (List<String> group : groups) {
            Side side = null;
            if (conflicting(group)) {
                side = choices.get(conflictOf(group));
                if (side == null) {
                    throw new IllegalArgumentException("No side chosen for the conflict on " + group);
                }
            }
            for (String key : group) {
                boolean takeMine = side == Side.MINE || side == null && changedByMe(key);
                String value = takeMine ? mine.get(key) : theirs.get(key);
                if (value != null) {
                    merged.put(key, value);
                }
                if (takeMine) {
                    takenFromMine.add(key);
                }
            }
        }
        TagPlan plan = TagPlan.between(theirs, rows(merged, takenFromMine));
        List<TheirChange> kept = new ArrayList<>();
        List<TheirChange> undone = new ArrayList<>();
        for (String key : allKeys()) {
            if (!changedByThem(key)) {
                continue;
            }
            String now = theirs.get(key);
            TheirChange change = new TheirChange(key, original.get(key), now, merged.get(key));
            if (!Objects.equals(now, merged.get(key))) {
                undone.add(change);
            } else if (!Objects.equals(now, mine.get(key))) {
                kept.add(change);
            }
        }
        return new Result(plan, kept, undone);
    }

    /**
     * The merged tags as editor rows over theirs: the edit's order first, then their other tags in KMS's order.
     * A rename taken from mine whose old key is in KMS stays a rename, so the review names it as one.
     */
    private List<EditedTag> rows(Map<String, String> merged, Set<String> takenFromMine) {
        Map<String, String> renamedFrom = new HashMap<>();
        yours.renamed().forEach(rename -> renamedFrom.put(rename.newKey(), rename.oldKey()));
        Set<String> order = new LinkedHashSet<>(mine.keySet());
        order.addAll(theirs.keySet());
        order.addAll(merged.keySet());
        List<EditedTag> rows = new ArrayList<>();
        for (String key : order) {
            String value = merged.get(key);
            if (value == null) {
                continue;
            }
            String oldKey = renamedFrom.get(key);
            if (oldKey != null && takenFromMine.contains(key) && theirs.containsKey(oldKey)
                    && !theirs.containsKey(key) && !merged.containsKey(oldKey)) {
                rows.add(EditedTag.loaded(oldKey, key, value));
            } else if (theirs.containsKey(key)) {
                rows.add(EditedTag.loaded(key, key, value));
            } else {
                rows.add(EditedTag.added(key, value));
            }
        }
        return rows;
    }

    /**
     * Whether both sides changed the tag to different results: a key both changed differently, or for a rename,
     * any change of theirs to the renamed key (its value, or its removal, which the rename would undo under the
     * new name) that does not end where the rename does.
     */
    private boolean conflicting(List<String> group) {
        boolean differ = group.stream().anyMatch(key -> !Objects.equals(mine.get(key), theirs.get(key)));
        boolean keyChangedDifferently = group.stream().anyMatch(key -> changedByMe(key) && changedByThem(key)
                && !Objects.equals(mine.get(key), theirs.get(key)));
        boolean renamedKeyChangedByThem = group.size() == 2 && changedByThem(group.get(0));
        return keyChangedDifferently || renamedKeyChangedByThem && differ;
    }

    private boolean changedByThem(String key) {
        return !Objects.equals(original.get(key), theirs.get(key));
    }

    private boolean changedByMe(String key) {
        return !Objects.equals(original.get(key), mine.get(key));
    }

    private Conflict conflictOf(List<String> group) {
        return conflicts.stream().filter(conflict -> conflict.keys().get(0).key().equals(group.get(0)))
                .findFirst().orElseThrow();
    }

    /** Every key any side has: the edit's first, then the base's, then theirs. */
    private Set<String> allKeys() {
        Set<String> keys = new LinkedHashSet<>(mine.keySet());
        keys.addAll(original.keySet());
        keys.addAll(theirs.keySet());
        return keys;
    }

    /** The keys compared together: each key alone, except a rename's old and new key, which go as one. */
    private List<List<String>> groups() {
        Map<String, List<String>> renameGroups = new HashMap<>();
        for (TagPlan.Rename rename : yours.renamed()) {
            List<String> group = List.of(rename.oldKey(), rename.newKey());
            renameGroups.put(rename.oldKey(), group);
            renameGroups.put(rename.newKey(), group);
        }
        List<List<String>> result = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (String key : allKeys()) {
            if (placed.add(key)) {
                List<String> group = renameGroups.getOrDefault(key, List.of(key));
                placed.addAll(group);
                result.add(group);
            }
        }
        return result;
    }
}
