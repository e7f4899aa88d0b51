package dev.kmstags.domain.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.EditedTag;
import dev.kmstags.domain.KeyStates.ReadOnlyReason;
import dev.kmstags.domain.TagPlan;
import dev.kmstags.domain.TagRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A bulk plan made from per-key plans, as an imported file gives them, rather than from bulk operations. */
class BulkPlanTest {

    private static TagPlan plan(Map<String, String> original, EditedTag... rows) {
        return TagPlan.between(original, List.of(rows));
    }

    @Test
    void aPlanOfPerKeyPlansHasTheirTotalsAndTheKeysLeftOut() {
        Map<String, TagPlan> plans = new LinkedHashMap<>();
        plans.put("k1", plan(Map.of("env", "dev"), EditedTag.loaded("env", "Environment", "dev"),
                EditedTag.added("Owner", "alice")));
        plans.put("k2", plan(Map.of("Owner", "bob"), EditedTag.loaded("Owner", "Owner", "alice")));
        plans.put("k3", plan(Map.of("Owner", "alice"), EditedTag.loaded("Owner", "Owner", "alice")));

        BulkPlan bulk = BulkPlan.of(plans, Map.of("aws-key", ReadOnlyReason.AWS_MANAGED));

        assertThat(bulk.keys()).containsOnlyKeys("k1", "k2", "k3");
        assertThat(bulk.keys().get("k1").plan()).isEqualTo(plans.get("k1"));
        assertThat(bulk.ready()).containsOnlyKeys("k1", "k2");
        assertThat(bulk.skipped()).containsEntry("aws-key", ReadOnlyReason.AWS_MANAGED);
        assertThat(bulk.totals()).isEqualTo(new BulkTotals(2, 1, 1, 0, 1, 1, 2));
        assertThat(bulk.operationProblems()).isEmpty();
        assertThat(bulk.withProblems()).isEmpty();
    }

    @Test
    void aKeyWhosePlanBreaksATagRuleHasThatAsItsProblemAndIsNotReady() {
        Map<String, String> full = new LinkedHashMap<>();
        List<EditedTag> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            full.put("t" + i, "v");
            rows.add(EditedTag.loaded("t" + i, "t" + i, "v"));
        }
        rows.add(EditedTag.added("Owner", "alice"));

        BulkPlan bulk = BulkPlan.of(Map.of("k1", TagPlan.between(full, rows)), Map.of());

        assertThat(bulk.ready()).isEmpty();
        assertThat(bulk.withProblems()).singleElement().satisfies(plan -> assertThat(plan.problems())
                .singleElement().isInstanceOfSatisfying(BulkProblem.RuleBroken.class,
                        broken -> assertThat(broken.violation().rule()).isEqualTo(TagRule.TOO_MANY_TAGS)));
    }
}
