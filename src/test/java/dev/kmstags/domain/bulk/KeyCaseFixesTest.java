package dev.kmstags.domain.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.TagPlan;
import dev.kmstags.domain.policy.TagPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Writing tag keys as the tag policy writes them, with the bulk editor's letter-case merge. */
class KeyCaseFixesTest {

    private static final TagPolicy POLICY = TagPolicy.parse("""
            {"tags": {
              "costcenter": {"tag_key": {"@@assign": "CostCenter"}},
              "project": {}
            }}""");

    @Test
    void eachKeyWrittenInOtherCaseIsRenamedToThePolicysCapitalization() {
        Map<String, Map<String, String>> tags = new LinkedHashMap<>();
        tags.put("k1", Map.of("costcenter", "CC-1", "Team", "a"));
        tags.put("k2", Map.of("CostCenter", "CC-2", "Project", "x"));
        tags.put("k3", Map.of("COSTCENTER", "CC-3", "CostCenter", "CC-4"));
        tags.put("k4", Map.of("COSTCENTER", "CC-5", "CostCenter", "CC-5"));

        BulkEdit fixes = KeyCaseFixes.of(POLICY, tags.values());
        BulkPlan plan = fixes.plan(BulkSelection.ofTags(tags));

        assertThat(fixes.operations()).containsExactly(BulkOperation.MergeVariants.ofCase("CostCenter"),
                BulkOperation.MergeVariants.ofCase("project"));
        Map<String, TagPlan> ready = plan.ready();
        assertThat(ready).containsOnlyKeys("k1", "k2", "k4");
        assertThat(ready.get("k1").renamed()).containsExactly(new TagPlan.Rename("costcenter", "CostCenter", "CC-1",
                "CC-1"));
        assertThat(ready.get("k2").renamed()).containsExactly(new TagPlan.Rename("Project", "project", "x", "x"));
        assertThat(ready.get("k4").removed()).extracting(tag -> tag.key()).containsExactly("COSTCENTER");
        assertThat(plan.withProblems()).singleElement().satisfies(clash -> {
            assertThat(clash.keyId()).isEqualTo("k3");
            assertThat(clash.problems()).singleElement().isInstanceOf(BulkProblem.VariantClash.class);
        });
    }

    @Test
    void keysWrittenAsThePolicyWritesThemNeedNoStep() {
        assertThat(KeyCaseFixes.of(POLICY, List.of(Map.of("CostCenter", "CC-1", "Other", "x"))).operations())
                .isEmpty();
    }
}
