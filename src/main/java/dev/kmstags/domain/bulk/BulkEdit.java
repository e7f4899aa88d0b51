package dev.kmstags.domain.bulk;

import dev.kmstags.domain.TagPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bulk edit: the operations the user added, in order, applied to each key's tags as loaded. Immutable; adding
 * or undoing a step gives a new edit.
 */
public record BulkEdit(List<BulkOperation> operations) {

    /** An edit with no step yet. */
    public static final BulkEdit EMPTY = new BulkEdit(List.of());

    public BulkEdit {
        operations = List.copyOf(operations);
    }

    /** This edit with {@code operation} as its last step. */
    public BulkEdit then(BulkOperation operation) {
        List<BulkOperation> steps = new ArrayList<>(operations);
        steps.add(operation);
        return new BulkEdit(steps);
    }

    /** This edit without its last step (unchanged when it has none). */
    public BulkEdit undoLast() {
        return operations.isEmpty() ? this : new BulkEdit(operations.subList(0, operations.size() - 1));
    }

    /** This edit with step {@code index} replaced, such as a variant merge given a choice for one key. */
    public BulkEdit replace(int index, BulkOperation operation) {
        List<BulkOperation> steps = new ArrayList<>(operations);
        steps.set(index, operation);
        return new BulkEdit(steps);
    }

    /** Applies every step, in order, to each editable key of {@code selection}. */
    public BulkPlan plan(BulkSelection selection) {
        int[] matches = new int[operations.size()];
        Map<String, KeyPlan> plans = new LinkedHashMap<>();
        selection.editable().forEach((keyId, original) -> {
            KeyDraft draft = new KeyDraft(keyId, original);
            for (int i = 0; i < operations.size(); i++) {
                if (operations.get(i) instanceof BulkOperation.ReplaceInValues replace) {
                    matches[i] += replace.countIn(draft);
                }
                operations.get(i).applyTo(draft);
            }
            plans.put(keyId, KeyPlan.checked(keyId, TagPlan.between(original, draft.rows()), draft.problems()));
        });
        List<BulkProblem> operationProblems = new ArrayList<>();
        for (BulkOperation operation : operations) {
            if (operation instanceof BulkOperation.ReplaceInValues replace) {
                replace.patternProblem().ifPresent(operationProblems::add);
            }
        }
        List<Integer> matchCounts = new ArrayList<>();
        for (int count : matches) {
            matchCounts.add(count);
        }
        return new BulkPlan(plans, selection.skipped(), operationProblems, matchCounts);
    }
}
