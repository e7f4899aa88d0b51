package dev.kmstags.ui.tageditor;

import static dev.kmstags.ui.common.TestKeys.DATES;
import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.KeyManager;
import dev.kmstags.domain.Tag;
import dev.kmstags.domain.TagMerge;
import dev.kmstags.domain.TagPlan;
import dev.kmstags.kms.KmsProblem;
import dev.kmstags.kms.TagService;
import dev.kmstags.domain.policy.TagPolicy;
import dev.kmstags.ui.common.LoadState;
import dev.kmstags.ui.common.PolicyInForce;
import dev.kmstags.ui.common.ScriptedDialogs;
import dev.kmstags.ui.common.TestKeys;
import dev.kmstags.ui.common.TestTaskExecutor;
import dev.kmstags.ui.conflict.ConflictViewModel;
import dev.kmstags.ui.keylist.KeyRowViewModel;
import dev.kmstags.ui.review.ReviewViewModel;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tag editor without a toolkit: editing, checking, undoing, reviewing and merging, on tags held in memory by
 * the rules of the tag service, where a colleague changes the same key. Commits that reach the bundled backend
 * over HTTP, and its failures, are in {@link TagEditorEndToEndTest}.
 */
class TagEditorViewModelTest {

    private final InMemoryTagService colleague = new InMemoryTagService();
    private String keyId;

    private final TestTaskExecutor executor = new TestTaskExecutor();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final ObjectProperty<KeyRowViewModel> selectedKey = new SimpleObjectProperty<>();
    private final ObjectProperty<TagService> tagService = new SimpleObjectProperty<>();
    private final BooleanProperty production = new SimpleBooleanProperty();
    private final StringProperty connectionText = new SimpleStringProperty("test · 111122223333 · us-east-1");
    private final ObjectProperty<PolicyInForce> tagPolicy = new SimpleObjectProperty<>(PolicyInForce.none());
    private TagEditorViewModel editor;

    @BeforeEach
    void start() {
        keyId = createKey(tag("Env", "dev"), tag("Team", "payments"), tag("Owner", "alice"));
        tagService.set(colleague);
        editor = new TagEditorViewModel(executor, MESSAGES, dialogs, selectedKey, tagService, production,
                connectionText, new SimpleObjectProperty<>(), new SimpleBooleanProperty(false), tagPolicy);
        select(keyId, KeyManager.CUSTOMER, "Enabled");
    }

    private String createKey(Tag... tags) {
        return colleague.createKey(tags);
    }

    private static Tag tag(String key, String value) {
        return new Tag(key, value);
    }

    private void select(String id, KeyManager manager, String state) {
        selectedKey.set(new KeyRowViewModel(TestKeys.key(id, List.of("alias/payments-prod"), "Payments", state,
                manager), MESSAGES, DATES));
    }

    private Map<String, String> kmsTags() {
        return colleague.tags(keyId);
    }

    private TagRowViewModel row(String key) {
        return editor.rows().stream().filter(row -> key.equals(row.keyProperty().get())).findFirst().orElseThrow();
    }

    private TagRowViewModel add(String key, String value) {
        TagRowViewModel row = editor.addTag();
        row.keyProperty().set(key);
        row.valueProperty().set(value);
        return row;
    }

    /** Changes Env to production and applies it; the commit waits until the test runs the held work. */
    private void applyEnvProductionHeld() {
        row("Env").valueProperty().set("production");
        dialogs.applyNextReview();
        executor.holdWork();
        editor.review();
    }

    private void remove(String key) {
        editor.selectedRowProperty().set(row(key));
        editor.removeOrRestoreSelected();
    }

    @Test
    void selectingAKeyLoadsItsTagsUnchanged() {
        assertThat(editor.loadStateProperty().get()).isEqualTo(LoadState.LOADED);
        assertThat(editor.rows()).extracting(row -> row.keyProperty().get()).containsExactlyInAnyOrder(
                "Env", "Team", "Owner");
        assertThat(editor.rows()).allMatch(row -> row.stateProperty().get() == TagRowViewModel.State.UNCHANGED);
        assertThat(editor.countTextProperty().get()).isEqualTo("3 of 50 tags");
        assertThat(editor.dirtyProperty().get()).isFalse();
        assertThat(editor.canReviewProperty().get()).isFalse();
        assertThat(editor.editableProperty().get()).isTrue();
    }

