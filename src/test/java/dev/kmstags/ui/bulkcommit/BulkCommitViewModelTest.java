package dev.kmstags.ui.bulkcommit;

import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.bulk.BulkEdit;
import dev.kmstags.domain.bulk.BulkOperation;
import dev.kmstags.domain.bulk.BulkPlan;
import dev.kmstags.domain.bulk.BulkSelection;
import dev.kmstags.domain.bulk.TagCallQuotas;
import dev.kmstags.kms.KmsClients;
import dev.kmstags.kms.KmsConnection;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.LocalKmsBackend;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.ScriptedDialogs;
import dev.kmstags.ui.common.UiQueueTaskExecutor;
import dev.kmstags.ui.conflict.ConflictViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * The bulk commit's ViewModel writing through the real SDK client to the bundled backend over HTTP, with a second
 * client (another user) that checks what KMS holds or changes it meanwhile.
 */
class BulkCommitViewModelTest {

    private static final int KEYS = 12;
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Far above what the tests write, so they do not wait on the pacing. */
    private static final TagCallQuotas FAST = new TagCallQuotas(500, 500);

    @TempDir
    Path folder;

    private final UiQueueTaskExecutor executor = new UiQueueTaskExecutor();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final AppState state = new AppState();
    private final List<Map<String, Map<String, String>>> shownInKeyList = new ArrayList<>();
    private final List<String> keyIds = new ArrayList<>();
    private LocalKmsBackend backend;
    private KmsConnection connection;
    private KmsClient other;

    @BeforeEach
    void start() throws Exception {
        backend = LocalKmsBackend.start(BackendOptions.defaults(folder.resolve("kms.db")).withPort(0).withSeed(false));
        connection = KmsConnection.bundledBackend(backend.endpoint(), "us-east-1", "test", "test");
        other = KmsClients.create(connection);
        for (int i = 0; i < KEYS; i++) {
            keyIds.add(other.createKey(b -> b.tags(tag("env", "dev"), tag("Owner", "alice"))).keyMetadata().keyId());
        }
    }

    @AfterEach
    void stop() {
        other.close();
        backend.close();
    }

    private BulkCommitViewModel viewModel(TagCallQuotas quotas) {
        return new BulkCommitViewModel(executor, MESSAGES, dialogs, state,
                new SessionBulkCommits(() -> connection, () -> quotas), shownInKeyList::add);
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().tagKey(key).tagValue(value).build();
    }

    private Map<String, String> kmsTags(String keyId) {
        Map<String, String> tags = new LinkedHashMap<>();
        other.listResourceTagsPaginator(b -> b.keyId(keyId)).tags().forEach(t -> tags.put(t.tagKey(), t.tagValue()));
        return tags;
    }

    /** The reviewed plan of: set CostCenter=CC-7 on every key, from their tags as KMS holds them now. */
    private BulkPlan setCostCenter() {
        Map<String, Map<String, String>> loaded = new LinkedHashMap<>();
        keyIds.forEach(keyId -> loaded.put(keyId, kmsTags(keyId)));
        return BulkEdit.EMPTY.then(new BulkOperation.SetTag("CostCenter", "CC-7")).plan(BulkSelection.ofTags(loaded));
    }

    private void awaitEnd(BulkCommitViewModel viewModel) throws InterruptedException {
        executor.runUntil("the commit ended", () -> !viewModel.runningProperty().get(), WAIT);
    }

    private static List<String> keysWith(BulkCommitViewModel viewModel, KeyOutcome.Kind kind) {
        return viewModel.outcomes().stream().filter(outcome -> outcome.kind() == kind).map(KeyOutcome::keyId).toList();
    }

    @Test
    void aCommitWhoseReviewFoundAccessChangesSaysAuthorizationTakesTimeToFollow() throws Exception {
        BulkCommitViewModel viewModel = viewModel(FAST);
        viewModel.start(setCostCenter(), true);
        awaitEnd(viewModel);

        assertThat(viewModel.headlineProperty().get()).isEqualTo("Done: 12 of 12 keys written. Authorization may"
                + " take up to five minutes to follow the new tags.");
    }

