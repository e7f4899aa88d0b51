package dev.kmstags.inventory;

import java.util.List;

/**
 * What an import would do: a plan per key named by the file (plans without changes included), and the rows that
 * cannot be applied.
 */
public record ImportResult(ExportFormat format, List<KeyImportPlan> plans, List<ImportProblem> problems) {

    public ImportResult {
        plans = List.copyOf(plans);
        problems = List.copyOf(problems);
    }

    /** The plans that change something. */
    public List<KeyImportPlan> changes() {
        return plans.stream().filter(plan -> !plan.plan().isEmpty()).toList();
    }

    /** Whether the file would change nothing and has no problem. */
    public boolean nothingToDo() {
        return problems.isEmpty() && changes().isEmpty();
    }
}