    @Test
    void changingAValueMarksTheRowChangedAndRevertDiscardsEveryEdit() {
        row("Env").valueProperty().set("production");
        add("CostCenter", "CC-1");
        remove("Owner");

        assertThat(row("Env").stateProperty().get()).isEqualTo(TagRowViewModel.State.CHANGED);
        assertThat(row("Env").originalValue()).isEqualTo("dev");
        assertThat(row("CostCenter").stateProperty().get()).isEqualTo(TagRowViewModel.State.ADDED);
        assertThat(row("Owner").stateProperty().get()).isEqualTo(TagRowViewModel.State.REMOVED);
        assertThat(editor.countTextProperty().get()).isEqualTo("3 of 50 tags");
        assertThat(editor.dirtyProperty().get()).isTrue();
        assertThat(editor.canReviewProperty().get()).isTrue();

        dialogs.answerNextConfirm(true);
        editor.revertAll();

        assertThat(dialogs.shown("confirm")).hasSize(1);
        assertThat(editor.rows()).hasSize(3)
                .allMatch(row -> row.stateProperty().get() == TagRowViewModel.State.UNCHANGED);
        assertThat(row("Env").valueProperty().get()).isEqualTo("dev");
        assertThat(editor.dirtyProperty().get()).isFalse();
    }

    /** Types {@code text} into the {@code field} cell of {@code row} keystroke by keystroke, as the cell does. */
    private void type(TagRowViewModel row, TagRowViewModel.Field field, String text) {
        editor.startCellEdit(row, field);
        for (int end = 1; end <= text.length(); end++) {
            row.property(field).set(text.substring(0, end));
        }
    }

    @Test
    void cellsShowTheTagPolicyAsYouTypeAndAnEnforcedOneIsAnErrorOnlyForWhatIsEdited() {
        tagPolicy.set(new PolicyInForce(TagPolicy.parse("""
                {"tags": {"env": {"tag_key": "ENV", "tag_value": ["dev", "prod*"]},
                          "team": {"tag_key": "Team", "tag_value": ["core"], "enforced_for": ["kms:key"]}}}"""),
                "the tag policy in policy.json"));

        assertThat(row("Env").keyWarningProperty().get())
                .as("a loaded tag is judged too, as a warning").isEqualTo("The tag policy writes this key “ENV”.");
        assertThat(row("Team").valueWarningProperty().get())
                .as("enforced, but not edited: AWS judges only what a change writes")
                .isEqualTo("The tag policy does not allow this value. Allowed: core.");
        assertThat(editor.errors()).isEmpty();

        type(row("Team"), TagRowViewModel.Field.VALUE, "platform");
        assertThat(row("Team").valueErrorProperty().get()).isEqualTo("The tag policy does not allow this value."
                + " Allowed: core. AWS refuses the change: the policy is enforced for KMS keys.");
        assertThat(row("Team").valueWarningProperty().get()).isEmpty();
        assertThat(editor.validProperty().get()).isFalse();
        assertThat(editor.errors()).hasSize(1);

        type(row("Team"), TagRowViewModel.Field.VALUE, "core");
        type(row("Env"), TagRowViewModel.Field.VALUE, "production");
        assertThat(editor.validProperty().get()).isTrue();
        assertThat(row("Env").valueWarningProperty().get()).isEmpty();
        assertThat(editor.warnings()).containsExactly(
                "Key “Env”: The tag policy writes this key “ENV”.");

        tagPolicy.set(PolicyInForce.none());
        assertThat(row("Env").keyWarningProperty().get()).isEmpty();
    }

