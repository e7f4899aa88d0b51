package dev.kmstags.ui.bulkcommit;

import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.TagPlan;
import dev.kmstags.domain.bulk.BulkEdit;
import dev.kmstags.domain.bulk.BulkOperation;
import dev.kmstags.domain.bulk.BulkSelection;
import dev.kmstags.domain.bulk.TagCallQuotas;
import dev.kmstags.kms.KmsClients;
import dev.kmstags.kms.KmsConnection;
import dev.kmstags.kms.bulk.BulkProgress;
import dev.kmstags.kms.bulk.BulkTagWriter;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.LocalKmsBackend;
import dev.kmstags.local.quota.RequestQuotas;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.ScriptedDialogs;
import dev.kmstags.ui.common.UiQueueTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * Throttling and a conflict in the same bulk commit: the bundled backend enforces request quotas below those the
 * commit is paced to (AWS's defaults), and while it runs another user changes, with a second real SDK client, the
 * same tag of one key. No key fails for being throttled, the key changed meanwhile is not written, and every other
 * key is.
 */
class BulkCommitThrottlingAndConflictTest {

    private static final int KEYS = 20;

    @TempDir
    Path folder;

    private final UiQueueTaskExecutor executor = new UiQueueTaskExecutor();
    private final List<String> keyIds = new ArrayList<>();
    private LocalKmsBackend backend;
    private KmsConnection connection;
    private KmsClient other;

    @BeforeEach
    void start() throws Exception {
        // The keys are made first without quotas (CreateKey's is 5 a second), then the backend is started again on
        // the same data file with AWS's quotas.
        BackendOptions options = BackendOptions.defaults(folder.resolve("kms.db")).withPort(0).withSeed(false);
        try (LocalKmsBackend unthrottled = LocalKmsBackend.start(options);
             KmsClient creator = KmsClients.create(KmsConnection.bundledBackend(unthrottled.endpoint(), "us-east-1",
                     "test", "test"))) {
            for (int i = 0; i < KEYS; i++) {
                keyIds.add(creator.createKey(b -> b.tags(tag("Owner", "alice"))).keyMetadata().keyId());
            }
        }
        // AWS's quotas, but TagResource at 2 a second: an account whose quota other tools share, or lower than
        // the one the commit is paced to. However slow the machine, the commit goes faster than that.
        Path quotas = Files.writeString(folder.resolve("quotas.properties"), "TagResource = 2\n");
        backend = LocalKmsBackend.start(options.withQuotas(RequestQuotas.fromFile(quotas)));
        connection = KmsConnection.bundledBackend(backend.endpoint(), "us-east-1", "test", "test");
        other = KmsClients.create(connection);
    }

    @AfterEach
    void stop() {
        other.close();
        backend.close();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().tagKey(key).tagValue(value).build();
    }

    private Map<String, String> kmsTags(String keyId) {
        Map<String, String> tags = new LinkedHashMap<>();
        other.listResourceTagsPaginator(b -> b.keyId(keyId)).tags().forEach(t -> tags.put(t.tagKey(), t.tagValue()));
        return tags;
    }

    /**
     * The other user's TagResource shares the account's quota with the commit, so KMS may throttle it too: they try
     * again, as a person or a script would.
     */
    private void otherUserSets(String keyId, String key, String value) {
        while (true) {
            try {
                other.tagResource(b -> b.keyId(keyId).tags(tag(key, value)));
                return;
            } catch (KmsException e) {
                if (!"ThrottlingException".equals(e.awsErrorDetails().errorCode())) {
                    throw e;
                }
            }
        }
    }

    @Test
    void noKeyFailsForThrottlingTheKeyChangedMeanwhileIsNotWrittenAndTheRestIs() throws Exception {
        Map<String, Map<String, String>> loaded = new LinkedHashMap<>();
        keyIds.forEach(keyId -> loaded.put(keyId, kmsTags(keyId)));
        String changedMeanwhile = keyIds.get(KEYS - 1);
        SessionBulkCommits sessions = new SessionBulkCommits(() -> connection, () -> TagCallQuotas.AWS_DEFAULT);
        AtomicBoolean changed = new AtomicBoolean();
        // Once the first key is done, with the last key far from started, the other user sets its CostCenter.
        BulkCommits commitsWithAColleague = new BulkCommits() {
            @Override
            public BulkTagWriter.Run start(Map<String, TagPlan> plans, BulkTagWriter.Listener listener) {
                return sessions.start(plans, new BulkTagWriter.Listener() {
                    @Override
                    public void progress(BulkProgress progress) {
                        if (changed.compareAndSet(false, true)) {
                            otherUserSets(changedMeanwhile, "CostCenter", "CC-9");
                        }
                        listener.progress(progress);
                    }
                });
            }

            @Override
            public TagCallQuotas quotas() {
                return sessions.quotas();
            }
        };
        BulkCommitViewModel viewModel = new BulkCommitViewModel(executor, MESSAGES, new ScriptedDialogs(),
                new AppState(), commitsWithAColleague, tags -> { });

        viewModel.start(BulkEdit.EMPTY.then(new BulkOperation.SetTag("CostCenter", "CC-7"))
                .plan(BulkSelection.ofTags(loaded)));
        executor.runUntil("the commit ended", () -> !viewModel.runningProperty().get(), Duration.ofSeconds(90));

        assertThat(changed).isTrue();
        assertThat(viewModel.throttlesProperty().get()).as("calls KMS throttled").isPositive();
        assertThat(viewModel.outcomes()).noneMatch(outcome -> outcome.kind() == KeyOutcome.Kind.FAILED);
        KeyOutcome conflict = viewModel.outcomes().get(0);
        assertThat(conflict.keyId()).isEqualTo(changedMeanwhile);
        assertThat(conflict.kind()).isEqualTo(KeyOutcome.Kind.CONFLICT);
        assertThat(kmsTags(changedMeanwhile)).isEqualTo(Map.of("Owner", "alice", "CostCenter", "CC-9"));
        assertThat(viewModel.outcomes().subList(1, KEYS)).allSatisfy(outcome ->
                assertThat(outcome.kind()).isEqualTo(KeyOutcome.Kind.APPLIED));
        keyIds.subList(0, KEYS - 1).forEach(keyId ->
                assertThat(kmsTags(keyId)).isEqualTo(Map.of("Owner", "alice", "CostCenter", "CC-7")));
        assertThat(viewModel.headlineProperty().get()).isEqualTo("Done: 19 of 20 keys written");
        assertThat(viewModel.summaryProperty().get())
                .startsWith("1 conflict\u2002\u00b7\u200219 written\u2002\u00b7\u2002KMS throttled ");
    }
}
