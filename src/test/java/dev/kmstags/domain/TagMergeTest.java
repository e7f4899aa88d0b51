package dev.kmstags.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmstags.domain.TagMerge.Conflict;
import dev.kmstags.domain.TagMerge.KeyValues;
import dev.kmstags.domain.TagMerge.Side;
import dev.kmstags.domain.TagMerge.TheirChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every way an edit and another's change of the same key's tags can meet. */
class TagMergeTest {

    /** The tags when the edit started. */
    private static final Map<String, String> BASE = tags("Env", "dev", "Team", "payments", "Owner", "alice");

    private static Map<String, String> tags(String... keysAndValues) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            tags.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return tags;
    }

    /** The editor's rows, each unchanged, to edit in a test. */
    private static List<EditedTag> unchanged() {
        List<EditedTag> rows = new ArrayList<>();
        BASE.forEach((key, value) -> rows.add(EditedTag.loaded(key, key, value)));
        return rows;
    }

    private static TagPlan yours(List<EditedTag> rows) {
        return TagPlan.between(BASE, rows);
    }

    private static List<EditedTag> replace(List<EditedTag> rows, String originalKey, EditedTag row) {
        rows.replaceAll(old -> originalKey.equals(old.originalKey()) ? row : old);
        return rows;
    }

    private static List<EditedTag> without(List<EditedTag> rows, String originalKey) {
        rows.removeIf(row -> originalKey.equals(row.originalKey()));
        return rows;
    }

    private static List<EditedTag> with(List<EditedTag> rows, String key, String value) {
        rows.add(EditedTag.added(key, value));
        return rows;
    }

    private static Map<String, String> target(TagMerge.Result result) {
        Map<String, String> tags = new LinkedHashMap<>();
        result.plan().target().forEach(tag -> tags.put(tag.key(), tag.value()));
        return tags;
    }

    private static Map<String, String> theirsWith(String... changes) {
        Map<String, String> theirs = new LinkedHashMap<>(BASE);
        for (int i = 0; i < changes.length; i += 2) {
            if (changes[i + 1] == null) {
                theirs.remove(changes[i]);
            } else {
                theirs.put(changes[i], changes[i + 1]);
            }
        }
        return theirs;
    }

    @Test
    void aTagOnlyTheyAddedIsKeptAndOnlyMyChangeIsWritten() {
        TagPlan mine = yours(replace(unchanged(), "Owner", EditedTag.loaded("Owner", "Owner", "bob")));
        Map<String, String> theirs = theirsWith("AccessGroup", "payments-readers");

        TagMerge merge = TagMerge.of(mine, theirs);
        TagMerge.Result result = merge.resolve();

        assertThat(merge.conflicts()).isEmpty();
        assertThat(result.plan().original()).isEqualTo(theirs);
        assertThat(target(result)).isEqualTo(tags("Env", "dev", "Team", "payments", "Owner", "bob",
                "AccessGroup", "payments-readers"));
        assertThat(result.plan().calls()).containsExactly(
                new TagPlan.TagCall.TagResource(List.of(new Tag("Owner", "bob"))));
        assertThat(result.kept()).containsExactly(
                new TheirChange("AccessGroup", null, "payments-readers", "payments-readers"));
        assertThat(result.undone()).isEmpty();
    }

    @Test
    void onlyTheirChangesLeaveNothingToWrite() {
        TagPlan mine = yours(unchanged());
        Map<String, String> theirs = theirsWith("Env", "staging", "Owner", null);

        TagMerge merge = TagMerge.of(mine, theirs);

        assertThat(merge.conflicts()).isEmpty();
        assertThat(merge.resolve().plan().isEmpty()).isTrue();
        assertThat(merge.resolve().kept()).containsExactly(new TheirChange("Env", "dev", "staging", "staging"),
                new TheirChange("Owner", "alice", null, null));
    }

    @Test
    void onlyMyChangesAreAppliedAsTheyAre() {
        TagPlan mine = yours(with(without(replace(unchanged(), "Env", EditedTag.loaded("Env", "Env", "prod")),
                "Owner"), "CostCenter", "CC-1"));

        TagMerge.Result result = TagMerge.of(mine, BASE).resolve();

        assertThat(result.plan()).isEqualTo(mine);
        assertThat(result.kept()).isEmpty();
        assertThat(result.undone()).isEmpty();
    }

    @Test
    void bothAddingTheSameKeyWithTheSameValueIsNoConflictAndWritesNothing() {
        TagPlan mine = yours(with(unchanged(), "CostCenter", "CC-1"));

        TagMerge merge = TagMerge.of(mine, theirsWith("CostCenter", "CC-1"));

        assertThat(merge.conflicts()).isEmpty();
        assertThat(merge.resolve().plan().isEmpty()).isTrue();
        assertThat(merge.resolve().kept()).as("their change is also mine: nothing to point out").isEmpty();
    }

    @Test
    void bothAddingTheSameKeyWithDifferentValuesIsAConflictEitherSideCanWin() {
        TagPlan mine = yours(with(unchanged(), "CostCenter", "CC-1"));
        TagMerge merge = TagMerge.of(mine, theirsWith("CostCenter", "CC-2"));

        Conflict conflict = new Conflict(List.of(new KeyValues("CostCenter", null, "CC-2", "CC-1")));
        assertThat(merge.conflicts()).containsExactly(conflict);

        TagMerge.Result mineWins = merge.resolve(Map.of(conflict, Side.MINE));
        assertThat(mineWins.plan().overwritten())
                .containsExactly(new TagPlan.ValueChange("CostCenter", "CC-2", "CC-1"));
        assertThat(mineWins.undone()).containsExactly(new TheirChange("CostCenter", null, "CC-2", "CC-1"));

        TagMerge.Result theirsWin = merge.resolve(Map.of(conflict, Side.THEIRS));
        assertThat(theirsWin.plan().isEmpty()).isTrue();
        assertThat(theirsWin.kept()).containsExactly(new TheirChange("CostCenter", null, "CC-2", "CC-2"));
    }

    @Test
    void bothRemovingATagIsNoConflict() {
        TagMerge merge = TagMerge.of(yours(without(unchanged(), "Owner")), theirsWith("Owner", null));

        assertThat(merge.conflicts()).isEmpty();
        assertThat(merge.resolve().plan().isEmpty()).isTrue();
    }

    @Test
    void bothChangingAValueToTheSameIsNoConflict() {
        TagMerge merge = TagMerge.of(yours(replace(unchanged(), "Env", EditedTag.loaded("Env", "Env", "prod"))),
                theirsWith("Env", "prod", "Team", "platform"));

        assertThat(merge.conflicts()).isEmpty();
        assertThat(target(merge.resolve())).isEqualTo(tags("Env", "prod", "Team", "platform", "Owner", "alice"));
        assertThat(merge.resolve().plan().isEmpty()).isTrue();
    }

    @Test
    void bothChangingAValueDifferentlyIsAConflict() {
        TagMerge merge = TagMerge.of(yours(replace(unchanged(), "Env", EditedTag.loaded("Env", "Env", "prod"))),
                theirsWith("Env", "staging"));

        Conflict conflict = new Conflict(List.of(new KeyValues("Env", "dev", "staging", "prod")));
        assertThat(merge.conflicts()).containsExactly(conflict);
        assertThat(merge.resolve(Map.of(conflict, Side.MINE)).undone())
                .containsExactly(new TheirChange("Env", "dev", "staging", "prod"));
    }

    @Test
    void removingWhatTheyChangedIsAConflictBothWays() {
        TagMerge iRemoved = TagMerge.of(yours(without(unchanged(), "Owner")), theirsWith("Owner", "bob"));
        TagMerge theyRemoved = TagMerge.of(yours(replace(unchanged(), "Owner",
                EditedTag.loaded("Owner", "Owner", "bob"))), theirsWith("Owner", null));

        Conflict mineRemoved = new Conflict(List.of(new KeyValues("Owner", "alice", "bob", null)));
        assertThat(iRemoved.conflicts()).containsExactly(mineRemoved);
        assertThat(iRemoved.resolve(Map.of(mineRemoved, Side.MINE)).plan().keysToUntag()).containsExactly("Owner");

        Conflict theirsRemoved = new Conflict(List.of(new KeyValues("Owner", "alice", null, "bob")));
        assertThat(theyRemoved.conflicts()).containsExactly(theirsRemoved);
        TagMerge.Result addedBack = theyRemoved.resolve(Map.of(theirsRemoved, Side.MINE));
        assertThat(addedBack.plan().added()).containsExactly(new Tag("Owner", "bob"));
        assertThat(addedBack.undone()).containsExactly(new TheirChange("Owner", "alice", null, "bob"));
    }

    @Test
    void aRenameMeetingTheirChangeOfTheOldKeysValueIsOneConflictOverBothKeys() {
        TagPlan mine = yours(replace(unchanged(), "Team", EditedTag.loaded("Team", "Squad", "payments")));
        TagMerge merge = TagMerge.of(mine, theirsWith("Team", "platform"));

        Conflict conflict = new Conflict(List.of(new KeyValues("Team", "payments", "platform", null),
                new KeyValues("Squad", null, null, "payments")));
        assertThat(merge.conflicts()).containsExactly(conflict);

        TagMerge.Result mineWins = merge.resolve(Map.of(conflict, Side.MINE));
        assertThat(target(mineWins)).isEqualTo(tags("Env", "dev", "Squad", "payments", "Owner", "alice"));
        assertThat(mineWins.plan().renamed()).as("still one rename, now over their value").containsExactly(
                new TagPlan.Rename("Team", "Squad", "platform", "payments"));
        assertThat(mineWins.undone()).containsExactly(new TheirChange("Team", "payments", "platform", null));

        TagMerge.Result theirsWin = merge.resolve(Map.of(conflict, Side.THEIRS));
        assertThat(target(theirsWin)).as("the rename goes as a whole")
                .isEqualTo(tags("Env", "dev", "Team", "platform", "Owner", "alice"));
        assertThat(theirsWin.plan().isEmpty()).isTrue();
    }

    @Test
    void aRenameOfATagTheyRemovedIsAConflict() {
        TagPlan mine = yours(replace(unchanged(), "Team", EditedTag.loaded("Team", "Squad", "payments")));
        TagMerge merge = TagMerge.of(mine, theirsWith("Team", null));

        assertThat(merge.conflicts()).hasSize(1);
        Conflict conflict = merge.conflicts().get(0);
        assertThat(conflict.keys()).extracting(KeyValues::key).containsExactly("Team", "Squad");

        assertThat(merge.resolve(Map.of(conflict, Side.MINE)).plan().added())
                .containsExactly(new Tag("Squad", "payments"));
        assertThat(merge.resolve(Map.of(conflict, Side.THEIRS)).plan().isEmpty()).isTrue();
    }

    @Test
    void aRenameToAKeyTheyAddedWithAnotherValueIsAConflict() {
        TagPlan mine = yours(replace(unchanged(), "Team", EditedTag.loaded("Team", "Squad", "payments")));
        TagMerge merge = TagMerge.of(mine, theirsWith("Squad", "checkout"));

        Conflict conflict = new Conflict(List.of(new KeyValues("Team", "payments", "payments", null),
                new KeyValues("Squad", null, "checkout", "payments")));
        assertThat(merge.conflicts()).containsExactly(conflict);

        TagMerge.Result mineWins = merge.resolve(Map.of(conflict, Side.MINE));
        assertThat(mineWins.plan().calls()).containsExactly(new TagPlan.TagCall.Untag(List.of("Team")),
                new TagPlan.TagCall.TagResource(List.of(new Tag("Squad", "payments"))));
        assertThat(mineWins.undone()).containsExactly(new TheirChange("Squad", null, "checkout", "payments"));
        assertThat(target(merge.resolve(Map.of(conflict, Side.THEIRS))))
                .isEqualTo(tags("Env", "dev", "Team", "payments", "Owner", "alice", "Squad", "checkout"));
    }

    @Test
    void aRenameToAKeyTheyAddedWithTheSameValueOnlyRemovesTheOldKey() {
        TagPlan mine = yours(replace(unchanged(), "Team", EditedTag.loaded("Team", "Squad", "payments")));
        TagMerge merge = TagMerge.of(mine, theirsWith("Squad", "payments"));

        assertThat(merge.conflicts()).isEmpty();
        assertThat(merge.resolve().plan().calls()).containsExactly(new TagPlan.TagCall.Untag(List.of("Team")));
    }

    @Test
    void aRenameTheyDidTooIsNoConflict() {
        TagPlan mine = yours(replace(unchanged(), "Team", EditedTag.loaded("Team", "Squad", "payments")));
        TagMerge merge = TagMerge.of(mine, theirsWith("Team", null, "Squad", "payments"));

        assertThat(merge.conflicts()).isEmpty();
        assertThat(merge.resolve().plan().isEmpty()).isTrue();
    }

    @Test
    void aRenameWithNobodyElsesChangeStaysOneRename() {
        TagPlan mine = yours(replace(unchanged(), "Team", EditedTag.loaded("Team", "Squad", "payments")));
        Map<String, String> theirs = theirsWith("AccessGroup", "readers");

        TagMerge.Result result = TagMerge.of(mine, theirs).resolve();

        assertThat(result.plan().renamed()).containsExactly(new TagPlan.Rename("Team", "Squad", "payments",
                "payments"));
        assertThat(result.plan().changeCount()).isEqualTo(1);
        assertThat(result.plan().afterUntagOnly()).containsKey("AccessGroup");
    }

    @Test
    void keysDifferingOnlyInCaseAreSeparateTags() {
        TagPlan mine = yours(replace(unchanged(), "Owner", EditedTag.loaded("Owner", "Owner", "bob")));
        TagMerge merge = TagMerge.of(mine, theirsWith("owner", "carol"));

        assertThat(merge.conflicts()).isEmpty();
        assertThat(target(merge.resolve())).containsEntry("Owner", "bob").containsEntry("owner", "carol");
        assertThat(merge.resolve().kept()).containsExactly(new TheirChange("owner", null, "carol", "carol"));
    }

    @Test
    void conflictsAndCleanChangesMixAndEachConflictNeedsAChoice() {
        TagPlan mine = yours(with(replace(unchanged(), "Env", EditedTag.loaded("Env", "Env", "prod")),
                "CostCenter", "CC-1"));
        TagMerge merge = TagMerge.of(mine, theirsWith("Env", "staging", "Team", "platform"));

        assertThat(merge.conflicts()).extracting(c -> c.keys().get(0).key()).containsExactly("Env");
        assertThatThrownBy(merge::resolve).isInstanceOf(IllegalArgumentException.class);

        TagMerge.Result result = merge.resolve(Map.of(merge.conflicts().get(0), Side.THEIRS));
        assertThat(target(result)).isEqualTo(tags("Env", "staging", "Team", "platform", "Owner", "alice",
                "CostCenter", "CC-1"));
        assertThat(result.plan().calls()).containsExactly(
                new TagPlan.TagCall.TagResource(List.of(new Tag("CostCenter", "CC-1"))));
        assertThat(result.kept()).containsExactly(new TheirChange("Env", "dev", "staging", "staging"),
                new TheirChange("Team", "payments", "platform", "platform"));
    }

    @Test
    void aSecondMergeStillListsTheirValueTheFirstOneOverwrote() {
        TagPlan mine = yours(replace(unchanged(), "Env", EditedTag.loaded("Env", "Env", "prod")));
        TagMerge first = TagMerge.of(mine, theirsWith("Env", "staging"));
        TagMerge.Result firstResult = first.resolve(Map.of(first.conflicts().get(0), Side.MINE));

        Map<String, String> theirsAgain = theirsWith("Env", "staging", "Team", "platform");
        TagMerge.Result second = TagMerge.of(firstResult.plan(), theirsAgain).resolve().withUndoneFrom(firstResult);

        assertThat(second.undone()).containsExactly(new TheirChange("Env", "dev", "staging", "prod"));
        assertThat(second.kept()).containsExactly(new TheirChange("Team", "payments", "platform", "platform"));

        Map<String, String> changedOnceMore = theirsWith("Env", "qa");
        TagMerge third = TagMerge.of(firstResult.plan(), changedOnceMore);
        TagMerge.Result thirdResult = third.resolve(Map.of(third.conflicts().get(0), Side.THEIRS))
                .withUndoneFrom(firstResult);
        assertThat(thirdResult.undone()).as("their newer value is kept now").isEmpty();
    }
}