    @Test
    void aCellEditIsOneUndoStepNotOnePerKeystrokeAndRedoMakesItAgain() {
        assertThat(editor.canUndoProperty().get()).isFalse();
        type(row("Env"), TagRowViewModel.Field.VALUE, "production");
        editor.commitCellEdit();
        assertThat(editor.canUndoProperty().get()).isTrue();

        editor.undo();

        assertThat(row("Env").valueProperty().get()).isEqualTo("dev");
        assertThat(editor.canUndoProperty().get()).as("one step for the whole word").isFalse();
        assertThat(editor.canRedoProperty().get()).isTrue();
        assertThat(editor.dirtyProperty().get()).isFalse();

        editor.redo();

        assertThat(row("Env").valueProperty().get()).isEqualTo("production");
        assertThat(editor.canRedoProperty().get()).isFalse();
        assertThat(editor.dirtyProperty().get()).isTrue();
    }

    @Test
    void undoDuringACellEditTakesBackWhatWasTypedSoFar() {
        type(row("Team"), TagRowViewModel.Field.KEY, "Squad");

        editor.undo();

        assertThat(editor.rows()).extracting(r -> r.keyProperty().get()).containsExactlyInAnyOrder(
                "Env", "Team", "Owner");
    }

    @Test
    void aCellRedrawnDuringItsEditGoesOnWithTheSameUndoStep() {
        type(row("Env"), TagRowViewModel.Field.VALUE, "prod");
        assertThat(editor.startCellEdit(row("Env"), TagRowViewModel.Field.VALUE)).as("resumed").isTrue();
        row("Env").valueProperty().set("production");
        editor.commitCellEdit();

        editor.undo();

        assertThat(row("Env").valueProperty().get()).isEqualTo("dev");
        assertThat(editor.canUndoProperty().get()).isFalse();
    }

    @Test
    void escapePutsBackTheTextAndLeavesNothingToUndo() {
        type(row("Env"), TagRowViewModel.Field.VALUE, "oops");

        editor.cancelCellEdit();

        assertThat(row("Env").valueProperty().get()).isEqualTo("dev");
        assertThat(editor.canUndoProperty().get()).isFalse();
    }

    @Test
    void addingRemovingAndRestoringAreUndoneAndRedoneStepByStep() {
        TagRowViewModel added = editor.addTag();
        type(added, TagRowViewModel.Field.KEY, "CostCenter");
        editor.commitCellEdit();
        remove("Owner");
        remove("Owner");

        editor.undo();
        assertThat(row("Owner").stateProperty().get()).isEqualTo(TagRowViewModel.State.REMOVED);
        editor.undo();
        assertThat(row("Owner").stateProperty().get()).isEqualTo(TagRowViewModel.State.UNCHANGED);
        editor.undo();
        assertThat(added.keyProperty().get()).isEmpty();
        editor.undo();
        assertThat(editor.rows()).hasSize(3).doesNotContain(added);
        assertThat(editor.canUndoProperty().get()).isFalse();

        editor.redo();
        editor.redo();
        assertThat(editor.rows()).contains(added);
        assertThat(added.keyProperty().get()).isEqualTo("CostCenter");
    }

    @Test
    void aNewEditDropsWhatCouldBeRedone() {
        type(row("Env"), TagRowViewModel.Field.VALUE, "production");
        editor.commitCellEdit();
        editor.undo();

        remove("Owner");

        assertThat(editor.canRedoProperty().get()).isFalse();
    }

    @Test
    void revertPutsBackOnlyTheSelectedRowsAsOneUndoStep() {
        row("Env").valueProperty().set("production");
        row("Team").keyProperty().set("Squad");
        TagRowViewModel added = add("CostCenter", "CC-1");
        assertThat(editor.canRevertProperty().get()).as("nothing selected").isFalse();

        editor.selectedRows().setAll(row("Env"), added);
        assertThat(editor.canRevertProperty().get()).isTrue();
        editor.revertSelected();

        assertThat(row("Env").valueProperty().get()).isEqualTo("dev");
        assertThat(editor.rows()).doesNotContain(added);
        assertThat(row("Squad").stateProperty().get()).isEqualTo(TagRowViewModel.State.CHANGED);
        assertThat(dialogs.shown()).as("no question for the selected rows").isEmpty();

        editor.undo();

        assertThat(row("Env").valueProperty().get()).isEqualTo("production");
        assertThat(editor.rows()).contains(added);
    }