    @Test
    void progressCountsTheKeysAndTheResultListsEveryKeyWrittenAndTheKeyListIsTold() throws Exception {
        BulkCommitViewModel viewModel = viewModel(FAST);
        viewModel.start(setCostCenter());

        assertThat(viewModel.shownProperty().get()).isTrue();
        assertThat(viewModel.runningProperty().get()).isTrue();
        assertThat(viewModel.headlineProperty().get()).isEqualTo("Writing the tags of 12 keys…");
        assertThat(viewModel.doneTextProperty().get()).isEqualTo("0 of 12 keys done");
        assertThat(viewModel.canCancelProperty().get()).isTrue();
        assertThat(viewModel.canDismissProperty().get()).isFalse();
        awaitEnd(viewModel);

        assertThat(viewModel.doneTextProperty().get()).isEqualTo("12 of 12 keys done");
        assertThat(viewModel.progressProperty().get()).isEqualTo(1.0);
        assertThat(viewModel.headlineProperty().get()).isEqualTo("Done: 12 of 12 keys written");
        assertThat(viewModel.summaryProperty().get()).isEqualTo("12 written");
        assertThat(viewModel.outcomes()).hasSize(KEYS).allSatisfy(outcome -> {
            assertThat(outcome.kind()).isEqualTo(KeyOutcome.Kind.APPLIED);
            assertThat(outcome.kindText()).isEqualTo("Written");
            assertThat(outcome.detail()).isEqualTo("1 tag changed");
        });
        keyIds.forEach(keyId -> assertThat(kmsTags(keyId)).containsEntry("CostCenter", "CC-7"));
        assertThat(shownInKeyList).singleElement().satisfies(shown -> {
            assertThat(shown.keySet()).containsExactlyElementsOf(keyIds);
            shown.values().forEach(tags -> assertThat(tags).isEqualTo(Map.of("env", "dev", "Owner", "alice",
                    "CostCenter", "CC-7")));
        });
        assertThat(viewModel.canRetryProperty().get()).isFalse();
        assertThat(viewModel.canDismissProperty().get()).isTrue();

        viewModel.dismiss();
        assertThat(viewModel.shownProperty().get()).isFalse();
        assertThat(viewModel.outcomes()).isEmpty();
    }

    @Test
    void cancelStartsNoNewKeyAndTheResultNamesExactlyTheKeysWritten() throws Exception {
        // Three keys a second: slow enough to cancel in the middle.
        BulkCommitViewModel viewModel = viewModel(new TagCallQuotas(3, 3));
        viewModel.start(setCostCenter());
        executor.runUntil("two keys are done", () -> viewModel.doneTextProperty().get().startsWith("2 of"), WAIT);

        viewModel.cancel();

        assertThat(viewModel.cancellingProperty().get()).isTrue();
        assertThat(viewModel.canCancelProperty().get()).isFalse();
        assertThat(viewModel.headlineProperty().get()).startsWith("Cancelling");
        awaitEnd(viewModel);
        List<String> written = keysWith(viewModel, KeyOutcome.Kind.APPLIED);
        List<String> notStarted = keysWith(viewModel, KeyOutcome.Kind.NOT_STARTED);
        assertThat(written.size()).isBetween(2, KEYS - 1);
        assertThat(written.size() + notStarted.size()).isEqualTo(KEYS);
        for (String keyId : keyIds) {
            assertThat(kmsTags(keyId).containsKey("CostCenter")).as(keyId + " written")
                    .isEqualTo(written.contains(keyId));
        }
        assertThat(viewModel.headlineProperty().get())
                .isEqualTo("Cancelled: " + written.size() + " of 12 keys written");
        assertThat(viewModel.summaryProperty().get())
                .isEqualTo(written.size() + " written\u2002\u00b7\u2002" + notStarted.size() + " not started");
        assertThat(shownInKeyList.get(0).keySet()).containsExactlyInAnyOrderElementsOf(written);
    }

    @Test
    void aFailedKeyShowsKmsSentenceAndIsWrittenByRetryOnceTheCauseIsGone() throws Exception {
        BulkPlan plan = setCostCenter();
        String deleted = keyIds.get(3);
        other.scheduleKeyDeletion(b -> b.keyId(deleted).pendingWindowInDays(7));
        BulkCommitViewModel viewModel = viewModel(FAST);

        viewModel.start(plan);
        awaitEnd(viewModel);

        assertThat(keysWith(viewModel, KeyOutcome.Kind.FAILED)).containsExactly(deleted);
        KeyOutcome failed = viewModel.outcomes().get(0);
        assertThat(failed.keyId()).as("problems come first").isEqualTo(deleted);
        assertThat(failed.detail()).contains("pending deletion");
        assertThat(viewModel.summaryProperty().get()).isEqualTo("1 failed\u2002\u00b7\u200211 written");
        assertThat(viewModel.canRetryProperty().get()).isTrue();
        assertThat(viewModel.toRetryProperty().get()).isEqualTo(1);
        assertThat(kmsTags(deleted)).doesNotContainKey("CostCenter");

        other.cancelKeyDeletion(b -> b.keyId(deleted));
        viewModel.retryFailed();
        assertThat(viewModel.doneTextProperty().get()).isEqualTo("0 of 1 key done");
        awaitEnd(viewModel);

        assertThat(kmsTags(deleted)).containsEntry("CostCenter", "CC-7");
        assertThat(viewModel.outcomes()).hasSize(KEYS).allSatisfy(outcome ->
                assertThat(outcome.kind()).isEqualTo(KeyOutcome.Kind.APPLIED));
        assertThat(viewModel.headlineProperty().get()).isEqualTo("Done: 1 of 1 key written");
        assertThat(viewModel.canRetryProperty().get()).isFalse();
    }

