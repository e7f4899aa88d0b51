package dev.kmstags.ui.bulk;

import static dev.kmstags.ui.common.TestKeys.AWS_S3;
import static dev.kmstags.ui.common.TestKeys.EXPERIMENT;
import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.EditedTag;
import dev.kmstags.domain.KeyManager;
import dev.kmstags.domain.KeyStates.ReadOnlyReason;
import dev.kmstags.domain.Tag;
import dev.kmstags.domain.TagPlan;
import dev.kmstags.domain.TagRule;
import dev.kmstags.domain.bulk.BulkPlan;
import dev.kmstags.domain.bulk.BulkProblem;
import dev.kmstags.profiles.MemoryPreferences;
import dev.kmstags.profiles.TagCallQuotaPreferences;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.BulkCommitStarter;
import dev.kmstags.ui.common.DialogModel;
import dev.kmstags.ui.common.DialogService;
import dev.kmstags.ui.common.ScriptedDialogs;
import dev.kmstags.ui.common.TestKeys;
import dev.kmstags.ui.common.TestTaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** "Tags of N keys" and its bulk edit, on a selection of keys whose tags the key list has read. */
class BulkEditViewModelTest {

    private final AppState state = new AppState();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<BulkPlan> started = new ArrayList<>();
    private final TagCallQuotaPreferences quotas = new TagCallQuotaPreferences(MemoryPreferences.newRoot());
    private final BulkEditViewModel viewModel = new BulkEditViewModel(MESSAGES, dialogs, state,
            new TestTaskExecutor(), quotas, started::add);

    private static FakeKeyEntry key(String id, String alias) {
        return new FakeKeyEntry(TestKeys.key(id, List.of("alias/" + alias), "", "Enabled", KeyManager.CUSTOMER));
    }

    private final FakeKeyEntry payments = key("k1", "payments").tagged("Environment", "production", "Team", "payments",
            "CostCenter", "CC-1042");
    private final FakeKeyEntry orders = key("k2", "orders").tagged("Environment", "production", "Team", "commerce");
    private final FakeKeyEntry staging = key("k3", "staging").tagged("Environment", "staging", "env", "stg");

    private void select(FakeKeyEntry... keys) {
        state.setSelectedKeys(List.of(keys));
    }

    /** A bulk edit whose work waits for {@code background}, with the step Owner={@code owner} on payments and orders. */
    private BulkEditViewModel ownerSetOnPaymentsAndOrders(TestTaskExecutor background, String owner) {
        BulkEditViewModel edit = new BulkEditViewModel(MESSAGES, dialogs, state, background, quotas, started::add);
        select(payments, orders);
        background.runHeldWork();
        edit.tagKeyProperty().set("Owner");
        edit.tagValueProperty().set(owner);
        edit.setTag();
        background.runHeldWork();
        return edit;
    }