    @Test
    void revertAllAsksFirstWhenSeveralRowsAreEditedAndIsUndoable() {
        row("Env").valueProperty().set("production");
        remove("Owner");

        dialogs.answerNextConfirm(false);
        editor.revertAll();
        assertThat(dialogs.shown("confirm")).extracting(ScriptedDialogs.Shown::header)
                .containsExactly("Discard the edits of 2 tags of alias/payments-prod?");
        assertThat(editor.dirtyProperty().get()).as("Cancel keeps the edits").isTrue();

        dialogs.answerNextConfirm(true);
        editor.revertAll();
        assertThat(editor.dirtyProperty().get()).isFalse();

        editor.undo();
        assertThat(row("Env").valueProperty().get()).isEqualTo("production");
        assertThat(row("Owner").stateProperty().get()).isEqualTo(TagRowViewModel.State.REMOVED);
    }

    @Test
    void revertAllOfASingleEditAsksNothing() {
        row("Env").valueProperty().set("production");

        editor.revertAll();

        assertThat(dialogs.shown()).isEmpty();
        assertThat(editor.dirtyProperty().get()).isFalse();
    }

    @Test
    void theHistoryBelongsToTheKeyShownAndEndsWhenTheTagsAreLoadedAgain() {
        type(row("Env"), TagRowViewModel.Field.VALUE, "production");
        editor.commitCellEdit();
        dialogs.answerNextUnsavedEdits(UnsavedEditsChoice.DISCARD);
        assertThat(editor.mayLeave()).isTrue();
        assertThat(editor.canUndoProperty().get()).isFalse();

        remove("Owner");
        editor.reload();
        assertThat(editor.canUndoProperty().get()).isFalse();

        remove("Owner");
        select(createKey(tag("Env", "test")), KeyManager.CUSTOMER, "Enabled");
        assertThat(editor.canUndoProperty().get()).isFalse();
        assertThat(editor.canRedoProperty().get()).isFalse();
    }

    @Test
    void changingAValueBackToTheLoadedOneIsNoEdit() {
        row("Env").valueProperty().set("production");
        row("Env").valueProperty().set("dev");

        assertThat(row("Env").stateProperty().get()).isEqualTo(TagRowViewModel.State.UNCHANGED);
        assertThat(editor.dirtyProperty().get()).isFalse();
    }

    @Test
    void removingARestoresItAndRemovingAnAddedRowDropsIt() {
        remove("Owner");
        remove("Owner");
        assertThat(row("Owner").stateProperty().get()).isEqualTo(TagRowViewModel.State.UNCHANGED);

        add("Temp", "x");
        remove("Temp");
        assertThat(editor.rows()).extracting(r -> r.keyProperty().get()).doesNotContain("Temp");
        assertThat(editor.dirtyProperty().get()).isFalse();
    }

    @Test
    void anAwsKeyIsMarkedWithWhyAndReviewKeepsApplyDisabled() {
        TagRowViewModel row = add("AWS:owner", "me");

        assertThat(row.invalidProperty().get()).isTrue();
        assertThat(row.keyErrorProperty().get()).isEqualTo(
                "Keys starting with “aws:” (in any letter case) are reserved for AWS. Choose another key.");
        assertThat(editor.errors()).containsExactly("Key “AWS:owner”: Keys starting with “aws:” (in any letter "
                + "case) are reserved for AWS. Choose another key.");
        assertThat(editor.validProperty().get()).isFalse();

        dialogs.applyNextReview();
        editor.review();

        ReviewViewModel review = dialogs.reviews().get(0);
        assertThat(review.canApplyProperty().get()).isFalse();
        assertThat(review.problems()).isEqualTo(editor.errors());
        assertThat(kmsTags()).doesNotContainKey("AWS:owner");
    }

