package dev.kmstags.domain.bulk;

import dev.kmstags.domain.TagPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a bulk edit does to one key: its plan from the tags as loaded, and the problems that keep the key from
 * being written until the user settles them (broken tag rules, a rename onto a taken key, clashing variants).
 */
public record KeyPlan(String keyId, TagPlan plan, List<BulkProblem> problems) {

    public KeyPlan {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(plan, "plan");
        problems = List.copyOf(problems);
    }

    /** The plan of {@code keyId} with {@code problems} and every tag rule {@code plan} breaks after them. */
    public static KeyPlan checked(String keyId, TagPlan plan, List<BulkProblem> problems) {
        List<BulkProblem> all = new ArrayList<>(problems);
        plan.violations().forEach(violation -> all.add(new BulkProblem.RuleBroken(violation)));
        return new KeyPlan(keyId, plan, all);
    }

    /** Whether the key can be written: its plan changes something and nothing is in the way. */
    public boolean ready() {
        return problems.isEmpty() && !plan.isEmpty();
    }
}