    @Test
    void aConflictIsNotWrittenAndOpensInTheConflictViewWhereTheMergeCanBeReviewedAndWritten() throws Exception {
        BulkPlan plan = setCostCenter();
        String clashing = keyIds.get(5);
        other.tagResource(b -> b.keyId(clashing).tags(tag("CostCenter", "CC-9")));
        BulkCommitViewModel viewModel = viewModel(FAST);

        viewModel.start(plan);
        awaitEnd(viewModel);

        KeyOutcome conflict = viewModel.outcomes().get(0);
        assertThat(conflict.keyId()).isEqualTo(clashing);
        assertThat(conflict.kind()).isEqualTo(KeyOutcome.Kind.CONFLICT);
        assertThat(conflict.detail()).isEqualTo("Someone else changed CostCenter meanwhile; nothing was written. "
                + "Open it to choose.");
        assertThat(kmsTags(clashing)).containsEntry("CostCenter", "CC-9");
        assertThat(shownInKeyList.get(0).get(clashing)).containsEntry("CostCenter", "CC-9");
        assertThat(viewModel.canOpenConflict(conflict)).isTrue();
        assertThat(viewModel.canOpenConflict(viewModel.outcomes().get(1))).isFalse();

        dialogs.answerNextConflict(ConflictViewModel.Choice.REVIEW_MERGE).applyNextReview();
        viewModel.openConflict(conflict);
        assertThat(dialogs.conflicts()).singleElement().satisfies(shown ->
                assertThat(shown.rows()).singleElement().satisfies(row -> {
                    assertThat(row.theirs()).isEqualTo("CC-9");
                    assertThat(row.yours()).isEqualTo("CC-7");
                }));
        assertThat(dialogs.reviews()).hasSize(1);
        awaitEnd(viewModel);

        assertThat(kmsTags(clashing)).containsEntry("CostCenter", "CC-7");
        assertThat(viewModel.outcomes()).allSatisfy(outcome ->
                assertThat(outcome.kind()).isEqualTo(KeyOutcome.Kind.APPLIED));
    }

    @Test
    void aConflictLeftAsItIsWritesNothing() throws Exception {
        BulkPlan plan = setCostCenter();
        String clashing = keyIds.get(0);
        other.tagResource(b -> b.keyId(clashing).tags(tag("CostCenter", "CC-9")));
        BulkCommitViewModel viewModel = viewModel(FAST);
        viewModel.start(plan);
        awaitEnd(viewModel);

        dialogs.answerNextConflict(ConflictViewModel.Choice.KEEP_EDITING);
        viewModel.openConflict(viewModel.outcomes().get(0));

        assertThat(dialogs.reviews()).isEmpty();
        assertThat(viewModel.runningProperty().get()).isFalse();
        assertThat(kmsTags(clashing)).containsEntry("CostCenter", "CC-9");
    }

    @Test
    void closingWhileKeysAreWrittenAsksAndClosesOnceTheKeysUnderWayAreFinished() throws Exception {
        BulkCommitViewModel viewModel = viewModel(new TagCallQuotas(3, 3));
        AtomicInteger closed = new AtomicInteger();
        viewModel.start(setCostCenter());

        dialogs.answerNextConfirm(false);
        assertThat(state.mayClose(closed::incrementAndGet)).isFalse();
        assertThat(viewModel.cancellingProperty().get()).as("No: the commit goes on").isFalse();

        dialogs.answerNextConfirm(true);
        assertThat(state.mayClose(closed::incrementAndGet)).isFalse();
        assertThat(dialogs.shown("confirm")).hasSize(2).allSatisfy(question ->
                assertThat(question.header()).isEqualTo("A bulk commit is writing tags"));
        assertThat(viewModel.cancellingProperty().get()).isTrue();
        assertThat(closed.get()).isZero();
        awaitEnd(viewModel);

        assertThat(closed.get()).isEqualTo(1);
        assertThat(keysWith(viewModel, KeyOutcome.Kind.NOT_STARTED)).isNotEmpty();
        assertThat(state.mayClose(closed::incrementAndGet)).as("nothing runs: no question").isTrue();
        assertThat(dialogs.shown("confirm")).hasSize(2);
    }

    @Test
    void replacingTheConnectionWhileKeysAreWrittenAsksAndCancelsTheCommitIfTheUserAgrees() throws Exception {
        BulkCommitViewModel viewModel = viewModel(new TagCallQuotas(3, 3));
        viewModel.start(setCostCenter());

        dialogs.answerNextConfirm(false);
        assertThat(state.mayReplaceConnection()).isFalse();
        assertThat(viewModel.runningProperty().get()).isTrue();

        dialogs.answerNextConfirm(true);
        assertThat(state.mayReplaceConnection()).isTrue();
        assertThat(viewModel.cancellingProperty().get()).isTrue();
        assertThat(state.mayLeave()).as("the selection may change at any time").isTrue();
        awaitEnd(viewModel);
        assertThat(viewModel.headlineProperty().get()).startsWith("Cancelled: ");
    }
}