    @Test
    void everyCellIsCheckedAsItChanges() {
        TagRowViewModel added = add("", "");
        assertThat(added.keyErrorProperty().get()).isEqualTo("Enter a key: every tag needs one.");
        assertThat(editor.errors()).containsExactly("Key Row 4: Enter a key: every tag needs one.");

        added.keyProperty().set("k".repeat(129));
        assertThat(added.keyErrorProperty().get()).isEqualTo(
                "The key is 129 characters long; KMS allows at most 128.");
        added.keyProperty().set("\uD83D\uDD11".repeat(128));
        assertThat(added.keyErrorProperty().get()).isEmpty();

        added.valueProperty().set("v".repeat(257));
        assertThat(added.valueErrorProperty().get()).isEqualTo(
                "The value is 257 characters long; KMS allows at most 256.");
        added.valueProperty().set("v".repeat(256));
        assertThat(added.valueErrorProperty().get()).isEmpty();
        assertThat(editor.validProperty().get()).isTrue();
    }

    @Test
    void pastedTextWithHalfASurrogatePairIsACellErrorAndNothingCanBeApplied() {
        TagRowViewModel pasted = add("d\uD800", "2\uDFFF");

        assertThat(pasted.keyErrorProperty().get()).isEqualTo(
                "The key has a broken character (half of a UTF-16 surrogate pair); KMS refuses it. Retype the key.");
        assertThat(pasted.valueErrorProperty().get()).isEqualTo(
                "The value has a broken character (half of a UTF-16 surrogate pair); KMS refuses it. Retype the value.");
        assertThat(editor.validProperty().get()).isFalse();
    }

    @Test
    void aDuplicateKeyIsAnErrorOnBothRowsAndCaseOnlyTwinsAreAWarning() {
        TagRowViewModel twin = add("Env", "again");
        assertThat(twin.keyErrorProperty().get()).isEqualTo(
                "“Env” is in the table more than once; each key may appear only once.");
        assertThat(row("Team").keyErrorProperty().get()).isEmpty();
        assertThat(editor.rows().get(0).keyErrorProperty().get()).isNotEmpty();

        twin.keyProperty().set("env");

        assertThat(twin.keyErrorProperty().get()).isEmpty();
        assertThat(twin.keyWarningProperty().get()).isEqualTo(
                "“env” differs from “Env” only in letter case. KMS keeps them as two separate tags.");
        assertThat(row("Env").keyWarningProperty().get()).contains("“Env” differs from “env”");
        assertThat(editor.validProperty().get()).isTrue();
        assertThat(editor.warnings()).hasSize(2);
    }

    @Test
    void unusualCharactersAreAWarningNotAnError() {
        TagRowViewModel row = add("owner#1", "a*b");

        assertThat(row.keyWarningProperty().get()).startsWith("Has characters other than letters");
        assertThat(row.valueWarningProperty().get()).startsWith("Has characters other than letters");
        assertThat(row.invalidProperty().get()).isFalse();
        assertThat(editor.validProperty().get()).isTrue();
    }

    @Test
    void fiftyTagsAreFineAndTheFiftyFirstIsAnError() {
        for (int i = 0; i < 47; i++) {
            add("k" + i, "v");
        }
        assertThat(editor.countTextProperty().get()).isEqualTo("50 of 50 tags");
        assertThat(editor.validProperty().get()).isTrue();

        add("k47", "v");

        assertThat(editor.overLimitProperty().get()).isTrue();
        assertThat(editor.errors()).containsExactly("The key would carry 51 tags; KMS allows at most 50. Remove 1.");

        remove("Owner");
        assertThat(editor.validProperty().get()).isTrue();
        assertThat(editor.countTextProperty().get()).isEqualTo("50 of 50 tags");
    }

    @Test
    void whileACommitRunsTheEditorIsBusyAndNotEditable() {
        applyEnvProductionHeld();

        assertThat(editor.busyProperty().get()).isTrue();
        assertThat(editor.editableProperty().get()).isFalse();
        assertThat(editor.lastResultProperty().get()).isEqualTo("Applying tag changes to alias/payments-prod…");
        executor.runHeldWork();
        assertThat(editor.busyProperty().get()).isFalse();
        assertThat(kmsTags()).containsEntry("Env", "production");
    }

    @Test
    void cancellingTheReviewSendsNothingAndKeepsTheEdits() {
        row("Env").valueProperty().set("production");
        dialogs.cancelNextReview();

        editor.review();

        assertThat(kmsTags()).containsEntry("Env", "dev");
        assertThat(row("Env").valueProperty().get()).isEqualTo("production");
        assertThat(editor.dirtyProperty().get()).isTrue();
    }

