package dev.kmstags.ui.bulkcommit;

import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.Tag;
import dev.kmstags.domain.TagPlan;
import dev.kmstags.domain.bulk.BulkEdit;
import dev.kmstags.domain.bulk.BulkOperation;
import dev.kmstags.domain.bulk.BulkPlan;
import dev.kmstags.domain.bulk.BulkSelection;
import dev.kmstags.domain.bulk.TagCallQuotas;
import dev.kmstags.kms.KmsAccessException;
import dev.kmstags.kms.KmsProblem;
import dev.kmstags.kms.bulk.BulkProgress;
import dev.kmstags.kms.bulk.BulkResult;
import dev.kmstags.kms.bulk.BulkTagWriter;
import dev.kmstags.kms.bulk.KeyResult;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.ScriptedDialogs;
import dev.kmstags.ui.common.UiQueueTaskExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What the progress and the result say, on a fake clock, with commits the test drives: the rate, the time left, and
 * the outcomes KMS can only give under load or by chance (a TagResource failing after its UntagResource). The
 * real commits are in {@link BulkCommitViewModelTest}.
 */
class BulkCommitProgressTest {

    private final UiQueueTaskExecutor executor = new UiQueueTaskExecutor();
    private final ScriptedCommits commits = new ScriptedCommits();
    private long now;
    private final BulkCommitViewModel viewModel = new BulkCommitViewModel(executor, MESSAGES, new ScriptedDialogs(),
            new AppState(), commits, tags -> { }, () -> now);

    /** Commits that start nothing: the test reports their progress and ends them. */
    private static final class ScriptedCommits implements BulkCommits {

        final List<Map<String, TagPlan>> started = new ArrayList<>();
        BulkTagWriter.Listener listener;
        CompletableFuture<BulkResult> result;
        boolean cancelled;
        Function<String, Optional<String>> regionOfKey = key -> Optional.empty();

        @Override
        public BulkTagWriter.Run start(Map<String, TagPlan> plans, BulkTagWriter.Listener newListener) {
            started.add(plans);
            listener = newListener;
            result = new CompletableFuture<>();
            return new BulkTagWriter.Run() {
                @Override
                public void cancel() {
                    cancelled = true;
                }

                @Override
                public CompletableFuture<BulkResult> result() {
                    return result;
                }
            };
        }

        @Override
        public TagCallQuotas quotas() {
            return TagCallQuotas.AWS_DEFAULT;
        }

        @Override
        public Optional<String> regionOf(String key) {
            return regionOfKey.apply(key);
        }
    }

    /** Rename env to Environment on {@code keys} keys: one UntagResource and one TagResource each. */
    private static BulkPlan rename(int keys) {
        Map<String, Map<String, String>> loaded = new LinkedHashMap<>();
        for (int i = 0; i < keys; i++) {
            loaded.put("key-" + i, Map.of("env", "dev"));
        }
        return BulkEdit.EMPTY.then(new BulkOperation.RenameKey("env", "Environment"))
                .plan(BulkSelection.ofTags(loaded));
    }

    @Test
    void theTimeLeftIsEstimatedAtTheQuotasFirstThenFollowsTheCommitAndTheRateIsKeysPerSecondSoFar() {
        viewModel.start(rename(1000));

        // 1,000 UntagResource at 5 a second, and one TagResource interval after the last.
        assertThat(viewModel.remainingTextProperty().get()).isEqualTo("About 4 min left");
        assertThat(viewModel.rateTextProperty().get()).isEmpty();

        now = Duration.ofSeconds(4).toNanos();
        commits.listener.progress(new BulkProgress(20, 1000, 10, 5, Duration.ofSeconds(196)));
        commits.listener.progress(new BulkProgress(19, 1000, 10, 5, Duration.ofSeconds(197)));
        executor.runQueued();

        assertThat(viewModel.doneTextProperty().get()).isEqualTo("20 of 1,000 keys done");
        assertThat(viewModel.progressProperty().get()).isEqualTo(0.02);
        assertThat(viewModel.rateTextProperty().get()).isEqualTo("5.0 keys a second");
        assertThat(viewModel.remainingTextProperty().get()).isEqualTo("About 4 min left");

        now = Duration.ofSeconds(200).toNanos();
        commits.listener.progress(new BulkProgress(990, 1000, 10, 2.5, Duration.ofSeconds(4)));
        executor.runQueued();
        assertThat(viewModel.rateTextProperty().get()).isEqualTo("5.0 keys a second");
        assertThat(viewModel.remainingTextProperty().get()).isEqualTo("About 4 s left");
    }

    @Test
    void theFirstTimeLeftOfKeysInTwoRegionsIsTheSlowerRegionsNotAllCallsAtOneRegionsQuotas() {
        commits.regionOfKey = key -> Optional.of(
                Integer.parseInt(key.substring("key-".length())) % 2 == 0 ? "eu-west-1" : "us-east-1");
        viewModel.start(rename(1000));

        // 500 UntagResource in each region at 5 a second, the regions side by side: 100 s, not 200 s.
        assertThat(viewModel.remainingTextProperty().get()).isEqualTo("About 100 s left");
    }

    @Test
    void cancellingBeforeTheCommitWasHandedOverCancelsItOnceItIs() {
        viewModel.start(rename(3));
        viewModel.cancel();

        assertThat(commits.cancelled).isTrue();
        assertThat(viewModel.remainingTextProperty().get()).isEmpty();
    }

    @Test
    void aKeyWhereOnlyTheUntagWentThroughShowsWhatIsOnItAndRetryMakesOnlyThePendingTagResource() {
        BulkPlan plan = rename(2);
        viewModel.start(plan);
        KmsAccessException denied = new KmsAccessException(KmsProblem.ACCESS_DENIED,
                "Access denied: these credentials may not call TagResource on key-1.", "AccessDeniedException", null);
        Map<String, KeyResult> results = new LinkedHashMap<>();
        results.put("key-0", new KeyResult.Applied(Map.of("Environment", "dev"), null));
        results.put("key-1", new KeyResult.Partial(denied, Map.of(),
                new TagPlan.TagCall.TagResource(List.of(new Tag("Environment", "dev")))));
        commits.result.complete(new BulkResult(results, 3));
        executor.runQueued();

        KeyOutcome partial = viewModel.outcomes().get(0);
        assertThat(partial.kind()).isEqualTo(KeyOutcome.Kind.PARTIAL);
        assertThat(partial.kindText()).isEqualTo("Only the untag");
        assertThat(partial.detail()).isEqualTo("Only the UntagResource went through. Access denied: these credentials "
                + "may not call TagResource on key-1. Now on the key: no tags. Pending: TagResource "
                + "(Environment = dev).");
        assertThat(viewModel.headlineProperty().get()).isEqualTo("Done: 2 of 2 keys written");
        assertThat(viewModel.summaryProperty().get()).isEqualTo("1 only untagged\u2002\u00b7\u20021 written"
                + "\u2002\u00b7\u2002KMS throttled 3 calls: made again, slower");
        assertThat(viewModel.throttlesProperty().get()).isEqualTo(3);

        viewModel.retryFailed();

        TagPlan retried = commits.started.get(1).get("key-1");
        assertThat(commits.started.get(1)).containsOnlyKeys("key-1");
        assertThat(retried.keysToUntag()).isEmpty();
        assertThat(retried.tagsToSet()).containsExactly(new Tag("Environment", "dev"));
    }
}
