package dev.kmstags.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagPlanTest {

    private static final Map<String, String> ORIGINAL = linked("Env", "dev", "Team", "payments", "Owner", "alice");

    private static Map<String, String> linked(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static List<EditedTag> unchanged() {
        List<EditedTag> rows = new ArrayList<>();
        ORIGINAL.forEach((k, v) -> rows.add(EditedTag.loaded(k, k, v)));
        return rows;
    }

    @Test
    void noEditsMeanNoCalls() {
        TagPlan plan = TagPlan.between(ORIGINAL, unchanged());

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.calls()).isEmpty();
    }

    @Test
    void overwritingAnExistingKeyShowsOldAndNewValueAndTagsOnly() {
        List<EditedTag> rows = unchanged();
        rows.set(0, EditedTag.loaded("Env", "Env", "production"));

        TagPlan plan = TagPlan.between(ORIGINAL, rows);

        assertThat(plan.overwritten()).containsExactly(new TagPlan.ValueChange("Env", "dev", "production"));
        assertThat(plan.calls()).containsExactly(new TagPlan.TagCall.TagResource(List.of(new Tag("Env", "production"))));
    }

    @Test
    void removingAndAddingMakeOneUntagThenOneTagCall() {
        List<EditedTag> rows = unchanged();
        rows.remove(2);
        rows.add(EditedTag.added("CostCenter", "CC-1"));
        rows.add(EditedTag.added("Temporary", ""));

        TagPlan plan = TagPlan.between(ORIGINAL, rows);

        assertThat(plan.removed()).containsExactly(new Tag("Owner", "alice"));
        assertThat(plan.added()).containsExactly(new Tag("CostCenter", "CC-1"), new Tag("Temporary", ""));
        assertThat(plan.calls()).containsExactly(
                new TagPlan.TagCall.Untag(List.of("Owner")),
                new TagPlan.TagCall.TagResource(List.of(new Tag("CostCenter", "CC-1"), new Tag("Temporary", ""))));
    }

    @Test
    void aRenameIsARemoveOfTheOldKeyAndAnAddOfTheNewOne() {
        List<EditedTag> rows = unchanged();
        rows.set(1, EditedTag.loaded("Team", "team", "payments"));

        TagPlan plan = TagPlan.between(ORIGINAL, rows);

        assertThat(plan.renamed()).containsExactly(new TagPlan.Rename("Team", "team", "payments", "payments"));
        assertThat(plan.keysToUntag()).containsExactly("Team");
        assertThat(plan.tagsToSet()).containsExactly(new Tag("team", "payments"));
    }

    @Test
    void removingAKeyAndAddingItAgainWithANewValueIsAnOverwrite() {
        List<EditedTag> rows = unchanged();
        rows.remove(0);
        rows.add(EditedTag.added("Env", "staging"));

        TagPlan plan = TagPlan.between(ORIGINAL, rows);

        assertThat(plan.removed()).isEmpty();
        assertThat(plan.overwritten()).containsExactly(new TagPlan.ValueChange("Env", "dev", "staging"));
        assertThat(plan.keysToUntag()).isEmpty();
    }

    @Test
    void renamingOntoAKeyThatIsReAddedKeepsTheReAddedKeyOutOfTheUntagCall() {
        List<EditedTag> rows = unchanged();
        rows.set(0, EditedTag.loaded("Env", "Environment", "dev"));
        rows.add(EditedTag.added("Env", "new"));

        TagPlan plan = TagPlan.between(ORIGINAL, rows);

        assertThat(plan.keysToUntag()).isEmpty();
        assertThat(plan.tagsToSet()).containsExactly(new Tag("Environment", "dev"), new Tag("Env", "new"));
        assertThat(plan.renamed()).isEmpty();
    }

    @Test
    void fiftyTagsAfterTheMergeAreFineAndFiftyOneBreakTheLimit() {
        Map<String, String> original = new LinkedHashMap<>();
        List<EditedTag> rows = new ArrayList<>();
        for (int i = 0; i < 49; i++) {
            original.put("k" + i, "v");
            rows.add(EditedTag.loaded("k" + i, "k" + i, "v"));
        }
        rows.add(EditedTag.added("k49", "v"));
        assertThat(TagPlan.between(original, rows).violations()).isEmpty();

        rows.add(EditedTag.added("k50", "v"));
        assertThat(TagPlan.between(original, rows).violations()).extracting(TagViolation::rule)
                .containsExactly(TagRule.TOO_MANY_TAGS);
    }

    @Test
    void brokenTargetTagsAreViolations() {
        List<EditedTag> rows = unchanged();
        rows.add(EditedTag.added("AWS:cost", "1"));
        rows.add(EditedTag.added("Env", "again"));

        assertThat(TagPlan.between(ORIGINAL, rows).violations()).extracting(TagViolation::rule)
                .containsExactly(TagRule.KEY_RESERVED, TagRule.KEY_DUPLICATE);
    }

    @Test
    void afterUntagOnlyTellsWhatIsOnTheKeyWhenTheSecondCallFails() {
        List<EditedTag> rows = unchanged();
        rows.remove(2);
        rows.add(EditedTag.added("New", "x"));

        assertThat(TagPlan.between(ORIGINAL, rows).afterUntagOnly())
                .containsExactlyEntriesOf(linked("Env", "dev", "Team", "payments"));
    }

    @Test
    void removingAKeyAndAddingItAgainWithTheSameValueChangesNothing() {
        List<EditedTag> rows = unchanged();
        rows.remove(1);
        rows.add(EditedTag.added("Team", "payments"));

        TagPlan plan = TagPlan.between(ORIGINAL, rows);

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.calls()).isEmpty();
    }

    @Test
    void renamingAKeyAndAddingTheOldKeyAgainIsAnOverwriteAndAnAdd() {
        List<EditedTag> rows = unchanged();
        rows.set(1, EditedTag.loaded("Team", "Squad", "payments"));
        rows.add(EditedTag.added("Team", "platform"));

        TagPlan plan = TagPlan.between(ORIGINAL, rows);

        assertThat(plan.renamed()).isEmpty();
        assertThat(plan.keysToUntag()).isEmpty();
        assertThat(plan.overwritten()).containsExactly(new TagPlan.ValueChange("Team", "payments", "platform"));
        assertThat(plan.added()).containsExactly(new Tag("Squad", "payments"));
    }

    @Test
    void aRenameWithANewValueShowsBothValues() {
        List<EditedTag> rows = unchanged();
        rows.set(0, EditedTag.loaded("Env", "Environment", "prod"));

        TagPlan plan = TagPlan.between(ORIGINAL, rows);

        assertThat(plan.renamed()).containsExactly(new TagPlan.Rename("Env", "Environment", "dev", "prod"));
        assertThat(plan.calls()).containsExactly(new TagPlan.TagCall.Untag(List.of("Env")),
                new TagPlan.TagCall.TagResource(List.of(new Tag("Environment", "prod"))));
    }

    @Test
    void removingEveryTagIsOneUntagCallAndNothingElse() {
        TagPlan plan = TagPlan.between(ORIGINAL, List.of());

        assertThat(plan.calls()).containsExactly(new TagPlan.TagCall.Untag(List.of("Env", "Team", "Owner")));
        assertThat(plan.afterUntagOnly()).isEmpty();
    }

    @Test
    void atFiftyTagsARemoveAndAnAddInTheSameEditStayWithinTheLimit() {
        Map<String, String> original = new LinkedHashMap<>();
        List<EditedTag> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            original.put("k" + i, "v");
            rows.add(EditedTag.loaded("k" + i, "k" + i, "v"));
        }
        rows.remove(0);
        rows.add(EditedTag.added("new", "v"));

        TagPlan plan = TagPlan.between(original, rows);

        assertThat(plan.violations()).isEmpty();
        assertThat(plan.calls().get(0)).isEqualTo(new TagPlan.TagCall.Untag(List.of("k0")));
        assertThat(plan.afterUntagOnly()).hasSize(49);
    }

    @Test
    void aRenamedKeyCountsOnceAgainstTheLimit() {
        Map<String, String> original = new LinkedHashMap<>();
        List<EditedTag> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            original.put("k" + i, "v");
            rows.add(EditedTag.loaded("k" + i, "k" + i, "v"));
        }
        rows.set(7, EditedTag.loaded("k7", "renamed", "v"));

        assertThat(TagPlan.between(original, rows).violations()).isEmpty();
    }

    @Test
    void aRenameCountsAsOneChangeAndIsNotAlsoListedAsAddedAndRemoved() {
        List<EditedTag> rows = unchanged();
        rows.set(1, EditedTag.loaded("Team", "Squad", "payments"));
        rows.add(EditedTag.added("CostCenter", "CC-1"));
        TagPlan plan = TagPlan.between(ORIGINAL, rows);

        assertThat(plan.changeCount()).isEqualTo(2);
        assertThat(plan.addedApartFromRenames()).containsExactly(new Tag("CostCenter", "CC-1"));
        assertThat(plan.removedApartFromRenames()).isEmpty();
        assertThat(plan.added()).extracting(Tag::key).containsExactly("Squad", "CostCenter");
        assertThat(plan.keysToUntag()).containsExactly("Team");
    }

    @Test
    void anAwsKeyInAnyCaseIsAViolationOfThePlan() {
        List<EditedTag> rows = unchanged();
        rows.add(EditedTag.added("aWs:x", "1"));

        assertThat(TagPlan.between(ORIGINAL, rows).violations())
                .containsExactly(new TagViolation(TagRule.KEY_RESERVED, 3, "aWs:x"));
    }
}