    @Test
    void onAProductionConnectionApplyWaitsForTheAliasOrKeyId() {
        production.set(true);
        row("Env").valueProperty().set("production");
        dialogs.answerNextReview(review -> {
            assertThat(review.confirmationRequired()).isTrue();
            assertThat(review.confirmationPrompt()).isEqualTo(
                    "This connection is marked production. Type alias/payments-prod to apply.");
            assertThat(review.canApplyProperty().get()).isFalse();
            review.confirmationProperty().set("alias/payments");
            assertThat(review.canApplyProperty().get()).isFalse();
            review.confirmationProperty().set(keyId);
            assertThat(review.canApplyProperty().get()).isTrue();
            review.confirmationProperty().set("alias/payments-prod");
            return review.canApplyProperty().get();
        });

        editor.review();

        assertThat(kmsTags()).containsEntry("Env", "production");
    }

    @Test
    void reloadAfterAConflictShowsTheirTags() {
        row("Env").valueProperty().set("production");
        colleague.tag(keyId, tag("Env", "staging"));
        colleague.untag(keyId, "Owner");
        dialogs.applyNextReview().answerNextConflict(ConflictViewModel.Choice.RELOAD);

        editor.review();

        assertThat(dialogs.conflicts().get(0).rows()).extracting(ConflictViewModel.Row::key).containsExactly("Env");
        assertThat(editor.rows()).extracting(r -> r.keyProperty().get()).containsExactlyInAnyOrder("Env", "Team");
        assertThat(row("Env").valueProperty().get()).isEqualTo("staging");
        assertThat(editor.dirtyProperty().get()).isFalse();
        assertThat(dialogs.reviews()).hasSize(1);
    }

    @Test
    void choosingTheirsForAConflictKeepsTheirValueAndStillAppliesMyOtherEdits() {
        row("Env").valueProperty().set("production");
        remove("Owner");
        colleague.tag(keyId, tag("Env", "staging"));
        dialogs.applyNextReview().answerNextConflict(ConflictViewModel.Choice.REVIEW_MERGE);
        dialogs.answerNextReview(review -> {
            assertThat(review.removedLines()).containsExactly("Owner = alice");
            assertThat(review.overwrittenLines()).isEmpty();
            assertThat(review.keptLines()).containsExactly("Kept their change: Env: dev → staging");
            return true;
        });
        // The user picks Theirs for Env in the conflict dialog before choosing Review the merge.
        dialogs.beforeNextConflictAnswer(conflict -> conflict.rows().get(0).sideProperty().set(TagMerge.Side.THEIRS));

        editor.review();

        assertThat(kmsTags()).isEqualTo(Map.of("Env", "staging", "Team", "payments"));
        assertThat(editor.lastResultProperty().get()).isEqualTo("1 tag changed on alias/payments-prod");
    }

    @Test
    void whenKmsChangesAgainBeforeTheMergedReviewIsAppliedItIsMergedAndReviewedOnceMore() {
        row("Owner").valueProperty().set("bob");
        colleague.tag(keyId, tag("AccessGroup", "payments-readers"));
        dialogs.applyNextReview();
        dialogs.answerNextReview(review -> {
            colleague.tag(keyId, tag("Team", "platform"));
            return true;
        });
        dialogs.applyNextReview();

        editor.review();

        assertThat(dialogs.reviews()).hasSize(3);
        assertThat(dialogs.reviews().get(2).keptLines())
                .containsExactly("Kept their change: Team: payments → platform");
        assertThat(dialogs.reviews().get(2).plan().calls()).containsExactly(
                new TagPlan.TagCall.TagResource(List.of(new Tag("Owner", "bob"))));
        assertThat(kmsTags()).isEqualTo(Map.of("Env", "dev", "Team", "platform", "Owner", "bob",
                "AccessGroup", "payments-readers"));
    }

