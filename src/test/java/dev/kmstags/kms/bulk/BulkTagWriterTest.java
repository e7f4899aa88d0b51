package dev.kmstags.kms.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.TagPlan;
import dev.kmstags.domain.bulk.BulkEdit;
import dev.kmstags.domain.bulk.BulkOperation;
import dev.kmstags.domain.bulk.BulkSelection;
import dev.kmstags.kms.KmsClients;
import dev.kmstags.kms.KmsConnection;
import dev.kmstags.kms.KmsProblem;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.LocalKmsBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.Tag;

/** Bulk commits with the real SDK client against the bundled backend over HTTP. */
class BulkTagWriterTest {

    private static final int KEYS = 12;

    @TempDir
    Path folder;

    private LocalKmsBackend backend;
    private KmsConnection connection;
    private KmsClient client;
    private KmsClient other;
    private final List<String> keyIds = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        backend = LocalKmsBackend.start(BackendOptions.defaults(folder.resolve("kms.db")).withPort(0).withSeed(false));
        connection = KmsConnection.bundledBackend(backend.endpoint(), "us-east-1", "test", "test");
        client = KmsClients.create(connection);
        other = KmsClients.create(connection);
        for (int i = 0; i < KEYS; i++) {
            keyIds.add(other.createKey(b -> b.tags(tag("env", "dev"), tag("Owner", "alice"))).keyMetadata().keyId());
        }
    }

    @AfterEach
    void stop() {
        other.close();
        client.close();
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

    /** Each key's plan for: rename env to Environment, set CostCenter=CC-7 (one untag and one tag per key). */
    private Map<String, TagPlan> renameAndSet() {
        Map<String, Map<String, String>> loaded = new LinkedHashMap<>();
        keyIds.forEach(keyId -> loaded.put(keyId, kmsTags(keyId)));
        return BulkEdit.EMPTY.then(new BulkOperation.RenameKey("env", "Environment"))
                .then(new BulkOperation.SetTag("CostCenter", "CC-7"))
                .plan(BulkSelection.ofTags(loaded)).ready();
    }

    private static final Map<String, String> TARGET = Map.of("Environment", "dev", "Owner", "alice",
            "CostCenter", "CC-7");

    /** A writer at a high rate with a short back-off, so tests do not wait on the quotas. */
    private BulkTagWriter writer(int threads) {
        Duration backOff = Duration.ofMillis(5);
        return new BulkTagWriter(client, connection, threads, Pace.of(500, backOff), Pace.of(500, backOff),
                Pace.of(500, backOff));
    }

    private static BulkResult await(BulkTagWriter.Run run) throws Exception {
        return run.result().get(60, TimeUnit.SECONDS);
    }

    @Test
    void everyKeyIsWrittenAndProgressCountsThemAll() throws Exception {
        Map<String, TagPlan> plans = renameAndSet();
        List<BulkProgress> progress = new CopyOnWriteArrayList<>();

        BulkResult result = await(writer(3).start(plans, new BulkTagWriter.Listener() {
            @Override
            public void progress(BulkProgress p) {
                progress.add(p);
            }
        }));

        assertThat(result.written()).containsExactlyInAnyOrderElementsOf(keyIds);
        assertThat(result.keys().keySet()).containsExactlyElementsOf(keyIds);
        for (String keyId : keyIds) {
            assertThat(kmsTags(keyId)).isEqualTo(TARGET);
            assertThat(((KeyResult.Applied) result.keys().get(keyId)).tagsNow()).isEqualTo(TARGET);
        }
        assertThat(progress).hasSize(KEYS);
        assertThat(progress).extracting(BulkProgress::done).contains(KEYS);
        assertThat(progress.stream().filter(p -> p.done() == KEYS).findFirst().orElseThrow().remaining())
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void aKeyWhoseSameTagWasChangedMeanwhileIsAConflictAndTheRestGoesOn() throws Exception {
        Map<String, TagPlan> plans = renameAndSet();
        String clashing = keyIds.get(4);
        String merging = keyIds.get(7);

        BulkResult result = await(writer(1).start(plans, new BulkTagWriter.Listener() {
            @Override
            public void starting(String keyId) {
                if (keyId.equals(clashing)) {
                    other.tagResource(b -> b.keyId(clashing).tags(tag("CostCenter", "CC-9")));
                }
                if (keyId.equals(merging)) {
                    other.tagResource(b -> b.keyId(merging).tags(tag("AccessGroup", "readers")));
                }
            }
        }));

        KeyResult.Conflict conflict = (KeyResult.Conflict) result.keys().get(clashing);
        assertThat(conflict.conflicts()).singleElement()
                .satisfies(c -> assertThat(c.keys().get(0).key()).isEqualTo("CostCenter"));
        assertThat(conflict.theirs()).containsEntry("CostCenter", "CC-9");
        assertThat(kmsTags(clashing)).isEqualTo(Map.of("env", "dev", "Owner", "alice", "CostCenter", "CC-9"));

        Map<String, String> merged = new LinkedHashMap<>(TARGET);
        merged.put("AccessGroup", "readers");
        assertThat(kmsTags(merging)).isEqualTo(merged);
        assertThat(((KeyResult.Applied) result.keys().get(merging)).merged()).isNotNull();

        assertThat(result.written()).hasSize(KEYS - 1).doesNotContain(clashing);
        keyIds.stream().filter(k -> !k.equals(clashing) && !k.equals(merging))
                .forEach(keyId -> assertThat(kmsTags(keyId)).isEqualTo(TARGET));
    }

    @Test
    void aChangeMadeWhileTheKeyWaitsForItsWriteSlotIsAConflictNotOverwritten() throws Exception {
        Map<String, TagPlan> plans = renameAndSet();
        String[] current = new String[1];
        String[] changed = new String[1];
        Duration backOff = Duration.ofMillis(5);
        // UntagResource at 2 per second: the second key waits for its slot, and meanwhile a colleague sets the tag
        // this edit also sets.
        Pace untag = new Pace(2, backOff, System::nanoTime, nanos -> {
            if (changed[0] == null) {
                changed[0] = current[0];
                other.tagResource(b -> b.keyId(current[0]).tags(tag("CostCenter", "CC-9")));
            }
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        });
        BulkTagWriter writer = new BulkTagWriter(client, connection, 1, Pace.of(500, backOff), untag,
                Pace.of(500, backOff));

        BulkResult result = await(writer.start(Map.of(keyIds.get(0), plans.get(keyIds.get(0)),
                keyIds.get(1), plans.get(keyIds.get(1))), new BulkTagWriter.Listener() {
                    @Override
                    public void starting(String keyId) {
                        current[0] = keyId;
                    }
                }));

        assertThat(changed[0]).as("a key waited for its UntagResource slot").isNotNull();
        assertThat(kmsTags(changed[0])).containsEntry("CostCenter", "CC-9");
        assertThat(result.keys().get(changed[0])).isInstanceOf(KeyResult.Conflict.class);
        assertThat(result.written()).hasSize(1).doesNotContain(changed[0]);
    }

    @Test
    void cancelStopsStartingKeysAndReportsExactlyTheWrittenOnes() throws Exception {
        Map<String, TagPlan> plans = renameAndSet();
        AtomicInteger started = new AtomicInteger();
        BulkTagWriter.Run[] run = new BulkTagWriter.Run[1];
        Object ready = new Object();

        // The lock keeps the workers from reading run[0] before start() has returned it.
        synchronized (ready) {
            run[0] = writer(2).start(plans, new BulkTagWriter.Listener() {
                @Override
                public void starting(String keyId) {
                    synchronized (ready) {
                        if (started.incrementAndGet() == 5) {
                            run[0].cancel();
                        }
                    }
                }
            });
        }
        BulkResult result = await(run[0]);

        List<String> written = result.written();
        assertThat(written).hasSize(started.get()).hasSizeBetween(5, 6);
        for (String keyId : keyIds) {
            boolean isWritten = written.contains(keyId);
            assertThat(kmsTags(keyId)).isEqualTo(isWritten ? TARGET : Map.of("env", "dev", "Owner", "alice"));
            if (!isWritten) {
                assertThat(result.keys().get(keyId)).isEqualTo(new KeyResult.Skipped(KeyResult.Reason.CANCELLED));
            }
        }
    }

    @Test
    void aFailedKeyIsReportedWithItsSentenceAndRetryingItWritesIt() throws Exception {
        Map<String, TagPlan> plans = renameAndSet();
        String denied = keyIds.get(2);
        String halfWay = keyIds.get(5);
        backend.faults().failForKey("UntagResource", denied, 1, "AccessDeniedException", "not authorized");
        backend.faults().failForKey("TagResource", halfWay, 1, "KMSInternalException", "Internal error");

        BulkResult result = await(writer(2).start(plans, new BulkTagWriter.Listener() { }));

        KeyResult.Failed failed = (KeyResult.Failed) result.keys().get(denied);
        assertThat(failed.error().problem()).isEqualTo(KmsProblem.ACCESS_DENIED);
        assertThat(failed.error().detail()).isEqualTo("AccessDeniedException: not authorized");
        assertThat(failed.error().getMessage()).isEqualTo("Access denied: these credentials may not change the tags"
                + " of this key (AccessDeniedException: not authorized). Ask an administrator for kms:TagResource and"
                + " kms:UntagResource on it.");
        assertThat(kmsTags(denied)).isEqualTo(Map.of("env", "dev", "Owner", "alice"));
        KeyResult.Partial partial = (KeyResult.Partial) result.keys().get(halfWay);
        assertThat(partial.tagsNow()).isEqualTo(Map.of("Owner", "alice"));
        assertThat(kmsTags(halfWay)).isEqualTo(Map.of("Owner", "alice"));
        assertThat(partial.pending()).isInstanceOf(TagPlan.TagCall.TagResource.class);
        assertThat(result.keysWith(KeyResult.Applied.class)).hasSize(KEYS - 2);

        BulkResult retried = await(writer(2).start(result.retryPlans(plans), new BulkTagWriter.Listener() { }));

        assertThat(retried.written()).containsExactlyInAnyOrder(denied, halfWay);
        assertThat(kmsTags(denied)).isEqualTo(TARGET);
        assertThat(kmsTags(halfWay)).isEqualTo(TARGET);
    }

    @Test
    void throttledCallsAreRetriedNeverFailedAndEveryThrottleReachesThePace() throws Exception {
        Map<String, TagPlan> plans = renameAndSet();
        backend.faults().fail("TagResource", 3, "ThrottlingException", "Rate exceeded");
        backend.faults().fail("UntagResource", 2, "ThrottlingException", "Rate exceeded");
        Duration backOff = Duration.ofMillis(5);
        Pace untag = Pace.of(500, backOff);
        Pace tag = Pace.of(500, backOff);

        BulkResult result = await(new BulkTagWriter(client, connection, 1, Pace.of(500, backOff), untag, tag)
                .start(plans, new BulkTagWriter.Listener() { }));

        assertThat(result.keysWith(KeyResult.Applied.class)).containsExactlyElementsOf(keyIds);
        keyIds.forEach(keyId -> assertThat(kmsTags(keyId)).isEqualTo(TARGET));
        // Five throttles, each seen by the pace: the SDK retried none of them itself.
        assertThat(result.throttles()).isEqualTo(5);
    }

    @Test
    void throttlingAndAConflictInTheSameRun() throws Exception {
        Map<String, TagPlan> plans = renameAndSet();
        String clashing = keyIds.get(3);
        backend.faults().fail("TagResource", 4, "ThrottlingException", "Rate exceeded");

        BulkResult result = await(writer(2).start(plans, new BulkTagWriter.Listener() {
            @Override
            public void starting(String keyId) {
                if (keyId.equals(clashing)) {
                    other.untagResource(b -> b.keyId(clashing).tagKeys("env"));
                }
            }
        }));

        assertThat(result.throttles()).isEqualTo(4);
        assertThat(result.keys().get(clashing)).isInstanceOf(KeyResult.Conflict.class);
        assertThat(kmsTags(clashing)).isEqualTo(Map.of("Owner", "alice"));
        assertThat(result.written()).hasSize(KEYS - 1);
        keyIds.stream().filter(k -> !k.equals(clashing)).forEach(keyId -> assertThat(kmsTags(keyId)).isEqualTo(TARGET));
    }

    @Test
    void aKeyThatMergedWithTheirTagsWouldBreakTheLimitIsNotWritten() throws Exception {
        Map<String, TagPlan> plans = renameAndSet();
        String crowded = keyIds.get(1);
        List<Tag> many = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            many.add(tag("k" + i, "v"));
        }
        other.tagResource(b -> b.keyId(crowded).tags(many));

        BulkResult result = await(writer(1).start(Map.of(crowded, plans.get(crowded)), new BulkTagWriter.Listener() {
        }));

        assertThat(result.keys().get(crowded))
                .isEqualTo(new KeyResult.Skipped(KeyResult.Reason.MERGE_BREAKS_RULES));
        assertThat(kmsTags(crowded)).hasSize(50).containsEntry("env", "dev").doesNotContainKey("CostCenter");
    }

    @Test
    void aWriterAboveTheQuotasOfABackendThatThrottlesLikeKmsStillWritesEveryKey() throws Exception {
        Map<String, TagPlan> plans = renameAndSet();
        other.close();
        client.close();
        backend.close();
        backend = LocalKmsBackend.start(BackendOptions.defaults(folder.resolve("kms.db")).withPort(0)
                .withSeed(false).withQuotas(dev.kmstags.local.quota.RequestQuotas.aws()));
        connection = KmsConnection.bundledBackend(backend.endpoint(), "us-east-1", "test", "test");
        client = KmsClients.create(connection);
        other = KmsClients.create(connection);
        Duration backOff = Duration.ofMillis(20);

        // Four times the quotas, from three threads: KMS's answers, not the writer's settings, must slow it down.
        BulkResult result = await(new BulkTagWriter(client, connection, 3, Pace.of(500, backOff),
                Pace.of(20, backOff), Pace.of(40, backOff)).start(plans, new BulkTagWriter.Listener() { }));

        assertThat(result.keysWith(KeyResult.Applied.class)).containsExactlyElementsOf(keyIds);
        keyIds.forEach(keyId -> assertThat(kmsTags(keyId)).isEqualTo(TARGET));
    }

    @Test
    void aKeyAlreadyAsPlannedIsSkippedWithoutACall() throws Exception {
        Map<String, TagPlan> plans = renameAndSet();
        String done = keyIds.get(0);
        other.untagResource(b -> b.keyId(done).tagKeys("env"));
        other.tagResource(b -> b.keyId(done).tags(tag("Environment", "dev"), tag("CostCenter", "CC-7")));

        BulkResult result = await(writer(2).start(Map.of(done, plans.get(done)), new BulkTagWriter.Listener() { }));

        assertThat(result.keys().get(done)).isEqualTo(new KeyResult.Skipped(KeyResult.Reason.ALREADY_SO));
    }

    @Test
    void noPlansFinishAtOnce() throws Exception {
        BulkResult result = await(writer(2).start(Map.of(), new BulkTagWriter.Listener() { }));

        assertThat(result.keys()).isEmpty();
        assertThat(result.throttles()).isZero();
    }
}
