package dev.kmstags.domain.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmstags.domain.KeyManager;
import dev.kmstags.domain.KeyStates;
import dev.kmstags.domain.KeyStates.ReadOnlyReason;
import dev.kmstags.domain.KeySummary;
import dev.kmstags.domain.KeyTags;
import dev.kmstags.domain.Tag;
import dev.kmstags.domain.TagPlan;
import dev.kmstags.domain.TagRule;
import dev.kmstags.domain.bulk.BulkOperation.ChangeValue;
import dev.kmstags.domain.bulk.BulkOperation.MergeVariants;
import dev.kmstags.domain.bulk.BulkOperation.RemoveTag;
import dev.kmstags.domain.bulk.BulkOperation.RenameKey;
import dev.kmstags.domain.bulk.BulkOperation.ReplaceInValues;
import dev.kmstags.domain.bulk.BulkOperation.SetTag;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each bulk operation on several keys' tags, and the plans, problems and totals they give. */
class BulkEditTest {

    private static Map<String, String> tags(String... keysAndValues) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            tags.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return tags;
    }

    private static BulkSelection keys(Object... idsAndTags) {
        Map<String, Map<String, String>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < idsAndTags.length; i += 2) {
            @SuppressWarnings("unchecked")
            Map<String, String> keyTags = (Map<String, String>) idsAndTags[i + 1];
            byKey.put((String) idsAndTags[i], keyTags);
        }
        return BulkSelection.ofTags(byKey);
    }

    private static Map<String, String> target(KeyPlan plan) {
        Map<String, String> map = new LinkedHashMap<>();
        plan.plan().target().forEach(tag -> map.put(tag.key(), tag.value()));
        return map;
    }

    private static BulkPlan plan(BulkSelection selection, BulkOperation... operations) {
        BulkEdit edit = BulkEdit.EMPTY;
        for (BulkOperation operation : operations) {
            edit = edit.then(operation);
        }
        return edit.plan(selection);
    }

    @Test
    void anEmptySelectionPlansNothing() {
        BulkPlan plan = plan(keys(), new SetTag("Owner", "alice"));

        assertThat(plan.keys()).isEmpty();
        assertThat(plan.ready()).isEmpty();
        assertThat(plan.totals()).isEqualTo(new BulkTotals(0, 0, 0, 0, 0, 0, 0));
        assertThat(plan.totals().estimate(TagCallQuotas.AWS_DEFAULT)).isEqualTo(Duration.ZERO);
    }

    @Test
    void setTagAddsWhereMissingOverwritesWhereDifferentAndLeavesEqualKeysAlone() {
        BulkPlan plan = plan(keys("a", tags("Env", "dev"), "b", tags("Owner", "bob"), "c", tags("Owner", "alice")),
                new SetTag("Owner", "alice"));

        assertThat(plan.keys().get("a").plan().added()).containsExactly(new Tag("Owner", "alice"));
        assertThat(plan.keys().get("b").plan().overwritten())
                .containsExactly(new TagPlan.ValueChange("Owner", "bob", "alice"));
        assertThat(plan.keys().get("c").plan().isEmpty()).isTrue();
        assertThat(plan.ready()).containsOnlyKeys("a", "b");
        assertThat(plan.totals()).isEqualTo(new BulkTotals(2, 1, 1, 0, 0, 0, 2));
    }

    @Test
    void changeValueTouchesOnlyKeysThatHaveTheTag() {
        BulkPlan plan = plan(keys("a", tags("CostCenter", "CC-1"), "b", tags("Env", "dev")),
                new ChangeValue("CostCenter", "CC-2"));

        assertThat(target(plan.keys().get("a"))).isEqualTo(tags("CostCenter", "CC-2"));
        assertThat(plan.keys().get("b").plan().isEmpty()).isTrue();
    }

    @Test
    void removeTagTakesTheKeyOffEveryKeyWithOneUntagEach() {
        BulkPlan plan = plan(keys("a", tags("Temp", "1", "Env", "dev"), "b", tags("Temp", "2"), "c", tags()),
                new RemoveTag("Temp"));

        assertThat(target(plan.keys().get("a"))).isEqualTo(tags("Env", "dev"));
        assertThat(target(plan.keys().get("b"))).isEmpty();
        assertThat(plan.totals()).isEqualTo(new BulkTotals(2, 0, 0, 2, 0, 2, 0));
    }

    @Test
    void renameKeepsTheValueAndStaysOneRename() {
        BulkPlan plan = plan(keys("a", tags("env", "dev", "Owner", "x"), "b", tags("Owner", "y")),
                new RenameKey("env", "Environment"));

        TagPlan a = plan.keys().get("a").plan();
        assertThat(a.renamed()).containsExactly(new TagPlan.Rename("env", "Environment", "dev", "dev"));
        assertThat(a.addedApartFromRenames()).isEmpty();
        assertThat(a.removedApartFromRenames()).isEmpty();
        assertThat(plan.keys().get("b").plan().isEmpty()).isTrue();
        assertThat(plan.totals()).isEqualTo(new BulkTotals(1, 0, 0, 0, 1, 1, 1));
    }

    @Test
    void renameOntoATakenKeyWithAnotherValueIsAProblemOfThatKeyAndChangesNothingThere() {
        BulkPlan plan = plan(keys("a", tags("env", "dev", "Environment", "prod"), "b", tags("env", "test")),
                new RenameKey("env", "Environment"));

        KeyPlan a = plan.keys().get("a");
        assertThat(a.problems())
                .containsExactly(new BulkProblem.RenameTargetTaken("env", "Environment", "dev", "prod"));
        assertThat(a.plan().isEmpty()).isTrue();
        assertThat(a.ready()).isFalse();
        assertThat(plan.withProblems()).containsExactly(a);
        assertThat(plan.ready()).containsOnlyKeys("b");
    }

    @Test
    void renameOntoATakenKeyWithTheSameValueJustDropsTheOldKey() {
        BulkPlan plan = plan(keys("a", tags("env", "dev", "Environment", "dev")), new RenameKey("env", "Environment"));

        assertThat(plan.keys().get("a").problems()).isEmpty();
        assertThat(target(plan.keys().get("a"))).isEqualTo(tags("Environment", "dev"));
    }

    @Test
    void setTagOverTheFiftyTagLimitIsAProblemOfThatKeyOnly() {
        Map<String, String> full = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            full.put("k" + i, "v");
        }
        BulkPlan plan = plan(keys("full", full, "small", tags("Env", "dev")), new SetTag("Owner", "alice"));

        assertThat(plan.keys().get("full").problems()).extracting(problem -> ((BulkProblem.RuleBroken) problem)
                .violation().rule()).containsExactly(TagRule.TOO_MANY_TAGS);
        assertThat(plan.ready()).containsOnlyKeys("small");
        assertThat(plan.totals().keysChanged()).isEqualTo(1);
    }

    @Test
    void setTagWithAReservedKeyBreaksTheRuleOnEveryKey() {
        BulkPlan plan = plan(keys("a", tags(), "b", tags()), new SetTag("aws:owner", "x"));

        assertThat(plan.withProblems()).hasSize(2);
        assertThat(plan.ready()).isEmpty();
    }

    @Test
    void plainReplaceTakesTheTextLiterallyAndCountsMatches() {
        BulkPlan plan = plan(keys("a", tags("Owner", "a.b@old.com", "Team", "old.com"), "b", tags("Owner", "aXb")),
                new ReplaceInValues(".", "$", false));

        assertThat(target(plan.keys().get("a"))).isEqualTo(tags("Owner", "a$b@old$com", "Team", "old$com"));
        assertThat(plan.keys().get("b").plan().isEmpty()).isTrue();
        assertThat(plan.matchCount(0)).isEqualTo(3);
    }

    @Test
    void regexReplaceUsesGroups() {
        BulkPlan plan = plan(keys("a", tags("Owner", "alice@old.example", "CostCenter", "CC-12")),
                new ReplaceInValues("^(\\w+)@old\\.example$", "$1@new.example", true),
                new ReplaceInValues("CC-(?<n>\\d+)", "CC-0${n}", true));

        assertThat(target(plan.keys().get("a"))).isEqualTo(tags("Owner", "alice@new.example", "CostCenter", "CC-012"));
        assertThat(plan.matchCount(0)).isEqualTo(1);
        assertThat(plan.matchCount(1)).isEqualTo(1);
    }

    @Test
    void theMatchCountSeesTheTagsAsTheEarlierStepsLeftThem() {
        BulkPlan plan = plan(keys("a", tags("Env", "dev"), "b", tags("Env", "prod")),
                new SetTag("Env", "dev"), new ReplaceInValues("dev", "development", false));

        assertThat(plan.matchCount(0)).isZero();
        assertThat(plan.matchCount(1)).isEqualTo(2);
    }

    @Test
    void anInvalidRegexIsAClearProblemAndChangesNothing() {
        ReplaceInValues broken = new ReplaceInValues("(unclosed", "x", true);
        BulkPlan plan = plan(keys("a", tags("Env", "(unclosed")), broken);

        assertThat(plan.operationProblems()).singleElement().isInstanceOfSatisfying(BulkProblem.InvalidPattern.class,
                problem -> {
                    assertThat(problem.pattern()).isEqualTo("(unclosed");
                    assertThat(problem.reason()).isEqualTo("Unclosed group");
                });
        assertThat(plan.keys().get("a").plan().isEmpty()).isTrue();
        assertThat(plan.matchCount(0)).isZero();
        assertThat(new ReplaceInValues("(unclosed", "x", false).patternProblem()).isEmpty();
    }

    @Test
    void caseVariantsWithOneValueBecomeTheTargetKeyAsARename() {
        BulkPlan plan = plan(keys("a", tags("env", "dev"), "b", tags("ENV", "prod", "Owner", "x"),
                        "c", tags("Environment", "dev")),
                MergeVariants.ofCase("Env"));

        assertThat(plan.keys().get("a").plan().renamed())
                .containsExactly(new TagPlan.Rename("env", "Env", "dev", "dev"));
        assertThat(target(plan.keys().get("b"))).isEqualTo(tags("Env", "prod", "Owner", "x"));
        assertThat(plan.keys().get("c").plan().isEmpty()).isTrue();
        assertThat(plan.withProblems()).isEmpty();
    }

    @Test
    void confirmedVariantsWithTheSameValueOnOneKeyBecomeOneTag() {
        BulkPlan plan = plan(keys("a", tags("env", "dev", "Environment", "dev", "environment", "dev")),
                MergeVariants.of("Environment", List.of("env", "Env", "environment")));

        assertThat(target(plan.keys().get("a"))).isEqualTo(tags("Environment", "dev"));
        assertThat(plan.keys().get("a").problems()).isEmpty();
    }

    @Test
    void variantsWithDifferentValuesOnOneKeyAreListedUntilTheUserChooses() {
        BulkSelection selection = keys("a", tags("env", "dev", "Env", "prod"), "b", tags("env", "test"));
        MergeVariants merge = MergeVariants.of("Environment", List.of("env", "Env"));
        BulkEdit edit = BulkEdit.EMPTY.then(merge);

        BulkPlan unsettled = edit.plan(selection);
        assertThat(unsettled.keys().get("a").problems()).containsExactly(
                new BulkProblem.VariantClash("Environment", tags("env", "dev", "Env", "prod")));
        assertThat(unsettled.keys().get("a").plan().isEmpty()).isTrue();
        assertThat(unsettled.ready()).containsOnlyKeys("b");

        BulkPlan settled = edit.replace(0, merge.withChoice("a", "prod")).plan(selection);
        assertThat(settled.keys().get("a").problems()).isEmpty();
        assertThat(target(settled.keys().get("a"))).isEqualTo(tags("Environment", "prod"));
        assertThat(settled.ready()).containsOnlyKeys("a", "b");
    }

    @Test
    void stepsComposeInOrderAndUndoDropsTheLast() {
        BulkSelection selection = keys("a", tags("team", "payments", "Temp", "1"));
        BulkEdit edit = BulkEdit.EMPTY.then(new RenameKey("team", "Team")).then(new RemoveTag("Temp"))
                .then(new SetTag("Team", "billing"));

        assertThat(target(edit.plan(selection).keys().get("a"))).isEqualTo(tags("Team", "billing"));
        assertThat(edit.plan(selection).keys().get("a").plan().renamed())
                .containsExactly(new TagPlan.Rename("team", "Team", "payments", "billing"));
        assertThat(target(edit.undoLast().plan(selection).keys().get("a"))).isEqualTo(tags("Team", "payments"));
        assertThat(BulkEdit.EMPTY.undoLast()).isEqualTo(BulkEdit.EMPTY);
        assertThat(edit.operations()).hasSize(3);
    }

    @Test
    void keysThatCannotBeTaggedAreListedUpFrontAndNeverPlanned() {
        List<KeySummary> summaries = List.of(
                new KeySummary("ok", "arn:ok", List.of(), "", KeyStates.ENABLED, KeyManager.CUSTOMER, null),
                new KeySummary("aws", "arn:aws", List.of(), "", KeyStates.ENABLED, KeyManager.AWS, null),
                new KeySummary("gone", "arn:gone", List.of(), "", KeyStates.PENDING_DELETION, KeyManager.CUSTOMER,
                        null),
                new KeySummary("hidden", "arn:hidden", List.of(), "", KeyStates.ENABLED, KeyManager.CUSTOMER, null));
        Map<String, KeyTags> tags = Map.of("ok", KeyTags.read("ok", List.of()),
                "aws", KeyTags.read("aws", List.of()), "gone", KeyTags.read("gone", List.of()),
                "hidden", KeyTags.denied("hidden"));

        BulkPlan plan = BulkEdit.EMPTY.then(new SetTag("Owner", "alice")).plan(BulkSelection.of(summaries, tags));

        assertThat(plan.keys()).containsOnlyKeys("ok");
        assertThat(plan.skipped()).containsExactly(Map.entry("aws", ReadOnlyReason.AWS_MANAGED),
                Map.entry("gone", ReadOnlyReason.PENDING_DELETION), Map.entry("hidden", ReadOnlyReason.TAGS_DENIED));
    }

    @Test
    void aKeyWhoseTagsAreNotLoadedCannotBeSelected() {
        List<KeySummary> summaries = List.of(
                new KeySummary("ok", "arn:ok", List.of(), "", KeyStates.ENABLED, KeyManager.CUSTOMER, null));

        assertThatThrownBy(() -> BulkSelection.of(summaries, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ok");
    }

    @Test
    void theEstimateIsTheSlowerStreamPlusOneTagIntervalWhenBothKindsAreMade() {
        assertThat(TagCallQuotas.AWS_DEFAULT.timeFor(0, 1000)).isEqualTo(Duration.ofSeconds(100));
        assertThat(TagCallQuotas.AWS_DEFAULT.timeFor(1000, 0)).isEqualTo(Duration.ofSeconds(200));
        assertThat(TagCallQuotas.AWS_DEFAULT.timeFor(1000, 1000)).isEqualTo(Duration.ofMillis(200_100));
        assertThat(TagCallQuotas.AWS_DEFAULT.timeFor(10, 1000)).isEqualTo(Duration.ofSeconds(100));
        assertThat(new TagCallQuotas(50, 20).timeFor(100, 100)).isEqualTo(Duration.ofMillis(5020));
    }
}