    @Test
    void aLaterMergeStillSaysWhichOfTheirValuesItOverwrites() {
        row("Env").valueProperty().set("production");
        colleague.tag(keyId, tag("Env", "staging"));
        dialogs.applyNextReview().answerNextConflict(ConflictViewModel.Choice.REVIEW_MERGE);
        dialogs.answerNextReview(review -> {
            colleague.tag(keyId, tag("Team", "platform"));
            return true;
        });
        dialogs.applyNextReview();

        editor.review();

        ReviewViewModel last = dialogs.reviews().get(2);
        assertThat(last.undoneLines()).containsExactly("Overwrites their value of Env: staging → production");
        assertThat(last.keptLines()).containsExactly("Kept their change: Team: payments → platform");
        assertThat(kmsTags()).isEqualTo(Map.of("Env", "production", "Team", "platform", "Owner", "alice"));
    }

    @Test
    void aMergeThatWouldCarryTooManyTagsSaysSoAndCannotBeApplied() {
        Tag[] many = new Tag[46];
        for (int i = 0; i < many.length; i++) {
            many[i] = tag("k" + i, "v");
        }
        colleague.tag(keyId, many);
        editor.reload();
        add("Mine", "1");
        colleague.tag(keyId, tag("Theirs", "1"));
        dialogs.applyNextReview().applyNextReview();

        editor.review();

        ReviewViewModel merged = dialogs.reviews().get(1);
        assertThat(merged.problems()).containsExactly("The key would carry 51 tags; KMS allows at most 50. Remove 1.");
        assertThat(merged.canApplyProperty().get()).isFalse();
        assertThat(kmsTags()).hasSize(50).doesNotContainKey("Mine");
    }

    @Test
    void cancellingTheMergedReviewWritesNothingAndKeepsTheEdits() {
        row("Owner").valueProperty().set("bob");
        colleague.tag(keyId, tag("AccessGroup", "payments-readers"));
        dialogs.applyNextReview().cancelNextReview();

        editor.review();

        assertThat(kmsTags()).doesNotContainEntry("Owner", "bob");
        assertThat(row("Owner").valueProperty().get()).isEqualTo("bob");
        assertThat(editor.dirtyProperty().get()).isTrue();
    }

    @Test
    void onProductionTheMergedReviewAsksForTheTypedConfirmationAgainAndNamesTheTarget() {
        production.set(true);
        row("Owner").valueProperty().set("bob");
        colleague.tag(keyId, tag("AccessGroup", "payments-readers"));
        dialogs.answerNextReview(review -> {
            review.confirmationProperty().set("alias/payments-prod");
            return review.canApplyProperty().get();
        });
        dialogs.answerNextReview(review -> {
            assertThat(review.canApplyProperty().get()).as("the first confirmation does not carry over").isFalse();
            review.confirmationProperty().set("alias/payments-prod");
            return review.canApplyProperty().get();
        });

        editor.review();

        assertThat(dialogs.reviews()).extracting(ReviewViewModel::target)
                .containsOnly("Writes to test · 111122223333 · us-east-1");
        assertThat(kmsTags()).containsEntry("Owner", "bob").containsEntry("AccessGroup", "payments-readers");
    }

    @Test
    void whenBothMadeTheSameChangeNothingIsWrittenAndTheTableShowsKms() {
        row("Owner").valueProperty().set("bob");
        colleague.tag(keyId, tag("Owner", "bob"));
        dialogs.applyNextReview();

        editor.review();

        assertThat(dialogs.reviews()).hasSize(1);
        assertThat(editor.dirtyProperty().get()).isFalse();
        assertThat(editor.lastResultProperty().get())
                .isEqualTo("Nothing written to alias/payments-prod: KMS already holds the tags the merge would write");
    }

    @Test
    void aReadOnlyKeyShowsItsTagsButCannotBeEdited() {
        select(keyId, KeyManager.AWS, "Enabled");

        assertThat(editor.rows()).hasSize(3);
        assertThat(editor.readOnlyReasonProperty().get())
                .isEqualTo("AWS manages this key, so its tags cannot be changed.");
        assertThat(editor.editableProperty().get()).isFalse();
        assertThat(editor.canAddProperty().get()).isFalse();
        assertThat(editor.addTag()).isNull();
        editor.selectedRowProperty().set(row("Env"));
        assertThat(editor.canRemoveProperty().get()).isFalse();
    }