    private BulkTagRow row(String key) {
        return viewModel.rows().stream().filter(row -> row.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void severalKeysShowOneRowPerTagKeyWithOnHowManyAndItsValues() {
        assertThat(viewModel.activeProperty().get()).isFalse();

        select(payments, orders, staging);

        assertThat(viewModel.activeProperty().get()).isTrue();
        assertThat(viewModel.titleProperty().get()).isEqualTo("Tags of 3 keys");
        assertThat(viewModel.rows()).extracting(BulkTagRow::key)
                .containsExactly("CostCenter", "env", "Environment", "Team");
        assertThat(row("Environment").onText()).isEqualTo("on 3 of 3");
        assertThat(row("Environment").valueText()).isEqualTo("2 different values");
        assertThat(row("Environment").values().list()).containsExactly(
                new BulkTagRow.ValueOnKeys("production: on 2 keys", "alias/payments, alias/orders"),
                new BulkTagRow.ValueOnKeys("staging: on 1 key", "alias/staging"));
        assertThat(row("CostCenter").onText()).isEqualTo("on 1 of 3");
        assertThat(row("CostCenter").valueText()).isEqualTo("CC-1042");
        assertThat(row("CostCenter").values().any()).isFalse();
        assertThat(row("CostCenter").values().list()).isEmpty();
        assertThat(viewModel.rows()).allMatch(row -> row.change() == BulkTagRow.Change.NONE);
        assertThat(viewModel.caseVariantsTextProperty().get()).isEqualTo("No tag keys differ only in letter case.");
        assertThat(viewModel.canReviewProperty().get()).isFalse();
        assertThat(viewModel.summaryProperty().get()).isEqualTo("No pending change");

        select(payments);
        assertThat(viewModel.activeProperty().get()).isFalse();
    }

    @Test
    void aNewSelectionIsPlannedBesideTheUiThreadAndAStepTakenMeanwhileWins() {
        TestTaskExecutor background = new TestTaskExecutor().holdWork();
        BulkEditViewModel edit = new BulkEditViewModel(MESSAGES, dialogs, state, background, quotas, started::add);
        select(payments, orders, staging);

        // The selection is known at once; its plan arrives from the background in a later turn.
        assertThat(edit.titleProperty().get()).isEqualTo("Tags of 3 keys");
        assertThat(edit.rows()).isEmpty();
        edit.tagKeyProperty().set("Owner");
        edit.tagValueProperty().set("platform");
        edit.setTag();
        assertThat(edit.canReviewProperty().get()).isFalse();

        // The step's plan comes back first, the selection's after it: the later planning wins all the same.
        background.runHeldWorkNewestFirst();

        assertThat(edit.rows()).filteredOn(row -> row.key().equals("Owner")).singleElement()
                .satisfies(row -> assertThat(row.change()).isEqualTo(BulkTagRow.Change.ADDED));
        assertThat(edit.steps()).hasSize(1);
        assertThat(edit.canReviewProperty().get()).isTrue();
    }

    @Test
    void aStepIsPlannedBesideTheUiThreadAndCannotBeReviewedUntilItsPlanArrives() {
        TestTaskExecutor background = new TestTaskExecutor().holdWork();
        BulkEditViewModel edit = ownerSetOnPaymentsAndOrders(background, "platform");
        BulkPlan first = edit.plan();

        edit.tagValueProperty().set("security");
        edit.setTag();

        assertThat(edit.canReviewProperty().get()).as("the plan shown is of the step before").isFalse();
        assertThat(edit.plan()).isSameAs(first);
        edit.undo();
        assertThat(edit.canReviewProperty().get()).isFalse();
        assertThat(background.heldWork()).isEqualTo(2);

        background.runHeldWork();

        assertThat(edit.steps()).singleElement().asString().contains("platform");
        assertThat(edit.plan().ready().values()).allSatisfy(keyPlan -> assertThat(keyPlan.target())
                .anySatisfy(tag -> assertThat(tag.value()).isEqualTo("platform")));
        assertThat(edit.canReviewProperty().get()).isTrue();
        assertThat(edit.canRedoProperty().get()).isTrue();
    }

    @Test
    void untilTheNewSelectionsPlanArrivesTheEarlierPlanCannotBeReviewed() {
        TestTaskExecutor background = new TestTaskExecutor().holdWork();
        BulkEditViewModel edit = ownerSetOnPaymentsAndOrders(background, "platform");
        assertThat(edit.canReviewProperty().get()).isTrue();

        select(payments, orders, staging);

        assertThat(edit.canReviewProperty().get()).isFalse();
        background.runHeldWork();
        assertThat(edit.rows()).extracting(BulkTagRow::key).containsExactly("CostCenter", "env", "Environment",
                "Team");
        assertThat(edit.canReviewProperty().get()).isFalse();
    }

    @Test
    void keysThatCannotBeTaggedAreListedUpFrontWithTheReasonAndLeftOut() {
        FakeKeyEntry awsManaged = new FakeKeyEntry(AWS_S3);
        FakeKeyEntry pending = new FakeKeyEntry(EXPERIMENT).tagged("Owner", "jdoe");
        FakeKeyEntry denied = key("k9", "secret").denied();

        select(payments, awsManaged, pending, denied, orders);

        assertThat(viewModel.titleProperty().get()).isEqualTo("Tags of 2 keys");
        assertThat(viewModel.skippedTitleProperty().get()).isEqualTo("3 keys left out: never written");
        assertThat(viewModel.skipped()).containsExactly(
                "alias/aws/s3: " + MESSAGES.get("readOnly." + ReadOnlyReason.AWS_MANAGED),
                "alias/tmp-experiment: " + MESSAGES.get("readOnly." + ReadOnlyReason.PENDING_DELETION),
                "alias/secret: " + MESSAGES.get("readOnly." + ReadOnlyReason.TAGS_DENIED));
        assertThat(viewModel.rows()).extracting(BulkTagRow::key).doesNotContain("Owner");

        viewModel.tagKeyProperty().set("Owner");
        viewModel.tagValueProperty().set("alice");
        viewModel.setTag();
        assertThat(viewModel.plan().ready()).containsOnlyKeys("k1", "k2");
        assertThat(viewModel.plan().skipped()).containsOnlyKeys(AWS_S3.keyId(), EXPERIMENT.keyId(), "k9");
    }

    @Test
    void keysWhoseTagsAreStillReadJoinWhenTheyArrive() {
        FakeKeyEntry later = key("k4", "later");

        select(payments, later);

        assertThat(viewModel.titleProperty().get()).isEqualTo("Tags of 1 key");
        assertThat(viewModel.readingTextProperty().get()).isEqualTo("Reading the tags of 1 key; it joins when read.");

        later.tagged("Owner", "bob");

        assertThat(viewModel.titleProperty().get()).isEqualTo("Tags of 2 keys");
        assertThat(viewModel.readingTextProperty().get()).isEmpty();
        assertThat(row("Owner").onText()).isEqualTo("on 1 of 2");
    }

    @Test
    void eachStepIsAPendingChangeInTheTableAndCanBeUndoneAndRedone() {
        select(payments, orders, staging);

        viewModel.tagKeyProperty().set("CostCenter");
        viewModel.tagValueProperty().set("CC-2001");
        viewModel.setTag();

        assertThat(row("CostCenter").change()).isEqualTo(BulkTagRow.Change.CHANGED);
        assertThat(row("CostCenter").onText()).isEqualTo("on 1 of 3");
        assertThat(row("CostCenter").pendingText()).isEqualTo("\u2192 on 3 of 3 \u00b7 CC-2001");
        assertThat(viewModel.steps()).containsExactly("Set CostCenter = CC-2001 on all keys");
        assertThat(viewModel.summaryProperty().get()).isEqualTo("1 pending change: 3 keys change");

        viewModel.tagKeyProperty().set("Team");
        viewModel.removeTag();
        assertThat(row("Team").change()).isEqualTo(BulkTagRow.Change.REMOVED);
        assertThat(row("Team").pendingText()).isEqualTo("Removed from 2 keys");
        assertThat(viewModel.rows()).as("pending changes first").extracting(BulkTagRow::key)
                .containsExactly("CostCenter", "Team", "env", "Environment");

        viewModel.tagKeyProperty().set("Environment");
        viewModel.newKeyProperty().set("Stage");
        viewModel.renameTag();
        assertThat(row("Environment").change()).isEqualTo(BulkTagRow.Change.REMOVED);
        assertThat(row("Stage").change()).isEqualTo(BulkTagRow.Change.ADDED);
        assertThat(row("Stage").pendingText()).isEqualTo("Added: on 3 of 3 \u00b7 2 different values");
        assertThat(viewModel.steps()).hasSize(3);

        viewModel.undo();
        assertThat(viewModel.steps()).containsExactly("Set CostCenter = CC-2001 on all keys",
                "Remove Team from all keys");
        assertThat(row("Environment").change()).isEqualTo(BulkTagRow.Change.NONE);
        assertThat(viewModel.rows()).extracting(BulkTagRow::key).doesNotContain("Stage");
        assertThat(viewModel.canRedoProperty().get()).isTrue();

        viewModel.redo();
        assertThat(viewModel.steps()).hasSize(3);
        assertThat(row("Stage").change()).isEqualTo(BulkTagRow.Change.ADDED);

        viewModel.undo();
        viewModel.undo();
        viewModel.undo();
        assertThat(viewModel.steps()).isEmpty();
        assertThat(viewModel.canUndoProperty().get()).isFalse();
        assertThat(viewModel.rows()).allMatch(row -> row.change() == BulkTagRow.Change.NONE);
    }

    @Test
    void changingAValueTouchesOnlyTheKeysThatHaveIt() {
        select(payments, orders, staging);
        viewModel.tagKeyProperty().set("CostCenter");
        viewModel.tagValueProperty().set("CC-7");

        viewModel.changeValue();

        assertThat(viewModel.plan().ready()).containsOnlyKeys("k1");
        assertThat(row("CostCenter").pendingText()).isEqualTo("\u2192 on 1 of 3 \u00b7 CC-7");
    }

    @Test
    void aTagThatWouldTakeAKeyOverFiftyTagsIsAProblemOfThatKeyAlone() {
        List<Tag> nearlyFull = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            nearlyFull.add(new Tag("legacy-" + i, "v"));
        }
        FakeKeyEntry legacy = key("k5", "legacy").tagged(nearlyFull);
        select(payments, legacy);
        viewModel.tagKeyProperty().set("Owner");
        viewModel.tagValueProperty().set("alice");

        viewModel.setTag();

        assertThat(viewModel.plan().ready()).containsOnlyKeys("k1");
        assertThat(viewModel.plan().keys().get("k5").problems()).singleElement()
                .isInstanceOfSatisfying(BulkProblem.RuleBroken.class,
                        broken -> assertThat(broken.violation().rule()).isEqualTo(TagRule.TOO_MANY_TAGS));
        assertThat(viewModel.problemsTitleProperty().get()).isEqualTo("1 key not written until settled");
        assertThat(viewModel.problems()).extracting(BulkKeyProblem::text).containsExactly(
                "alias/legacy: The key would carry 51 tags; KMS allows at most 50. Remove 1.");
        assertThat(row("Owner").pendingText()).isEqualTo("Added: on 1 of 2 \u00b7 alice");
    }

    @Test
    void aKeyThatBreaksATagRuleCannotBeSetAtAll() {
        select(payments, orders);
        viewModel.tagKeyProperty().set("aws:owner");
        viewModel.tagValueProperty().set("x");

        assertThat(viewModel.canSetProperty().get()).isFalse();
        assertThat(viewModel.inputProblemProperty().get()).isEqualTo(MESSAGES.get("editor.error.KEY_RESERVED"));
        viewModel.setTag();
        assertThat(viewModel.steps()).isEmpty();
    }

    @Test
    void findAndReplaceCountsItsMatchesAsTheUserTypesAndSaysWhenAnExpressionIsInvalid() {
        select(payments, orders, staging);

        viewModel.findProperty().set("prod");
        assertThat(viewModel.matchTextProperty().get()).isEqualTo("2 matches in the values");
        viewModel.findProperty().set("o");
        assertThat(viewModel.matchTextProperty().get()).isEqualTo("5 matches in the values");
        viewModel.regexProperty().set(true);
        viewModel.findProperty().set("(prod");
        assertThat(viewModel.matchTextProperty().get()).startsWith("Not a valid regular expression: ");
        viewModel.findProperty().set("^(prod)uction$");
        viewModel.replacementProperty().set("$1");
        assertThat(viewModel.matchTextProperty().get()).isEqualTo("2 matches in the values");

        viewModel.replaceInValues();

        assertThat(viewModel.steps()).containsExactly("Replace /^(prod)uction$/ with \u201c$1\u201d in values");
        assertThat(row("Environment").pendingText()).isEqualTo("\u2192 on 3 of 3 \u00b7 2 different values");
        assertThat(viewModel.plan().ready().get("k1").tagsToSet()).containsExactly(new Tag("Environment", "prod"));
        assertThat(viewModel.matchTextProperty().get()).isEqualTo("No match in the values");
    }

    @Test
    void mergingSpellingVariantsListsTheKeysWhoseVariantsDifferUntilTheUserChooses() {
        FakeKeyEntry clash = key("k6", "clash").tagged("env", "dev", "Env", "prod");
        FakeKeyEntry same = key("k7", "same").tagged("env", "dev", "ENV", "dev");
        FakeKeyEntry single = key("k8", "single").tagged("env", "dev", "Team", "data");
        select(single, clash, same);
        assertThat(viewModel.caseVariantsTextProperty().get()).isEqualTo("Differ only in letter case: ENV, Env, env");

        viewModel.mergeTargetProperty().set("Environment");
        viewModel.mergeVariantsProperty().set("env, Env, ENV, environment");
        viewModel.mergeAnyCaseProperty().set(true);
        viewModel.mergeVariants();

        assertThat(viewModel.plan().ready()).containsOnlyKeys("k8", "k7");
        assertThat(viewModel.plan().ready().get("k8").target()).containsExactly(new Tag("Environment", "dev"),
                new Tag("Team", "data"));
        assertThat(viewModel.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.keyId()).isEqualTo("k6");
            assertThat(problem.choices()).containsExactly("dev", "prod");
            assertThat(problem.text()).isEqualTo("alias/clash: Variants of Environment with different values: "
                    + "env = dev, Env = prod. Choose the value to keep.");
        });

