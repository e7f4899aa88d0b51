package dev.kmstags.domain.bulk;

import dev.kmstags.domain.KeyStates.ReadOnlyReason;
import dev.kmstags.domain.TagPlan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A bulk edit applied to a selection, ready to review: each editable key's {@link KeyPlan}, the keys left out and
 * why, the problems of the operations themselves, and for each find-and-replace step its number of matches.
 */
public final class BulkPlan {

    private final Map<String, KeyPlan> keys;
    private final Map<String, ReadOnlyReason> skipped;
    private final List<BulkProblem> operationProblems;
    private final List<Integer> matchCounts;

    BulkPlan(Map<String, KeyPlan> keys, Map<String, ReadOnlyReason> skipped, List<BulkProblem> operationProblems,
             List<Integer> matchCounts) {
        this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        this.skipped = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
        this.operationProblems = List.copyOf(operationProblems);
        this.matchCounts = List.copyOf(matchCounts);
    }

    /**
     * The plan of changes made elsewhere, such as an imported file: each key's {@link TagPlan} (checked against the
     * tag rules, whose broken rules become the key's problems), and the keys left out and why.
     *
     * @param plans   key ID to its plan, in the order to show and write them
     * @param skipped key ID to why it is left out
     */
    public static BulkPlan of(Map<String, TagPlan> plans, Map<String, ReadOnlyReason> skipped) {
        Map<String, KeyPlan> keys = new LinkedHashMap<>();
        plans.forEach((keyId, plan) -> keys.put(keyId, KeyPlan.checked(keyId, plan, List.of())));
        return new BulkPlan(keys, skipped, List.of(), List.of());
    }

    /** Every editable key's plan, problems included, in the order selected. */
    public Map<String, KeyPlan> keys() {
        return keys;
    }

    /** The keys left out up front and why. */
    public Map<String, ReadOnlyReason> skipped() {
        return skipped;
    }

    /** Problems of the steps themselves (an invalid regular expression), not of one key. */
    public List<BulkProblem> operationProblems() {
        return operationProblems;
    }

    /** How many matches step {@code index} found over all keys; 0 for a step that is not a find-and-replace. */
    public int matchCount(int index) {
        return matchCounts.get(index);
    }

    /** The keys with problems to settle before they can be written. */
    public List<KeyPlan> withProblems() {
        return keys.values().stream().filter(plan -> !plan.problems().isEmpty()).toList();
    }

    /** The plans to write: keys whose plan changes something and has no problem. */
    public Map<String, TagPlan> ready() {
        Map<String, TagPlan> ready = new LinkedHashMap<>();
        keys.values().stream().filter(KeyPlan::ready).forEach(plan -> ready.put(plan.keyId(), plan.plan()));
        return ready;
    }

    /** The totals of the keys ready to write. */
    public BulkTotals totals() {
        return BulkTotals.of(keys.values());
    }

    /**
     * The totals of the keys ready to write, per region ({@code regionOf} names a key's region by its key ID or
     * ARN), the regions in the order of their first key.
     */
    public Map<String, BulkTotals> totalsByRegion(Function<String, String> regionOf) {
        Map<String, List<KeyPlan>> byRegion = new LinkedHashMap<>();
        keys.values().stream().filter(KeyPlan::ready).forEach(plan -> byRegion
                .computeIfAbsent(regionOf.apply(plan.keyId()), region -> new ArrayList<>()).add(plan));
        Map<String, BulkTotals> totals = new LinkedHashMap<>();
        byRegion.forEach((region, plans) -> totals.put(region, BulkTotals.of(plans)));
        return totals;
    }
}