    @Test
    void leavingWithoutEditsAsksNothing() {
        assertThat(editor.mayLeave()).isTrue();
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void leavingWithEditsAsksAndCancelKeepsThem() {
        row("Env").valueProperty().set("production");
        dialogs.answerNextUnsavedEdits(UnsavedEditsChoice.CANCEL);

        assertThat(editor.mayLeave()).isFalse();

        assertThat(dialogs.shown("unsaved").get(0).header())
                .isEqualTo("The tags of alias/payments-prod have changes that were not applied.");
        assertThat(row("Env").valueProperty().get()).isEqualTo("production");
    }

    @Test
    void leavingWithEditsAndDiscardDropsThem() {
        row("Env").valueProperty().set("production");
        dialogs.answerNextUnsavedEdits(UnsavedEditsChoice.DISCARD);

        assertThat(editor.mayLeave()).isTrue();

        assertThat(editor.dirtyProperty().get()).isFalse();
        assertThat(kmsTags()).containsEntry("Env", "dev");
    }

    @Test
    void leavingWithEditsAndReviewOpensTheReviewAndStays() {
        row("Env").valueProperty().set("production");
        dialogs.answerNextUnsavedEdits(UnsavedEditsChoice.REVIEW).applyNextReview();

        assertThat(editor.mayLeave()).isFalse();

        assertThat(kmsTags()).containsEntry("Env", "production");
        assertThat(editor.dirtyProperty().get()).isFalse();
    }

    @Test
    void aResultForAKeyTheUserLeftDoesNotReplaceTheNewKeysTags() {
        String other = createKey(tag("Project", "x"));
        applyEnvProductionHeld();

        select(other, KeyManager.CUSTOMER, "Enabled");
        executor.runHeldWork();

        assertThat(editor.rows()).extracting(r -> r.keyProperty().get()).containsExactly("Project");
        assertThat(kmsTags()).containsEntry("Env", "production");
        assertThat(editor.lastResultProperty().get()).isEqualTo("1 tag changed on alias/payments-prod");
    }

    @Test
    void quittingWhileTagChangesAreWrittenClosesOnceTheyAreWritten() {
        int[] closes = {0};
        applyEnvProductionHeld();

        assertThat(editor.mayClose(() -> closes[0]++)).isFalse();
        assertThat(editor.lastResultProperty().get())
                .isEqualTo("Closing once the tag changes to alias/payments-prod are written\u2026");
        assertThat(closes[0]).isZero();

        executor.runHeldWork();

        assertThat(closes[0]).isEqualTo(1);
        assertThat(kmsTags()).containsEntry("Env", "production");
    }

    @Test
    void theConnectionStaysWhileTagChangesAreWrittenOverIt() {
        applyEnvProductionHeld();

        assertThat(editor.mayReplaceConnection()).isFalse();
        assertThat(editor.lastResultProperty().get()).isEqualTo("Tag changes to alias/payments-prod are being"
                + " written; switch the connection once they are");
        assertThat(editor.lastResultIsErrorProperty().get()).isTrue();

        executor.runHeldWork();

        assertThat(editor.mayReplaceConnection()).isTrue();
        assertThat(kmsTags()).containsEntry("Env", "production");
    }

    @Test
    void closingWithNothingInFlightOrEditedGoesAheadAtOnce() {
        int[] closes = {0};

        assertThat(editor.mayClose(() -> closes[0]++)).isTrue();
        assertThat(closes[0]).as("the caller closes").isZero();
    }

    @Test
    void everyKindOfKmsFailureHasACommitSentence() {
        Set<KmsProblem> toldByTheConnection =
                EnumSet.of(KmsProblem.UNKNOWN_REGION, KmsProblem.SSO_LOGIN_NEEDED, KmsProblem.ASSUME_ROLE_DENIED);
        for (KmsProblem problem : KmsProblem.values()) {
            assertThat(MESSAGES.has("commit.problem." + problem.name()))
                    .as(problem.name()).isEqualTo(!toldByTheConnection.contains(problem));
        }
    }
}