        viewModel.chooseVariantValue(viewModel.problems().get(0), "prod");

        assertThat(viewModel.problems()).isEmpty();
        assertThat(viewModel.plan().ready().get("k6").target()).containsExactly(new Tag("Environment", "prod"));
        assertThat(viewModel.steps()).singleElement().asString().endsWith("(1 key chosen)");
        viewModel.undo();
        assertThat(viewModel.problems()).hasSize(1);
    }

    @Test
    void theReviewIsPreparedBesideTheUiThreadAndOpensOnceItIsWithEachKeysChanges() {
        TestTaskExecutor background = new TestTaskExecutor().holdWork();
        BulkEditViewModel edit = ownerSetOnPaymentsAndOrders(background, "alice");

        dialogs.answerNextBulkReview(review -> review.canApplyProperty().get());
        edit.review();
        assertThat(dialogs.bulkReviews()).as("not before it is prepared").isEmpty();
        assertThat(edit.canReviewProperty().get()).as("no second review meanwhile").isFalse();
        background.runHeldWork();

        assertThat(dialogs.bulkReviews()).singleElement().satisfies(review -> assertThat(review.keyChanges())
                .extracting(BulkReviewViewModel.KeyChanges::heading).containsExactly(
                        "alias/payments \u2014 1 change: TagResource", "alias/orders \u2014 1 change: TagResource"));
        assertThat(started).singleElement().satisfies(plan -> assertThat(plan.ready()).containsOnlyKeys("k1", "k2"));
    }

    @Test
    void reviewHandsTheExactPlanToTheCommitOnceApplied() {
        select(payments, orders);
        viewModel.tagKeyProperty().set("Owner");
        viewModel.tagValueProperty().set("alice");
        viewModel.setTag();
        BulkPlan planned = viewModel.plan();

        dialogs.answerNextBulkReview(review -> false);
        viewModel.review();
        assertThat(started).isEmpty();
        assertThat(viewModel.steps()).hasSize(1);

        dialogs.answerNextBulkReview(review -> review.canApplyProperty().get());
        viewModel.review();

        assertThat(started).containsExactly(planned);
        assertThat(started.get(0).ready()).containsOnlyKeys("k1", "k2");
        assertThat(dialogs.bulkReviews()).hasSize(2);
        assertThat(viewModel.steps()).as("the steps went to the commit").isEmpty();
    }

    @Test
    void inAllRegionsTheReviewGivesEachRegionItsOwnQuotasAsTheCommitWritesThem() {
        BulkEditViewModel allRegions = new BulkEditViewModel(MESSAGES, dialogs, state, new TestTaskExecutor(), quotas,
                new BulkCommitStarter() {
                    @Override
                    public void start(BulkPlan reviewed) {
                        started.add(reviewed);
                    }

                    @Override
                    public Optional<String> regionOf(String key) {
                        return Optional.of(key.equals("k1") ? "eu-west-1" : "us-east-1");
                    }
                });
        select(payments, orders);
        allRegions.tagKeyProperty().set("Owner");
        allRegions.tagValueProperty().set("alice");
        allRegions.setTag();
        List<String> said = new ArrayList<>();

        dialogs.answerNextBulkReview(review -> {
            said.add(review.quotasLabel());
            said.add(review.estimateProperty().get());
            return false;
        });
        allRegions.review();

        assertThat(said).containsExactly("Quotas of each region (calls per second)", "The 2 regions are written at"
                + " the same time, each at these quotas: the commit takes about 1 s, as long as eu-west-1 with its 1"
                + " key.");
    }

    @Test
    void aReviewThatShowsAMomentLaterIsOpenedOnceAndAppliesThePlanReviewed() {
        List<Consumer<Object>> answers = new ArrayList<>();
        DialogService later = new DialogService() {
            @Override
            public void showInformation(String title, String header, String content) {
            }

            @Override
            @SuppressWarnings("unchecked")
            public <R> void open(DialogModel<R> model, Consumer<? super R> answer) {
                answers.add(value -> answer.accept((R) value));
            }
        };
        BulkEditViewModel edit = new BulkEditViewModel(MESSAGES, later, state, new TestTaskExecutor(), quotas,
                started::add);
        select(payments, orders);
        edit.tagKeyProperty().set("Owner");
        edit.tagValueProperty().set("alice");
        edit.setTag();
        BulkPlan planned = edit.plan();

        edit.review();
        assertThat(edit.canReviewProperty().get()).as("while the review is coming").isFalse();
        edit.review();
        assertThat(answers).as("a second Review meanwhile opens nothing").hasSize(1);

        answers.get(0).accept(true);

        assertThat(started).containsExactly(planned);
        assertThat(edit.steps()).isEmpty();
        assertThat(edit.canReviewProperty().get()).isFalse();
        edit.tagValueProperty().set("bob");
        edit.setTag();
        assertThat(edit.canReviewProperty().get()).as("the next edit can be reviewed").isTrue();
    }

    @Test
    void onProductionTheReviewWantsTheNumberOfKeysTyped() {
        state.setProduction(true);
        state.setConnectionText("prod \u00b7 111122223333 \u00b7 us-east-1");
        select(payments, orders, staging);
        viewModel.tagKeyProperty().set("Owner");
        viewModel.tagValueProperty().set("alice");
        viewModel.setTag();

        dialogs.answerNextBulkReview(review -> {
            assertThat(review.confirmationRequired()).isTrue();
            assertThat(review.confirmationPrompt()).startsWith("This connection is marked production. Type 3 ");
            assertThat(review.target()).isEqualTo("Writes to prod \u00b7 111122223333 \u00b7 us-east-1");
            review.confirmationProperty().set("2");
            assertThat(review.canApplyProperty().get()).isFalse();
            review.confirmationProperty().set(" 3 ");
            return review.canApplyProperty().get();
        });
        viewModel.review();

        assertThat(started).hasSize(1);
    }

    @Test
    void pendingStepsAreAskedAboutBeforeTheSelectionChanges() {
        select(payments, orders);
        assertThat(state.mayLeave()).as("nothing pending, nothing asked").isTrue();
        assertThat(dialogs.shown()).isEmpty();
        viewModel.tagKeyProperty().set("Team");
        viewModel.removeTag();

        dialogs.answerNextConfirm(false);
        assertThat(state.mayLeave()).isFalse();
        assertThat(viewModel.steps()).hasSize(1);
        assertThat(dialogs.shown("confirm")).singleElement().satisfies(question -> assertThat(question.header())
                .isEqualTo("1 pending change to the tags of 2 keys was not applied."));

        dialogs.answerNextConfirm(true);
        assertThat(state.mayReplaceConnection()).isTrue();
        assertThat(viewModel.steps()).isEmpty();
        assertThat(state.mayClose(() -> { })).isTrue();
    }

    @Test
    void theReviewShowsTotalsEachKeysChangesAndTheTimeAtTheQuotasWhichItRemembers() {
        select(payments, orders, staging);
        viewModel.tagKeyProperty().set("Environment");
        viewModel.newKeyProperty().set("Stage");
        viewModel.renameTag();
        viewModel.tagKeyProperty().set("Owner");
        viewModel.tagValueProperty().set("alice");
        viewModel.setTag();
        BulkReviewViewModel review = new BulkReviewViewModel(viewModel.plan(),
                Map.of("k1", "alias/payments"), "dev", false, quotas, MESSAGES);

        assertThat(review.title()).isEqualTo("Review changes to 3 keys");
        assertThat(review.totalsText()).isEqualTo("3 keys change: 3 tags added, 0 overwritten, 0 removed, 3 renamed.");
        assertThat(review.callsText()).startsWith("6 calls: 3 TagResource, 3 UntagResource.");
        assertThat(review.estimateProperty().get()).isEqualTo("At these quotas the commit takes about 1 s.");
        assertThat(review.keyChanges()).extracting(BulkReviewViewModel.KeyChanges::heading).containsExactly(
                "alias/payments \u2014 2 changes: UntagResource, then TagResource",
                "k2 \u2014 2 changes: UntagResource, then TagResource",
                "k3 \u2014 2 changes: UntagResource, then TagResource");
        assertThat(review.linesOf("k1")).startsWith("Added: Owner = alice",
                "Renamed: Environment \u2192 Stage, value kept");

        review.untagQuotaProperty().set("0.5");
        assertThat(review.estimateProperty().get()).isEqualTo("At these quotas the commit takes about 7 s.");
        review.tagQuotaProperty().set("fast");
        assertThat(review.estimateProperty().get())
                .isEqualTo("Enter each quota as a number of calls per second above 0.");
        assertThat(quotas.quotas().untagPerSecond()).isEqualTo(0.5);
        assertThat(quotas.quotas().tagPerSecond()).isEqualTo(10);
    }

    @Test
    void anImportedPlanIsReviewedWithTheKeysItLeavesOut() {
        BulkPlan imported = BulkPlan.of(Map.of("k1", TagPlan.between(Map.of(),
                List.of(EditedTag.added("Owner", "alice")))), Map.of("k9", ReadOnlyReason.AWS_MANAGED));

        BulkReviewViewModel review = new BulkReviewViewModel(imported, Map.of(), "dev", false, quotas, MESSAGES);

        assertThat(review.totalsText()).isEqualTo("1 key changes: 1 tag added, 0 overwritten, 0 removed, 0 renamed.");
        assertThat(review.skipped()).containsExactly("k9: " + MESSAGES.get("readOnly.AWS_MANAGED"));
        assertThat(review.canApplyProperty().get()).isTrue();
    }
}
